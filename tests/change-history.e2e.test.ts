import { randomUUID } from 'node:crypto';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { generateEmploymentDemo, type EmploymentDemo } from '../subgraphs/employment/demo/generator';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { ResettlementSite } from '../subgraphs/land-housing/entities/resettlement-site.entity';

/** A table the serving role writes (the projection tables it may not): a resettlement site named by its id. */
const SITE_COLUMNS = '(id, name, area_code, county_code, relocation_type, construction_mode, capacity)';
import { generatePartyBuildingDemo } from '../subgraphs/party-building/demo/generator';
import type { PartyBuildingDemo } from '../subgraphs/party-building/demo/rows';
import { withChangeSource, requestScopeOf, runInRequestScope } from '../platform/security/request-scope';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { qiaojia, suijiang, analyst } = DEMO_IDENTITIES;
const SCALE = 0.01;
const CHANGES = 'changes { at actorSubject actorRole operation source changes { field old new } }';

describe.each(engines('the change history is written by triggers'))('change history (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let employment: EmploymentDemo;
  let party: PartyBuildingDemo;
  const log = (name: string) => `"${env.subgraphs[name].dataSource.driver.schema}".change_log`;
  const logCount = async (name: string) => Number((await env.subgraphs[name].dataSource.query(`SELECT count(*) AS n FROM ${log(name)}`))[0].n);
  const asCaller = <T>(identity: typeof qiaojia, work: () => Promise<T>) => runInRequestScope(requestScopeOf(identity), work);

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, SCALE));
    employment = generateEmploymentDemo(data, { scale: SCALE });
    party = generatePartyBuildingDemo(data, { scale: SCALE });
  });
  afterAll(() => env?.close());

  it('the demo load records no changes', async () => {
    for (const name of Object.keys(env.subgraphs)) expect(await logCount(name)).toBe(0);
  });

  it('households: an update keeps who, when, the source and the changed field only; analysts see phones masked', async () => {
    const person = data.persons.find((p) => p.county_code === DEMO_AREAS.qiaojia && p.phone)!;
    const started = Date.now();
    const res = await env.query(qiaojia, `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { id ${CHANGES} } }`, {
      input: { id: person.id, phone: '13900001111' },
    });
    expect(res.errors).toBeUndefined();
    const [record, ...rest] = res.data.updatePerson.changes;
    expect(rest).toEqual([]);
    expect(record).toEqual({
      at: expect.any(String), actorSubject: qiaojia.subject, actorRole: 'COUNTY_OFFICER', operation: 'UPDATE', source: 'mutation updatePerson',
      changes: [{ field: 'phone', old: person.phone, new: '13900001111' }],
    });
    expect(Date.parse(record.at)).toBeGreaterThanOrEqual(started - 5000);
    const seen = await env.query(analyst, `query ($id: ID!) { person(id: $id) { ${CHANGES} } }`, { id: person.id });
    expect(seen.data.person.changes[0].changes).toEqual([{ field: 'phone', old: `${person.phone!.slice(0, 3)}****${person.phone!.slice(-4)}`, new: '139****1111' }]);
    expect(seen.extensions?.fullReads).toBeUndefined();
    // an officer's full phone numbers in the history are full reads, reported for the read audit
    const direct = await env.querySubgraphAs('households', qiaojia, `query ($id: ID!) { person(id: $id) { ${CHANGES} } }`, { id: person.id });
    expect(direct.data.person.changes[0].changes).toEqual([{ field: 'phone', old: person.phone, new: '13900001111' }]);
    expect(direct.extensions?.fullReads).toEqual([{ type: 'Person', id: person.id, areaCode: person.area_code, fields: ['phone'] }]);
  });

  it('land-housing: a new parcel is one INSERT with its values', async () => {
    const household = data.households.find((h) => h.area_code.startsWith(DEMO_AREAS.wenbi))!;
    const res = await env.query(qiaojia, `mutation ($input: RecordLandParcelInput!) { recordLandParcel(input: $input) { id ${CHANGES} } }`, {
      input: { stationId: household.station_id, villageCode: household.original_area_code, householdId: household.id, landUse: 'ORCHARD', areaMu: 1.25, surveyedOn: '2018-05-02' },
    });
    expect(res.errors).toBeUndefined();
    const { id, changes } = res.data.recordLandParcel;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ actorSubject: qiaojia.subject, operation: 'INSERT', source: 'mutation recordLandParcel' });
    expect(changes[0].changes).toEqual(expect.arrayContaining([
      { field: 'id', old: null, new: id },
      { field: 'landUse', old: null, new: 'ORCHARD' },
      { field: 'areaMu', old: null, new: '1.25' },
      { field: 'householdId', old: null, new: household.id },
    ]));
  });

  it('employment: a labour-status check is one UPDATE of exactly the fields that changed', async () => {
    const placed = new Set(employment.placement.filter((p) => !p.end_date).map((p) => p.person_id));
    const seeker = employment.labour_status.find((r) => r.county_code === DEMO_AREAS.qiaojia && !placed.has(r.person_id) && r.status === 'UNEMPLOYED_SEEKING')!;
    const res = await env.query(qiaojia, `mutation ($input: RecordLabourStatusInput!) { recordLabourStatusCheck(input: $input) { ${CHANGES} } }`, {
      input: { personId: seeker.person_id, status: 'STUDENT', verifiedOn: '2025-06-01' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordLabourStatusCheck.changes).toEqual([{
      at: expect.any(String), actorSubject: qiaojia.subject, actorRole: 'COUNTY_OFFICER', operation: 'UPDATE', source: 'mutation recordLabourStatusCheck',
      changes: [
        ...(seeker.note ? [{ field: 'note', old: seeker.note, new: null }] : []),
        { field: 'status', old: 'UNEMPLOYED_SEEKING', new: 'STUDENT' },
        { field: 'verifiedOn', old: seeker.verified_on, new: '2025-06-01' },
      ],
    }]);
  });

  it('party-building: a case opened then assigned has an INSERT and an UPDATE, newest first', async () => {
    const inWenbi = <T extends { area_code: string }>(rows: T[]) => rows.filter((r) => r.area_code.startsWith(DEMO_AREAS.wenbi));
    const household = inWenbi(party.householdUnits)[3];
    const cadres = inWenbi(party.cadres);
    const opened = await env.query(qiaojia, 'mutation ($input: OpenCaseInput!) { openGovernanceCase(input: $input) { id } }', {
      input: { category: 'DISPUTE_MEDIATION', title: '邻里噪音纠纷', householdId: household.household_id, firstResponsibleId: cadres[0].id },
    });
    expect(opened.errors).toBeUndefined();
    const moved = await env.query(qiaojia, `mutation ($input: MoveCaseInput!) { moveGovernanceCase(input: $input) { ${CHANGES} } }`, {
      input: { caseId: opened.data.openGovernanceCase.id, to: 'ASSIGNED', assigneeId: cadres[1].id },
    });
    expect(moved.errors).toBeUndefined();
    const [update, insert, ...rest] = moved.data.moveGovernanceCase.changes;
    expect(rest).toEqual([]);
    expect(update).toMatchObject({ operation: 'UPDATE', source: 'mutation moveGovernanceCase', actorSubject: qiaojia.subject });
    expect(update.changes).toEqual([{ field: 'assigneeId', old: null, new: cadres[1].id }, { field: 'status', old: 'OPEN', new: 'ASSIGNED' }]);
    expect(insert).toMatchObject({ operation: 'INSERT', source: 'mutation openGovernanceCase' });
  });

  it('a failed mutation leaves no change; a rolled-back transaction neither', async () => {
    const before = await logCount('households');
    const [a, b] = data.persons.filter((p) => p.county_code === DEMO_AREAS.qiaojia);
    const res = await env.query(qiaojia, 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }', { input: { id: a.id, idNumber: b.id_number } });
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await logCount('households')).toBe(before);
    const landBefore = await logCount('land-housing');
    const serving = env.subgraphs['land-housing'].serving;
    const table = `"${serving.getMetadata(ResettlementSite).schema}".resettlement_site`;
    const rolledBack = asCaller(qiaojia, () =>
      serving.transaction(async (m) => {
        await m.query(`INSERT INTO ${table} ${SITE_COLUMNS} VALUES ($1::uuid, $1::text, $2, $3, 'URBAN', 'UNIFIED', 10)`, [randomUUID(), DEMO_AREAS.wenbi, DEMO_AREAS.qiaojia]);
        throw new Error('undo');
      }),
    );
    await expect(rolledBack).rejects.toThrow('undo');
    expect(await logCount('land-housing')).toBe(landBefore);
  });

  it('work under an explicit source is recorded with it', async () => {
    const serving = env.subgraphs['land-housing'].serving;
    const table = `"${serving.getMetadata(ResettlementSite).schema}".resettlement_site`;
    const id = randomUUID();
    await asCaller(qiaojia, () => withChangeSource('import 7', () => serving.query(`INSERT INTO ${table} ${SITE_COLUMNS} VALUES ($1::uuid, $1::text, $2, $3, 'URBAN', 'UNIFIED', 10)`, [id, DEMO_AREAS.wenbi, DEMO_AREAS.qiaojia])));
    const rows = await env.subgraphs['land-housing'].dataSource.query(`SELECT source, actor_subject, operation FROM ${log('land-housing')} WHERE record_id = $1`, [id]);
    expect(rows).toEqual([{ source: 'import 7', actor_subject: qiaojia.subject, operation: 'INSERT' }]);
  });

  it('one statement over many rows records every row: a multi-row insert, an update changing some of them, a delete', async () => {
    const serving = env.subgraphs['land-housing'].serving;
    const table = `"${serving.getMetadata(ResettlementSite).schema}".resettlement_site`;
    const ids = [randomUUID(), randomUUID(), randomUUID()].sort();
    const [group, other] = [DEMO_AREAS.wenbi, DEMO_AREAS.binjiang];
    await asCaller(qiaojia, () => withChangeSource('import 8', () => serving.transaction(async (m) => {
      await m.query(`INSERT INTO ${table} ${SITE_COLUMNS} SELECT k.id, k.id::text, $2, $3, 'URBAN', 'UNIFIED', 10 FROM unnest($1::uuid[]) AS k(id)`, [ids, group, DEMO_AREAS.qiaojia]);
      await m.query(`UPDATE ${table} SET area_code = CASE WHEN id = $2 THEN $3 ELSE area_code END WHERE id = ANY($1)`, [ids, ids[1], other]);
      await m.query(`DELETE FROM ${table} WHERE id = ANY($1)`, [[ids[0], ids[1]]]);
    })));
    const rows: { record_id: string; operation: string; source: string; actor_subject: string; area_code: string; changes: unknown }[] = await env.subgraphs['land-housing'].dataSource.query(
      `SELECT record_id, operation, source, actor_subject, area_code, changes FROM ${log('land-housing')} WHERE record_id = ANY($1) ORDER BY id`, [ids]);
    const inserted = (id: string, area = group) => [
      { field: 'area_code', old: null, new: area }, { field: 'capacity', old: null, new: 10 }, { field: 'construction_mode', old: null, new: 'UNIFIED' },
      { field: 'county_code', old: null, new: DEMO_AREAS.qiaojia }, { field: 'id', old: null, new: id }, { field: 'name', old: null, new: id }, { field: 'relocation_type', old: null, new: 'URBAN' }];
    const who = { source: 'import 8', actor_subject: qiaojia.subject };
    const byOperation = (operation: string) => rows.filter((r) => r.operation === operation).sort((a, b) => a.record_id.localeCompare(b.record_id));
    expect(rows.map((r) => r.operation)).toEqual(['INSERT', 'INSERT', 'INSERT', 'UPDATE', 'DELETE', 'DELETE']);
    expect(byOperation('INSERT')).toEqual(ids.map((id) => ({ record_id: id, operation: 'INSERT', ...who, area_code: group, changes: inserted(id) })));
    // the rows the update left as they were have no record
    expect(byOperation('UPDATE')).toEqual([{ record_id: ids[1], operation: 'UPDATE', ...who, area_code: other, changes: [{ field: 'area_code', old: group, new: other }] }]);
    expect(byOperation('DELETE')).toEqual([
      { record_id: ids[0], operation: 'DELETE', ...who, area_code: group, changes: inserted(ids[0]).map((c) => ({ ...c, old: c.new, new: null })) },
      { record_id: ids[1], operation: 'DELETE', ...who, area_code: other, changes: inserted(ids[1], other).map((c) => ({ ...c, old: c.new, new: null })) },
    ]);
  });

  it.each([[0], [40]])('each kind of value is recorded as its JSON: text with quotes and backslashes, numbers, dates, times, flags, arrays, JSON and its null (statements of %i more rows)', async (more) => {
    // a statement of a few rows keeps the static statement; one of many rows builds the records from a generated one
    const owner = env.subgraphs.households.dataSource;
    const schema = `"${owner.driver.schema}"`;
    const table = `${schema}.change_kinds`;
    await owner.query(`CREATE TABLE ${table} (id uuid PRIMARY KEY, "b col" text, amount numeric, at timestamptz, day date, flag boolean, qty int, doc jsonb, tags varchar[], area_code varchar(15))`);
    for (const [op, referencing] of [['INSERT', 'NEW TABLE AS new_rows'], ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows']]) {
      await owner.query(`CREATE TRIGGER kinds_${op.toLowerCase()} AFTER ${op} ON ${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.record_changes('id')`);
    }
    const [full, sparse] = [randomUUID(), randomUUID()].sort();
    const others = Array.from({ length: more }, () => randomUUID());
    try {
      await owner.transaction(async (m) => {
        await m.query(`INSERT INTO ${table}
          SELECT * FROM (VALUES ($1::uuid, 'say "hi" \\ 你好'::text, 1.50::numeric, '2026-03-04 05:06:07.25+08'::timestamptz, '2026-02-28'::date, true, 7, '{"x": null, "y": [1]}'::jsonb, '{a,NULL}'::varchar[], '530602'),
            ($2, NULL, NULL, NULL, NULL, NULL, NULL, 'null', NULL, NULL)) v
          UNION ALL SELECT id, NULL, NULL, NULL, NULL, NULL, 1, NULL, NULL, NULL FROM unnest($3::uuid[]) AS id`, [full, sparse, others]);
        await m.query(`UPDATE ${table} SET amount = CASE WHEN id = $1 THEN 1.5 ELSE amount END, qty = CASE WHEN id = $1 THEN qty + 1 ELSE qty END,
          doc = CASE WHEN id = $1 THEN NULL ELSE doc END, tags = CASE WHEN id = $1 THEN '{}' ELSE tags END WHERE id = $1 OR id = ANY($2)`, [full, others]);
        await m.query(`UPDATE ${table} SET doc = doc WHERE id = $1 OR id = ANY($2)`, [sparse, others]);
        await m.query(`DELETE FROM ${table} WHERE id = $1 OR id = ANY($2)`, [sparse, others]);
      });
      const rows: { record_id: string; operation: string; area_code: string | null; changes: unknown }[] = await owner.query(
        `SELECT record_id, operation, area_code, changes FROM ${schema}.change_log WHERE table_name = 'change_kinds' AND record_id = ANY($1) ORDER BY id`, [[full, sparse]]);
      const at = (await owner.query(`SELECT to_jsonb(timestamptz '2026-03-04 05:06:07.25+08') AS v`))[0].v;
      expect(rows.map((r) => [r.record_id, r.operation])).toEqual([[full, 'INSERT'], [sparse, 'INSERT'], [full, 'UPDATE'], [sparse, 'DELETE']]);
      expect(rows[0]).toEqual({ record_id: full, operation: 'INSERT', area_code: '530602', changes: [
        { field: 'amount', old: null, new: 1.5 }, { field: 'area_code', old: null, new: '530602' }, { field: 'at', old: null, new: at },
        { field: 'b col', old: null, new: 'say "hi" \\ 你好' }, { field: 'day', old: null, new: '2026-02-28' }, { field: 'doc', old: null, new: { x: null, y: [1] } },
        { field: 'flag', old: null, new: true }, { field: 'id', old: null, new: full }, { field: 'qty', old: null, new: 7 }, { field: 'tags', old: null, new: ['a', null] },
      ] });
      // a JSON null is no value; 1.50 and 1.5 are the same number; an update that changes nothing leaves no record
      expect(rows[1]).toEqual({ record_id: sparse, operation: 'INSERT', area_code: null, changes: [{ field: 'id', old: null, new: sparse }] });
      expect(rows[2].changes).toEqual([{ field: 'doc', old: { x: null, y: [1] }, new: null }, { field: 'qty', old: 7, new: 8 }, { field: 'tags', old: ['a', null], new: [] }]);
      expect(rows[3].changes).toEqual([{ field: 'id', old: sparse, new: null }]);
      // the other rows: inserted and deleted, their updates changed nothing
      const [counts] = await owner.query(`SELECT count(*) FILTER (WHERE operation = 'INSERT')::int AS inserted, count(*) FILTER (WHERE operation = 'UPDATE')::int AS updated,
        count(*) FILTER (WHERE operation = 'DELETE')::int AS deleted FROM ${schema}.change_log WHERE table_name = 'change_kinds' AND record_id = ANY($1)`, [others]);
      expect(counts).toEqual({ inserted: more, updated: 0, deleted: more });
    } finally {
      await owner.query(`DROP TABLE ${table}`);
      await owner.query(`DELETE FROM ${schema}.change_log WHERE table_name = 'change_kinds'`);
    }
  });

  it('the serving role can read the log inside its jurisdiction only, and never alter it', async () => {
    const serving = env.subgraphs.households.serving;
    const sql = `SELECT count(*) AS n FROM ${log('households')}`;
    expect(await logCount('households')).toBeGreaterThan(0);
    expect(Number((await asCaller(qiaojia, () => serving.query(sql)))[0].n)).toBe(await logCount('households'));
    expect(Number((await asCaller(suijiang, () => serving.query(sql)))[0].n)).toBe(0);
    for (const statement of [`UPDATE ${log('households')} SET source = 'forged'`, `DELETE FROM ${log('households')}`,
      `INSERT INTO ${log('households')} (table_name, record_id, operation, changes) VALUES ('person', 'x', 'DELETE', '[]')`]) {
      await expect(asCaller(qiaojia, () => serving.query(statement))).rejects.toThrow(/permission denied/);
    }
  });

  it('batched: statements for changes on 10 and on 100 persons are the same', async () => {
    const statements = async (first: number) => {
      const before = env.statements('households');
      const res = await env.query(qiaojia, `query ($first: Int!) { persons(first: $first) { nodes { id changes(first: 5) { operation } } } }`, { first });
      expect(res.errors).toBeUndefined();
      expect(res.data.persons.nodes).toHaveLength(first);
      return env.statements('households') - before;
    };
    expect(await statements(10)).toBe(await statements(100));
  });
});
