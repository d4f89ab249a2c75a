import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { HouseholdIncomeSurvey } from '../subgraphs/employment/entities/income-survey.entity';
import { LabourStatusRecord } from '../subgraphs/employment/entities/labour-status.entity';
import { AdminArea } from '../subgraphs/households/entities/admin-area.entity';
import { Household } from '../subgraphs/households/entities/household.entity';
import { Person } from '../subgraphs/households/entities/person.entity';
import { Allocation } from '../subgraphs/land-housing/entities/allocation.entity';
import { ResettlementSite } from '../subgraphs/land-housing/entities/resettlement-site.entity';
import { HouseholdRef } from '../subgraphs/land-housing/entities/household-ref.entity';
import { LandParcel } from '../subgraphs/land-housing/entities/land-parcel.entity';
import { GovernanceCase } from '../subgraphs/party-building/entities/governance-case.entity';
import { HouseholdUnit } from '../subgraphs/party-building/entities/household-unit.entity';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { tableOf } from '../platform/db/raw-sql';
import { requestScopeOf, runInRequestScope } from '../platform/security/request-scope';
import { appUrlOf } from '../platform/db/serving-connection';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { qiaojia, suijiang, wenbi, prefecture } = DEMO_IDENTITIES;

/** A registry table of each subgraph, with the column its county is read from. */
const TABLES: [subgraph: string, table: string, entity: EntityTarget<ObjectLiteral>, county: string][] = [
  ['households', 'household', Household, 'county_code'],
  ['households', 'person', Person, 'county_code'],
  ['land-housing', 'land_parcel', LandParcel, 'county_code'],
  ['land-housing', 'household_ref', HouseholdRef, 'county_code'],
  ['employment', 'labour_status', LabourStatusRecord, 'county_code'],
  ['employment', 'income_survey', HouseholdIncomeSurvey, 'county_code'],
  ['party-building', 'household_unit', HouseholdUnit, 'county_code'],
  ['party-building', 'governance_case', GovernanceCase, 'county_code'],
];

describe.each(engines('row-level security on the serving role'))('row-level security on the serving connection (%s)', (engine) => {
  let env: TestEnvironment;
  const serving = (name: string) => env.subgraphs[name].serving;
  const owner = (name: string) => env.subgraphs[name].dataSource;
  const table = (name: string, entity: EntityTarget<ObjectLiteral>) => tableOf(owner(name), entity);
  const asCaller = <T>(identity: typeof qiaojia, work: () => Promise<T>) => runInRequestScope(requestScopeOf(identity), work);
  const counts = async (db: DataSource, sql: string): Promise<Record<string, number>> =>
    Object.fromEntries((await db.query(sql)).map((r: { county: string; n: string }) => [r.county, Number(r.n)]));

  beforeAll(async () => {
    ({ env } = await startPlatform(engine, 0.02));
  });
  afterAll(() => env?.close());

  it.each(TABLES)('%s %s: an unfiltered SELECT under a county’s setting returns that county’s rows only', async (name, _table, entity, county) => {
    const sql = `SELECT ${county} AS county, count(*) AS n FROM ${table(name, entity)} GROUP BY ${county}`;
    const all = await counts(owner(name), sql);
    expect(all[DEMO_AREAS.qiaojia]).toBeGreaterThan(0);
    expect(Object.keys(all).length).toBeGreaterThan(1);
    const seen = await asCaller(qiaojia, () => counts(serving(name), sql));
    expect(seen).toEqual({ [DEMO_AREAS.qiaojia]: all[DEMO_AREAS.qiaojia] });
    const rows: { county_code: string }[] = await asCaller(suijiang, () => serving(name).query(`SELECT * FROM ${table(name, entity)}`));
    expect(rows.length).toBe(all[DEMO_AREAS.suijiang]);
    expect(new Set(rows.map((r) => r.county_code))).toEqual(new Set([DEMO_AREAS.suijiang]));
  });

  it.each(TABLES)('%s %s: with an empty or unset jurisdiction the serving role sees no rows', async (name, _table, entity) => {
    const sql = `SELECT count(*) AS n FROM ${table(name, entity)}`;
    // first as a county, so the connection has carried a scope before
    expect(Number((await asCaller(qiaojia, () => serving(name).query(sql)))[0].n)).toBeGreaterThan(0);
    expect(Number((await runInRequestScope({ ...requestScopeOf(qiaojia), prefixes: [] }, () => serving(name).query(sql)))[0].n)).toBe(0);
    const unset = asCaller(qiaojia, () =>
      serving(name).transaction(async (m) => {
        await m.query('RESET zrg.scope');
        throw new Error(`rows seen: ${(await m.query(sql))[0].n}`); // rolls the RESET back
      }),
    );
    await expect(unset).rejects.toThrow('rows seen: 0');
    if (engine === 'postgres') {
      // outside any request the serving connection carries no jurisdiction at all
      expect(Number((await serving(name).query(sql))[0].n)).toBe(0);
    }
  });

  if (engine === 'postgres') {
    it('a fresh connection as the application role, never given a setting, sees no rows', async () => {
      const client = new pg.Client({ connectionString: appUrlOf({ kind: 'postgres', url: env.databaseUrl! }) });
      await client.connect();
      try {
        const [{ who }] = (await client.query('SELECT current_user AS who')).rows;
        expect(who).toBe('zrg_app');
        for (const [name, , entity] of TABLES) {
          expect(Number((await client.query(`SELECT count(*) AS n FROM ${table(name, entity)}`)).rows[0].n)).toBe(0);
        }
        await expect(client.query(`SET ROLE postgres`)).rejects.toThrow(/permission denied/);
      } finally {
        await client.end();
      }
    });
  }

  it('a community worker sees their community; the prefecture sees every county', async () => {
    const sql = `SELECT count(*) AS n, count(*) FILTER (WHERE area_code NOT LIKE '${DEMO_AREAS.wenbi}%') AS outside FROM ${table('households', Person)}`;
    const [own] = await asCaller(wenbi, () => serving('households').query(sql));
    expect(Number(own.n)).toBeGreaterThan(0);
    expect(Number(own.outside)).toBe(0);
    const [all] = await owner('households').query(`SELECT count(*) AS n FROM ${table('households', Person)}`);
    const [wide] = await asCaller(prefecture, () => serving('households').query(`SELECT count(*) AS n FROM ${table('households', Person)}`));
    expect(Number(wide.n)).toBe(Number(all.n));
  });

  it('areas: the jurisdiction and the areas above it, nothing beside it', async () => {
    const codes: { code: string }[] = await asCaller(qiaojia, () => serving('households').query(`SELECT code FROM ${table('households', AdminArea)}`));
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.every((c) => c.code.startsWith(DEMO_AREAS.qiaojia) || c.code === '530600')).toBe(true);
    expect(codes.some((c) => c.code === '530600')).toBe(true);
  });

  it('an allocation is visible from its household’s county or its flat’s', async () => {
    const sql = `SELECT count(*) AS n FROM ${table('land-housing', Allocation)}`;
    const [expected] = await owner('land-housing').query(
      `${sql} WHERE area_code LIKE '${DEMO_AREAS.qiaojia}%' OR site_area_code LIKE '${DEMO_AREAS.qiaojia}%'`,
    );
    const [seen] = await asCaller(qiaojia, () => serving('land-housing').query(sql));
    expect(Number(seen.n)).toBe(Number(expected.n));
  });

  it('inside a transaction the connection still carries the request’s settings', async () => {
    const settings = await asCaller(qiaojia, () =>
      serving('employment').transaction((m) => m.query(`SELECT current_setting('zrg.scope') AS scope, current_setting('zrg.subject') AS subject, current_user AS who`)),
    );
    expect(settings).toEqual([{ scope: DEMO_AREAS.qiaojia, subject: qiaojia.subject, who: 'zrg_app' }]);
  });

  it('writes outside the jurisdiction are refused by the policy', async () => {
    const insert = `INSERT INTO ${table('land-housing', ResettlementSite)} (id, name, area_code, county_code, relocation_type, construction_mode, capacity) VALUES ($1, $2, $3, $4, 'URBAN', 'UNIFIED', 10)`;
    const area = `${DEMO_AREAS.suijiang}001001`;
    await expect(asCaller(qiaojia, () => serving('land-housing').query(insert, [randomUUID(), '测试安置点甲', area, DEMO_AREAS.suijiang]))).rejects.toThrow(/row-level security/);
    const id = randomUUID();
    await asCaller(suijiang, () => serving('land-housing').query(insert, [id, '测试安置点乙', area, DEMO_AREAS.suijiang]));
    // another county's row is invisible to a change: it stays as it was
    await asCaller(qiaojia, () => serving('land-housing').query(`DELETE FROM ${table('land-housing', ResettlementSite)} WHERE id = $1`, [id]));
    const kept = await owner('land-housing').query(`SELECT county_code FROM ${table('land-housing', ResettlementSite)} WHERE id = $1`, [id]);
    expect(kept).toEqual([{ county_code: DEMO_AREAS.suijiang }]);
  });

  it('the registry projection is read-only to the serving role, inside the jurisdiction too', async () => {
    const insert = `INSERT INTO ${table('land-housing', HouseholdRef)} (id, area_code, county_code) VALUES ($1, $2, $3)`;
    await expect(asCaller(qiaojia, () => serving('land-housing').query(insert, [randomUUID(), `${DEMO_AREAS.wenbi}001`, DEMO_AREAS.qiaojia]))).rejects.toThrow(/permission denied/);
    await expect(asCaller(qiaojia, () => serving('land-housing').query(`UPDATE ${table('land-housing', HouseholdRef)} SET county_code = county_code`))).rejects.toThrow(/permission denied/);
  });

  it('the serving role cannot switch row-level security off', async () => {
    const attempt = asCaller(qiaojia, () =>
      serving('households').transaction(async (m) => {
        await m.query('SET LOCAL row_security = off');
        return m.query(`SELECT count(*) FROM ${table('households', Person)}`);
      }),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
  });
});
