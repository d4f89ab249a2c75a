import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import type { PGlite } from '@electric-sql/pglite';
import type { DataSource } from 'typeorm';
import { copyRows } from './bulk-copy';
import { bulkInsertColumns } from './bulk-insert-columns';
import { openDataSource, openPGlite } from './data-source';

/** The demo loads' COPY path gives exactly the rows `INSERT … SELECT FROM unnest(…)` gives, in either COPY format. */
describe('copyRows on the embedded engine (files on disk)', () => {
  let dir: string;
  let db: PGlite;
  let dataSource: DataSource;
  const COLUMNS = `id uuid PRIMARY KEY, name varchar(12), note text, small smallint, n integer, big bigint, flag boolean,
    day date, at timestamptz, facts jsonb, area numeric(12, 2), ratio numeric`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-copy-'));
    db = await openPGlite(dir);
    ({ dataSource } = await openDataSource({ name: 'copy_test', engine: { kind: 'pglite', db }, entities: [], migrations: [] }));
    await dataSource.query(`CREATE TABLE copy_test.a (${COLUMNS})`);
    await dataSource.query(`CREATE TABLE copy_test.b (${COLUMNS})`);
    await dataSource.query(`CREATE TABLE copy_test.c (id uuid PRIMARY KEY, tags varchar[], day date)`);
    await dataSource.query(`CREATE TABLE copy_test.d (id uuid PRIMARY KEY, tags varchar[], day date)`);
    for (const t of ['e', 'f']) await dataSource.query(`CREATE TABLE copy_test.${t} (small smallint, n integer, big bigint, flag boolean, day date, at timestamptz)`);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const rows = Array.from({ length: 1200 }, (_, i) => ({
    id: `${i % 10 === 9 ? 'ABCDEF00' : '00000000'}-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: i % 7 ? `户主${i}` : null,
    note: ['tab\there', 'line\nbreak', 'back\\slash', 'quote"s', '', '昭通市', 'Zhaotong 昭通 🏔 ok'][i % 7],
    small: -i,
    n: i * 1000,
    big: i % 2 ? String(2 ** 40 + i) : 2 ** 40 - i,
    flag: i % 3 === 0,
    day: i === 3 ? '2024-02-29' : i % 5 ? `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}` : null,
    at: ['2026-12-01T08:09:10.123Z', '2024-02-29T23:59:59+08:00', '2000-01-01 00:00Z', '1999-12-31T23:59:59.999Z'][i % 4],
    facts: i % 2 ? { household: { id: i, areaCode: '530602' } } : JSON.stringify([i, '文笔']),
    area: [0, '12.5', 1234567.89, '-0.01', '100', 0.1 + 0.2][i % 6],
    ratio: ['0.000012', '-12345678901234.5678', 10000, '0'][i % 4],
  }));
  const same = async (x: string, y: string) =>
    (await dataSource.query(`SELECT (SELECT count(*) FROM (SELECT * FROM copy_test.${x} EXCEPT ALL SELECT * FROM copy_test.${y}) d)::int
                                  + (SELECT count(*) FROM (SELECT * FROM copy_test.${y} EXCEPT ALL SELECT * FROM copy_test.${x}) d)::int AS differ`))[0].differ;

  /** The COPY statements sent to the engine while `work` runs. */
  async function copies(work: () => Promise<void>): Promise<string[]> {
    const spy = jest.spyOn(db, 'query');
    try {
      await work();
      return spy.mock.calls.map(([sql]) => String(sql)).filter((sql) => sql.startsWith('COPY'));
    } finally {
      spy.mockRestore();
    }
  }

  it('writes every supported type in the binary format as the engine reads it from text', async () => {
    const sent = await copies(() => dataSource.transaction(async (m) => {
      await bulkInsertColumns(m, 'a', rows);
      await copyRows(m, 'b', rows);
    }));
    expect(sent).toEqual([`COPY "copy_test"."b" (${Object.keys(rows[0]).map((c) => `"${c}"`).join(', ')}) FROM '/dev/blob' WITH (FORMAT binary)`]);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM copy_test.b`)).toEqual([{ n: rows.length }]);
    expect(await same('a', 'b')).toBe(0);
    const [one] = await dataSource.query(`SELECT note, big::text, area::text, ratio::text, at = '2024-02-29T15:59:59Z' AS at FROM copy_test.b WHERE id = $1`, [rows[1].id]);
    expect(one).toEqual({ note: 'line\nbreak', big: String(2 ** 40 + 1), area: '12.50', ratio: '-12345678901234.5678', at: true });
  });

  it('writes fixed-size fields where they belong when a chunk outgrows the first buffer (1 MiB) and the buffer is replaced', async () => {
    // only fixed-size columns: whichever field crosses a buffer's end is one of them (about 3.5 MB: two replacements)
    const many = Array.from({ length: 70_000 }, (_, i) => ({
      small: (i % 30_000) - 15_000, n: i * 7 - 100_000, big: 2 ** 40 + i, flag: i % 3 === 0,
      day: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`, at: new Date(Date.UTC(2024, 0, 1) + i * 1000),
    }));
    const sent = await copies(() => dataSource.transaction(async (m) => {
      await bulkInsertColumns(m, 'e', many);
      await copyRows(m, 'f', many);
    }));
    expect(sent).toHaveLength(2);
    expect(sent.every((sql) => sql.endsWith('WITH (FORMAT binary)'))).toBe(true);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM copy_test.f`)).toEqual([{ n: many.length }]);
    expect(await same('e', 'f')).toBe(0);
  });

  it('falls back to the text format for arrays and values it cannot write exactly, with the same result', async () => {
    const other = rows.slice(0, 50).map((r, i) => ({ id: r.id, tags: i % 3 ? ['a', 'b"c', 'd\\e', null, '绥江'] : [], day: i % 2 ? '2024-02-29' : null }));
    const sent = await copies(() => dataSource.transaction(async (m) => {
      for (const r of other) await m.query(`INSERT INTO copy_test.c (id, tags, day) VALUES ($1, $2, $3)`, [r.id, r.tags, r.day]);
      await copyRows(m, 'd', other);
    }));
    expect(sent).toEqual([`COPY "copy_test"."d" ("id", "tags", "day") FROM '/dev/blob'`]);
    expect(await same('c', 'd')).toBe(0);
    expect(await dataSource.query(`SELECT tags FROM copy_test.d WHERE id = $1`, [rows[1].id])).toEqual([{ tags: ['a', 'b"c', 'd\\e', null, '绥江'] }]);
  });

  it('refuses what the table refuses, and the transaction writes nothing', async () => {
    const bad = [{ ...rows[0], id: '00000000-0000-4000-8000-100000000000', name: '超过十二个字符的名字超过十二个字符' }];
    await expect(dataSource.transaction((m) => copyRows(m, 'b', bad))).rejects.toThrow(/too long/);
    const noDay = [{ id: '00000000-0000-4000-8000-100000000001', tags: null, day: '2023-02-29' }];
    await expect(dataSource.transaction((m) => copyRows(m, 'd', noDay))).rejects.toThrow(/out of range/);
    await expect(dataSource.transaction((m) => copyRows(m, 'b', [rows[0]]))).rejects.toThrow(/duplicate key/);
    await expect(dataSource.transaction((m) => copyRows(m, 'b', [{ ...rows[0], id: '00000000-0000-4000-8000-10000000000g' }]))).rejects.toThrow(/invalid input syntax for type uuid/);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM copy_test.b`)).toEqual([{ n: rows.length }]);
  });
});

describe('copyRows on the embedded engine in memory', () => {
  it('inserts with INSERT … SELECT FROM unnest(…), not COPY (which grows an in-memory file by reallocating it whole)', async () => {
    const db = await openPGlite();
    const { dataSource } = await openDataSource({ name: 'copy_test', engine: { kind: 'pglite', db }, entities: [], migrations: [] });
    try {
      await dataSource.query(`CREATE TABLE copy_test.a (id uuid PRIMARY KEY, day date)`);
      const spy = jest.spyOn(db, 'query');
      await dataSource.transaction((m) => copyRows(m, 'a', [{ id: '00000000-0000-4000-8000-000000000001', day: '2024-02-29' }]));
      expect(spy.mock.calls.filter(([sql]) => String(sql).startsWith('COPY'))).toEqual([]);
      expect(await dataSource.query(`SELECT id, day FROM copy_test.a`)).toEqual([{ id: '00000000-0000-4000-8000-000000000001', day: '2024-02-29' }]);
    } finally {
      await dataSource.destroy();
      await db.close();
    }
  });
});
