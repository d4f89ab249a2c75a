import { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
const db = new PGlite();
const N = 100000;
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
await db.exec(`CREATE TABLE line (id uuid, cycle_id uuid, scheme varchar(32), year int, person_id uuid, household_id uuid, area_code varchar(15) COLLATE "C", county_code varchar(6) COLLATE "C", amount_fen bigint);`);
const u = (s) => { const h = createHash('md5').update(s).digest('hex'); return `${h.slice(0,8)}-${h.slice(8,12)}-${h.slice(12,16)}-${h.slice(16,20)}-${h.slice(20)}`; };
const rows = []; for (let i = 0; i < N; i++) rows.push({ id: u('l'+i), cycle_id: u('c'+(i%12)), scheme: 'POST_RELOCATION_SUPPORT', year: 2023, person_id: u('p'+i), household_id: u('h'+(i>>2)), area_code: '530622100201001', county_code: '530622', amount_fen: 60000 });
const cols = Object.keys(rows[0]);
const types = { id: 'uuid', cycle_id: 'uuid', scheme: 'varchar', year: 'int', person_id: 'uuid', household_id: 'uuid', area_code: 'varchar', county_code: 'varchar', amount_fen: 'bigint' };
let t = cpu();
for (let s = 0; s < N; s += 25000) { const b = rows.slice(s, s + 25000); await db.query(`INSERT INTO line SELECT * FROM unnest(${cols.map((c, i) => `$${i+1}::${types[c]}[]`).join(',')})`, cols.map((c) => b.map((r) => r[c]))); }
console.log('params', cpu() - t);
t = cpu();
for (let s = 0; s < N; s += 25000) { const b = rows.slice(s, s + 25000); await db.query(`INSERT INTO line SELECT * FROM json_populate_recordset(NULL::line, $1::json)`, [JSON.stringify(b)]); }
console.log('json_populate_recordset', cpu() - t);
t = cpu();
for (let s = 0; s < N; s += 25000) { const b = rows.slice(s, s + 25000); await db.query(`INSERT INTO line SELECT * FROM unnest(${cols.map((c, i) => `$${i+1}::${types[c]}[]`).join(',')})`, cols.map((c) => `{${b.map((r) => r[c]).join(',')}}`)); }
console.log('params as array literals', cpu() - t);
t = cpu();
for (let s = 0; s < N; s += 25000) { const b = rows.slice(s, s + 25000); await db.query(`INSERT INTO line SELECT * FROM unnest(${cols.map((c, i) => `$${i+1}::${types[c]}[]`).join(',')})`, cols.map((c) => b.map((r) => r[c]))); }
console.log('params again', cpu() - t);
