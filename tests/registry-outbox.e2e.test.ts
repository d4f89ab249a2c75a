import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { makeIdNumber } from '../platform/domain/id-number';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { qiaojia, suijiang, prefecture } = DEMO_IDENTITIES;

const MOVE = `mutation ($input: MoveHouseholdInput!) { moveHousehold(input: $input) { id areaCode countyCode members { areaCode countyCode } } }`;

/** The registry's outbox: every change the other subgraphs depend on, one event each, in the change's transaction. */
describe.each(engines('the outbox is written in commit order under a transaction lock'))('registry outbox (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let seq = 300;
  const idNo = (birth: string, male: boolean) => makeIdNumber('530622', birth, male ? ++seq * 2 + 1 : ++seq * 2);

  const outbox = async (after = 0) =>
    (await env.subgraphs.households.dataSource.query(
      `SELECT sequence::int AS sequence, type, household_id AS "householdId", person_id AS "personId", payload FROM registry_event WHERE sequence > $1 ORDER BY sequence`.replace('registry_event', `"${(env.subgraphs.households.dataSource.driver.options as any).schema}".registry_event`),
      [after],
    )) as { sequence: number; type: string; householdId: string; personId: string | null; payload: any }[];
  const head = async () => (await outbox()).at(-1)?.sequence ?? 0;
  const groupOf = (prefix: string) => data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(prefix))!.code;

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, 0.005, ['households']));
  });
  afterAll(() => env?.close());

  it('the demo registry is in the outbox: one registration per household, with its members', async () => {
    const events = await outbox();
    expect(events.length).toBe(data.households.length);
    expect(events.every((e) => e.type === 'HOUSEHOLD_REGISTERED')).toBe(true);
    const persons = events.reduce((n, e) => n + e.payload.persons.length, 0);
    expect(persons).toBe(data.persons.length);
    expect(events.map((e) => e.sequence)).toEqual([...events.map((e) => e.sequence)].sort((a, b) => a - b));
  });

  it('registration, ID correction, a new name, adding, removing and moving each write one event, carrying the facts after the change', async () => {
    const start = await head();
    const group = groupOf(DEMO_AREAS.wenbi);
    const village = data.households.find((h) => h.county_code === DEMO_AREAS.qiaojia)!.original_area_code;
    const reg = await env.query(qiaojia, `mutation ($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id members { id relation } } }`, {
      input: {
        registryNo: `530622-BHT-8${++seq}`, stationId: 'BAIHETAN', originalAreaCode: village, areaCode: group, relocationMode: 'URBANISATION',
        housingMode: 'UNIFIED', registeredOn: '2020-03-01',
        members: [
          { name: '王建国', idNumber: idNo('1970-01-05', true), ethnicity: '汉族', relation: 'HEAD', productionMode: 'ANNUAL_COMPENSATION' },
          { name: '王小梅', idNumber: idNo('1999-07-07', false), ethnicity: '汉族', relation: 'CHILD', productionMode: 'SELF_EMPLOYMENT' },
        ],
      },
    });
    expect(reg.errors).toBeUndefined();
    const household = reg.data.registerHousehold;
    const child = household.members.find((m: any) => m.relation === 'CHILD');
    const corrected = idNo('1999-08-08', false);
    expect((await env.query(qiaojia, `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { birthDate } }`, { input: { id: child.id, idNumber: corrected } })).errors).toBeUndefined();
    // a new name travels (support keeps it); a phone does not
    expect((await env.query(qiaojia, `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { name } }`, { input: { id: child.id, name: '王晓梅', phone: '13900000000' } })).errors).toBeUndefined();
    expect((await env.query(qiaojia, `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { name } }`, { input: { id: child.id, phone: '13900000001' } })).errors).toBeUndefined();
    const added = await env.query(qiaojia, `mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }`, {
      input: { householdId: household.id, member: { name: '王小军', idNumber: idNo('2001-02-03', true), ethnicity: '汉族', relation: 'CHILD', productionMode: 'SELF_EMPLOYMENT' } },
    });
    expect(added.errors).toBeUndefined();
    const removed = await env.query(qiaojia, `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { status } }`, {
      input: { personId: added.data.addMember.id, reason: 'MARRIED_OUT', removedOn: '2024-05-01' },
    });
    expect(removed.errors).toBeUndefined();
    const target = groupOf(DEMO_AREAS.suijiang);
    const moved = await env.query(prefecture, MOVE, { input: { householdId: household.id, areaCode: target, reason: 'RESETTLEMENT_ADJUSTED', movedOn: '2024-06-01' } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.moveHousehold).toMatchObject({ areaCode: target, countyCode: DEMO_AREAS.suijiang });
    expect(moved.data.moveHousehold.members.every((m: any) => m.areaCode === target && m.countyCode === DEMO_AREAS.suijiang)).toBe(true);

    const events = await outbox(start);
    expect(events.map((e) => e.type)).toEqual(['HOUSEHOLD_REGISTERED', 'ID_NUMBER_CORRECTED', 'PERSON_UPDATED', 'MEMBER_ADDED', 'MEMBER_REMOVED', 'HOUSEHOLD_MOVED']);
    expect(events.every((e) => e.householdId === household.id)).toBe(true);
    expect(events[0].payload.persons).toHaveLength(2);
    expect(events[1].payload.persons).toEqual([{ id: child.id, householdId: household.id, birthDate: '1999-08-08', status: 'ACTIVE', name: '王小梅', productionMode: 'SELF_EMPLOYMENT' }]);
    expect(events[2].payload.persons).toEqual([{ id: child.id, householdId: household.id, birthDate: '1999-08-08', status: 'ACTIVE', name: '王晓梅', productionMode: 'SELF_EMPLOYMENT' }]);
    expect(events[0].payload.household).toEqual({ id: household.id, areaCode: group, countyCode: DEMO_AREAS.qiaojia, status: 'REGISTERED', stationId: 'BAIHETAN', relocatedOn: null });
    expect(JSON.stringify(events)).not.toContain(corrected);
    expect(events[4].payload).toMatchObject({ reason: 'MARRIED_OUT', on: '2024-05-01', persons: [{ id: added.data.addMember.id, status: 'REMOVED' }] });
    expect(events[5].payload).toMatchObject({
      household: { id: household.id, areaCode: target, countyCode: DEMO_AREAS.suijiang }, fromAreaCode: group, reason: 'RESETTLEMENT_ADJUSTED', on: '2024-06-01',
    });
  });

  it('a move is validated like a registration, and a refused one writes no event', async () => {
    const wenbi = data.households.find((h) => h.area_code.startsWith(DEMO_AREAS.wenbi))!;
    const start = await head();
    const cases: [any, Record<string, unknown>, string, string?][] = [
      [qiaojia, { areaCode: groupOf(DEMO_AREAS.suijiang) }, 'FORBIDDEN'],
      [suijiang, { areaCode: groupOf(DEMO_AREAS.suijiang) }, 'FORBIDDEN'],
      [qiaojia, { areaCode: wenbi.area_code }, 'BAD_USER_INPUT', 'input.areaCode'],
      [qiaojia, { areaCode: DEMO_AREAS.wenbi + '999' }, 'BAD_USER_INPUT', 'input.areaCode'],
      [qiaojia, { areaCode: DEMO_AREAS.wenbi }, 'BAD_USER_INPUT', 'input.areaCode'],
      [qiaojia, { movedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'input.movedOn'],
      [qiaojia, { householdId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.householdId'],
    ];
    for (const [who, override, code, field] of cases) {
      const input = { householdId: wenbi.id, areaCode: groupOf(DEMO_AREAS.binjiang), reason: 'OTHER', movedOn: '2024-06-01', ...override };
      const res = await env.query(who, MOVE, { input });
      expect(res.data?.moveHousehold ?? null).toBeNull();
      expect(res.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    }
    expect(await head()).toBe(start);
    const household = await env.query(prefecture, 'query ($id: ID!) { household(id: $id) { areaCode } }', { id: wenbi.id });
    expect(household.data.household.areaCode).toBe(wenbi.area_code);
  });
});
