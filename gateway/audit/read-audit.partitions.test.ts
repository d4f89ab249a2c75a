import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../platform/config';
import { openDataSource, openPGlite, type Engine } from '../../platform/db/data-source';
import { Role, type Identity } from '../../platform/security/identity';
import { Scope } from '../../platform/security/scope';
import { engines, TEST_DATABASE_URL } from '../../tests/environment';
import { openGatewayDatabase } from '../clients/client-store';
import { GatewaySchema1732250000000 } from '../clients/migrations/1732250000000-gateway-schema';
import { ReadAudit1732600000000 } from '../clients/migrations/1732600000000-read-audit';
import { addMonths, auditPartitions, dropExpiredMonths, maintainReadAudit, monthOf } from './read-audit.partitions';
import { findFullReads, writeFullReads } from './read-audit.store';

const officer: Identity = { subject: 'qiaojia-officer', role: Role.COUNTY_OFFICER, jurisdiction: ['530622'] };
const auditorOf = (area: string) => Scope.of({ subject: `auditor-${area}`, role: Role.AUDITOR, jurisdiction: [area] });

/** The gateway's tables in a throwaway schema (PostgreSQL) or a fresh embedded database. */
async function throwaway(kind: 'pglite' | 'postgres'): Promise<{ engine: Engine; schema: string; drop(): Promise<void> }> {
  const schema = `audit_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  if (kind === 'pglite') {
    const db = await openPGlite();
    return { engine: { kind: 'pglite', db }, schema, drop: () => db.close() };
  }
  return {
    engine: { kind: 'postgres', url: TEST_DATABASE_URL },
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}

describe.each(engines('declarative partitions, partition DDL and triggers'))('the read audit’s monthly partitions (%s)', (kind) => {
  let db: Awaited<ReturnType<typeof throwaway>>;
  let audit: DataSource;
  const table = () => `"${db.schema}".read_audit`;

  beforeAll(async () => {
    db = await throwaway(kind);
    // the audit as it was: one row per record, two requests
    const before = await openDataSource({ name: 'gateway', schema: db.schema, engine: db.engine, entities: [], migrations: [GatewaySchema1732250000000, ReadAudit1732600000000] });
    const [a, b] = [randomUUID(), randomUUID()];
    await before.dataSource.query(
      `INSERT INTO "${db.schema}".read_audit (at, request_id, subject, role, operation_name, client_address, record_type, record_id, area_code, fields) VALUES
        ('2026-03-10T02:00:00Z', $1, 'wenbi-worker', 'COMMUNITY_WORKER', 'Old', '127.0.0.1', 'Person', 'p1', '530622001', '{idNumber,phone}'),
        ('2026-03-10T02:00:00Z', $1, 'wenbi-worker', 'COMMUNITY_WORKER', 'Old', '127.0.0.1', 'Person', 'p2', '530622002', '{idNumber}'),
        ('2026-04-01T01:00:00Z', $2, 'qiaojia-officer', 'COUNTY_OFFICER', 'GET /exports/persons', NULL, 'export:persons', '530622', '530622', '{idNumber,phone}')`,
      [a, b],
    );
    await before.dataSource.destroy();
    audit = (await openGatewayDatabase(db.engine, { schema: db.schema })).dataSource;
  });
  afterAll(async () => {
    await audit?.destroy();
    await db?.drop();
  });

  it('moves the per-record rows into one row per request, in the month each request was made (CST)', async () => {
    const rows = await audit.query(`SELECT subject, operation_name, records, area_codes, fields, tableoid::regclass::text AS part FROM ${table()} ORDER BY id`);
    expect(rows).toEqual([
      { subject: 'wenbi-worker', operation_name: 'Old', records: ['Person:p1', 'Person:p2'], area_codes: ['530622001', '530622002'], fields: ['idNumber,phone', 'idNumber'], part: expect.stringMatching(/read_audit_202603$/) },
      // 01:00 UTC on 1 April is 09:00 in Zhaotong: April
      { subject: 'qiaojia-officer', operation_name: 'GET /exports/persons', records: ['export:persons:530622'], area_codes: ['530622'], fields: ['idNumber,phone'], part: expect.stringMatching(/read_audit_202604$/) },
    ]);
    const records = await audit.query(`SELECT record_type, record_id, fields FROM "${db.schema}".read_audit_record ORDER BY id, ord`);
    expect(records).toEqual([
      { record_type: 'Person', record_id: 'p1', fields: ['idNumber', 'phone'] },
      { record_type: 'Person', record_id: 'p2', fields: ['idNumber'] },
      { record_type: 'export:persons', record_id: '530622', fields: ['idNumber', 'phone'] },
    ]);
    expect(await audit.query(`SELECT to_regclass('"${db.schema}".read_audit_per_record') AS old`)).toEqual([{ old: null }]);
  });

  it('keeps every month append-only: no UPDATE, DELETE or TRUNCATE on the table or on a partition', async () => {
    const count = async () => Number((await audit.query(`SELECT count(*) AS n FROM ${table()}`))[0].n);
    const before = await count();
    for (const target of [table(), `"${db.schema}".read_audit_202603`]) {
      await expect(audit.query(`UPDATE ${target} SET subject = 'someone-else'`)).rejects.toThrow(/append-only/);
      await expect(audit.query(`DELETE FROM ${target}`)).rejects.toThrow(/append-only/);
      await expect(audit.query(`TRUNCATE ${target}`)).rejects.toThrow(/append-only/);
    }
    expect(await count()).toBe(before);
  });

  it('places a request on the CST month boundary in the month it was made in Zhaotong', async () => {
    await addMonths(audit, new Date('2026-02-15T00:00:00Z'));
    const insert = (at: string) => audit.query(`INSERT INTO ${table()} (at, request_id, subject, role, records, area_codes, fields) VALUES ($1, $2, 's', 'AUDITOR', '{Person:x}', '{530622}', '{idNumber}') RETURNING tableoid::regclass::text AS part`, [at, randomUUID()]);
    expect((await insert('2026-02-28T15:59:59.999Z'))[0].part).toMatch(/read_audit_202602$/);
    expect((await insert('2026-02-28T16:00:00Z'))[0].part).toMatch(/read_audit_202603$/);
    expect(monthOf(new Date('2026-02-28T16:00:00Z'))).toBe('202603');
    expect(monthOf(new Date('2026-12-31T12:00:00Z'), 1)).toBe('202701');
  });

  it('makes this month and the next at start (the gateway’s maintenance)', async () => {
    const now = new Date();
    await maintainReadAudit(audit, 36, now);
    expect(await auditPartitions(audit)).toEqual(expect.arrayContaining([`read_audit_${monthOf(now)}`, `read_audit_${monthOf(now, 1)}`]));
  });

  it('a write in a month without its partition makes it and succeeds', async () => {
    const month = `read_audit_${monthOf(new Date())}`;
    await audit.query(`ALTER TABLE ${table()} DETACH PARTITION "${db.schema}"."${month}"`);
    await audit.query(`ALTER TABLE "${db.schema}"."${month}" RENAME TO read_audit_detached`);
    expect(await auditPartitions(audit)).not.toContain(month);
    await writeFullReads(audit, { identity: officer, operationName: 'AfterDetach', clientAddress: null }, [{ type: 'Person', id: 'p9', areaCode: '530622003', fields: ['idNumber'] }]);
    expect(await auditPartitions(audit)).toContain(month);
    expect(await audit.query(`SELECT records FROM "${db.schema}"."${month}" WHERE operation_name = 'AfterDetach'`)).toEqual([{ records: ['Person:p9'] }]);
  });

  it('drops whole months once their newest row is older than the retention, and nothing younger', async () => {
    for (const at of ['2020-01-15', '2023-11-15', '2023-12-15']) {
      await addMonths(audit, new Date(`${at}T12:00:00+08:00`), 0);
      await audit.query(`INSERT INTO ${table()} (at, request_id, subject, role, records, area_codes, fields) VALUES ($1, $2, 's', 'AUDITOR', '{Person:x}', '{530622}', '{idNumber}')`, [`${at}T12:00:00+08:00`, randomUUID()]);
    }
    const now = new Date('2026-12-10T12:00:00+08:00');
    expect(await dropExpiredMonths(audit, 36, now)).toEqual(['read_audit_202001', 'read_audit_202311']);
    const left = await auditPartitions(audit);
    expect(left).toContain('read_audit_202312');
    expect(left).not.toContain('read_audit_202311');
    expect(Number((await audit.query(`SELECT count(*) AS n FROM ${table()} WHERE at < '2024-01-01T00:00:00+08:00'`))[0].n)).toBe(1);
    // a shorter retention drops more, the same call twice drops nothing more
    expect(await dropExpiredMonths(audit, 33, now)).toEqual(['read_audit_202312']);
    expect(await dropExpiredMonths(audit, 33, now)).toEqual([]);
    await expect(dropExpiredMonths(audit, 0, now)).rejects.toThrow(/at least one month/);
  });

  it('reads READ_AUDIT_RETENTION_MONTHS, 36 unless set', () => {
    expect(loadConfig({}).readAuditRetentionMonths).toBe(36);
    expect(loadConfig({ READ_AUDIT_RETENTION_MONTHS: '120' }).readAuditRetentionMonths).toBe(120);
    expect(() => loadConfig({ READ_AUDIT_RETENTION_MONTHS: 'forever' })).toThrow(/READ_AUDIT_RETENTION_MONTHS/);
  });

  it('shows an auditor only the records of a request inside their jurisdiction', async () => {
    await writeFullReads(audit, { identity: { ...officer, subject: 'prefecture-officer', jurisdiction: ['5306'] }, operationName: 'TwoCounties', clientAddress: null }, [
      { type: 'Person', id: 'q1', areaCode: '530622001', fields: ['idNumber'] },
      { type: 'Person', id: 's1', areaCode: '530627001', fields: ['idNumber', 'phone'] },
      { type: 'Person', id: 'q2', areaCode: '530622002', fields: ['phone'] },
    ]);
    const seen = async (area: string) => (await findFullReads(audit, auditorOf(area), { operation: 'TwoCounties', first: 50 })).rows.map((r) => r.recordId);
    expect(await seen('530622')).toEqual(['q2', 'q1']);
    expect(await seen('530627')).toEqual(['s1']);
    expect(await seen('530602')).toEqual([]);
    const byRecord = await findFullReads(audit, auditorOf('530622'), { recordType: 'Person', recordId: 's1', first: 50 });
    expect(byRecord.rows).toEqual([]);
  });

  it('answers the auditor’s two questions from the indexes, in the month asked about only', async () => {
    const plan = async (sql: string, params: unknown[]) => {
      const runner = audit.createQueryRunner();
      try {
        await runner.startTransaction();
        await runner.query('SET LOCAL enable_seqscan = off');
        const rows: Record<string, string>[] = await runner.query(`EXPLAIN ${sql}`, params);
        await runner.rollbackTransaction();
        return rows.map((r) => Object.values(r)[0]).join('\n');
      } finally {
        await runner.release();
      }
    };
    const march = `at >= '2026-03-01T00:00:00+08:00' AND at < '2026-04-01T00:00:00+08:00'`;
    const today = `at >= '2026-03-10T00:00:00+08:00' AND at < '2026-03-11T00:00:00+08:00'`;
    // the time range: March's partition alone
    for (const sql of [`SELECT * FROM ${table()} WHERE records @> ARRAY[$1]::text[] AND ${march}`, `SELECT * FROM ${table()} WHERE subject = $1 AND ${today}`]) {
      const scanned = (await plan(sql, ['x'])).match(/read_audit_\d{6}/g);
      expect(new Set(scanned)).toEqual(new Set(['read_audit_202603']));
    }
    // the record and the subject: their own indexes on every partition
    const [{ options }] = await audit.query(`SELECT reloptions AS options FROM pg_class WHERE oid = '"${db.schema}".read_audit_202603_records_idx'::regclass`);
    expect(options).toEqual(['fastupdate=off']);
    const whoRead = await plan(`SELECT * FROM ${table()} WHERE records @> ARRAY[$1]::text[]`, ['Person:p1']);
    expect(whoRead).toMatch(/Bitmap Index Scan on read_audit_202603_records_idx/);
    expect(whoRead).not.toMatch(/Seq Scan|_pkey/);
    const whatRead = await plan(`SELECT * FROM ${table()} WHERE subject = $1 ORDER BY at DESC LIMIT 50`, ['wenbi-worker']);
    expect(whatRead).toMatch(/read_audit_202603_subject_at_idx/);
    expect(whatRead).not.toMatch(/Seq Scan|_pkey/);
  });
});
