import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { makeIdNumber } from '../platform/domain/id-number';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { qiaojia, analyst } = DEMO_IDENTITIES;

const REGISTER = `mutation ($input: RegisterHouseholdInput!) {
  registerHousehold(input: $input) { id registryNo countyCode status supportCohort supportStart supportEnd
    head { name sex birthDate } members { name idNumber relation } } }`;

describe.each(engines("conflicts: the driver's unique violations become CONFLICT"))('registry mutations (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let group: string;
  let village: string;
  let sequence = 100;

  const newId = (birth = '1985-03-02', male = true) => makeIdNumber('530622', birth, male ? ++sequence * 2 + 1 : ++sequence * 2);

  function registration(overrides: Record<string, unknown> = {}, members?: Record<string, unknown>[]) {
    return {
      registryNo: `530622-BHT-9${String(++sequence).padStart(5, '0')}`,
      stationId: 'BAIHETAN',
      originalAreaCode: village,
      areaCode: group,
      relocationMode: 'URBANISATION',
      housingMode: 'UNIFIED',
      registeredOn: '2020-03-01',
      relocatedOn: '2021-06-15',
      members: members ?? [
        { name: '张国华', idNumber: newId('1975-04-09', true), ethnicity: '彝族', relation: 'HEAD', phone: '13812345678', productionMode: 'ANNUAL_COMPENSATION' },
        { name: '李秀英', idNumber: newId('1978-11-20', false), ethnicity: '汉族', relation: 'SPOUSE', productionMode: 'SELF_EMPLOYMENT' },
      ],
      ...overrides,
    };
  }

  async function counts() {
    const res = await env.query(DEMO_IDENTITIES.prefecture, '{ households { totalCount } persons(filter: { includeRemoved: true }) { totalCount } }');
    return { households: res.data.households.totalCount, persons: res.data.persons.totalCount };
  }

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, 0.005, ['households']));
    group = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(DEMO_AREAS.wenbi))!.code;
    village = data.households.find((h) => h.county_code === DEMO_AREAS.qiaojia)!.original_area_code;
  });
  afterAll(() => env?.close());

  it('registers a household with its members, deriving sex, birth date and support period', async () => {
    const input = registration();
    const res = await env.query(qiaojia, REGISTER, { input });
    expect(res.errors).toBeUndefined();
    const h = res.data.registerHousehold;
    expect(h).toMatchObject({ registryNo: input.registryNo, countyCode: DEMO_AREAS.qiaojia, status: 'RELOCATED', supportCohort: 'ORIGINAL', supportStart: '2021-06-15', supportEnd: '2041-06-14' });
    expect(h.head).toEqual({ name: '张国华', sex: 'MALE', birthDate: '1975-04-09' });
    expect(h.members).toHaveLength(2);
    const found = await env.query(qiaojia, 'query ($id: ID!) { household(id: $id) { memberCount } }', { id: h.id });
    expect(found.data.household.memberCount).toBe(2);
  });

  it.each([
    ['a wrong check character', (m: any) => ({ ...m, idNumber: m.idNumber.slice(0, 17) + (m.idNumber[17] === '1' ? '2' : '1') }), 'input.members[1].idNumber', /校验位/],
    ['an ID number Excel turned into a float', (m: any) => ({ ...m, idNumber: '5.30622E+17' }), 'input.members[1].idNumber', /科学计数法/],
    ['a sex that contradicts the ID number', (m: any) => ({ ...m, sex: 'MALE' }), 'input.members[1].sex', /性别与身份证号不符/],
    ['an unknown ethnic group', (m: any) => ({ ...m, ethnicity: '火星族' }), 'input.members[1].ethnicity', /民族/],
    ['a bad phone', (m: any) => ({ ...m, phone: '12345' }), 'input.members[1].phone', /手机号码/],
    ['a left-behind child aged 40', (m: any) => ({ ...m, leftBehindChild: true }), 'input.members[1].leftBehindChild', /留守儿童/],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_label, spoil, field, zh) => {
    const before = await counts();
    const input = registration();
    input.members[1] = spoil(input.members[1]);
    const res = await env.query(qiaojia, REGISTER, { input });
    expect(res.data?.registerHousehold ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0].message).toMatch(zh);
    expect(res.errors?.[0].message).toMatch(/ · [A-Za-z]/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a household with two heads, an unknown group and a future date, listing every problem', async () => {
    const before = await counts();
    const input = registration({ areaCode: group.slice(0, 12) + '999', registeredOn: '2999-01-01' });
    input.members[1] = { ...input.members[1], relation: 'HEAD' };
    const res = await env.query(qiaojia, REGISTER, { input });
    const fields = res.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['input.members', 'input.registeredOn', 'input.relocatedOn']));
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown resident group after the shape checks, writing nothing', async () => {
    const before = await counts();
    const res = await env.query(qiaojia, REGISTER, { input: registration({ areaCode: group.slice(0, 12) + '999' }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.areaCode' });
    expect(await counts()).toEqual(before);
  });

  it('refuses an ID number registered anywhere in the prefecture with CONFLICT, writing nothing', async () => {
    const elsewhere = data.persons.find((p) => p.county_code === DEMO_AREAS.suijiang)!;
    const before = await counts();
    const input = registration();
    input.members[1] = { ...input.members[1], idNumber: elsewhere.id_number, sex: undefined };
    delete input.members[1].sex;
    const res = await env.query(qiaojia, REGISTER, { input });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.members[1].idNumber' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a registry number already used with CONFLICT', async () => {
    const res = await env.query(qiaojia, REGISTER, { input: registration({ registryNo: data.households[0].registry_no }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.registryNo' });
  });

  it('refuses registration outside the jurisdiction, and any write by an analyst', async () => {
    const suijiangGroup = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(DEMO_AREAS.suijiang))!.code;
    const outside = await env.query(qiaojia, REGISTER, { input: registration({ areaCode: suijiangGroup }) });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byAnalyst = await env.query(analyst, REGISTER, { input: registration() });
    expect(byAnalyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('updates a person, adds a member, and removes one with a reason', async () => {
    const created = await env.query(qiaojia, REGISTER, { input: registration() });
    const household = created.data.registerHousehold;
    const [head, spouse] = await env
      .query(qiaojia, 'query ($id: ID!) { household(id: $id) { members { id relation } } }', { id: household.id })
      .then((r) => [r.data.household.members.find((m: any) => m.relation === 'HEAD'), r.data.household.members.find((m: any) => m.relation === 'SPOUSE')]);

    const updated = await env.query(qiaojia, 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { phone disabled productionMode } }', {
      input: { id: spouse.id, phone: '13987654321', disabled: true, productionMode: 'PENSION' },
    });
    expect(updated.data.updatePerson).toEqual({ phone: '13987654321', disabled: true, productionMode: 'PENSION' });

    const child = { name: '张小明', idNumber: newId('2015-07-01', true), ethnicity: '彝族', relation: 'CHILD', productionMode: 'OTHER', leftBehindChild: true };
    const added = await env.query(qiaojia, 'mutation ($input: AddMemberInput!) { addMember(input: $input) { name age vulnerabilities household { memberCount } } }', {
      input: { householdId: household.id, member: child },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data.addMember).toMatchObject({ name: '张小明', vulnerabilities: ['LEFT_BEHIND_CHILD'], household: { memberCount: 3 } });

    const headless = await env.query(qiaojia, 'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { status } }', {
      input: { personId: head.id, reason: 'DECEASED' },
    });
    expect(headless.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newHeadId' });

    const removed = await env.query(qiaojia, 'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { status removalReason removalNote household { head { id } memberCount } } }', {
      input: { personId: head.id, reason: 'DECEASED', note: '因病去世', removedOn: '2024-01-05', newHeadId: spouse.id },
    });
    expect(removed.errors).toBeUndefined();
    expect(removed.data.removeMember).toEqual({ status: 'REMOVED', removalReason: 'DECEASED', removalNote: '因病去世', household: { head: { id: spouse.id }, memberCount: 2 } });

    // a removed member's record is history: it can no longer be changed
    const again = await env.query(qiaojia, 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }', { input: { id: head.id, name: '改名' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
  });

  it('refuses to change a person of another county', async () => {
    const elsewhere = data.persons.find((p) => p.county_code === DEMO_AREAS.suijiang)!;
    const res = await env.query(qiaojia, 'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }', { input: { id: elsewhere.id, name: '张三' } });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
