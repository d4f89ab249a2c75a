import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { schemaName } from '../platform/db/data-source';
import type { Identity } from '../platform/security/identity';
import { makeIdNumber } from '../platform/domain/id-number';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';
import { REGISTER_HOUSEHOLD } from './support/registration';

const { suijiang } = DEMO_IDENTITIES;
const SCALE = 0.005;
const YEAR = 2025;
const COUNTY = DEMO_AREAS.suijiang;

/**
 * Support learns the registry from its events: a death ends the entitlement, and the next cycle leaves the person out; a
 * household registered afterwards is entitled without anyone retyping it, and its members are on the next verification list.
 */
describe.each(engines('support applies registry events as the owner beside row-level security'))('registry events reach support (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  const instalments = process.env.SUPPORT_INSTALMENTS;
  const support = () => env.subgraphs.support.dataSource;
  const s = () => `"${schemaName(support())}"`;
  const ok = async (as: Identity, query: string, variables?: Record<string, unknown>) => {
    const res = await env.query(as, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    // two instalments a year in Suijiang: one cycle before the death, the next after it
    process.env.SUPPORT_INSTALMENTS = `1,${COUNTY}:2`;
    ({ env, data } = await startPlatform(engine, SCALE, ['households', 'support']));
  });
  afterAll(async () => {
    if (instalments === undefined) delete process.env.SUPPORT_INSTALMENTS;
    else process.env.SUPPORT_INSTALMENTS = instalments;
    await env?.close();
  });

  it('removeMember (death) through the gateway ends the person’s entitlement from that date; the next cycle of the county leaves them out', async () => {
    const opened = await ok(suijiang, `mutation ($c: String!, $y: Int!) { openVerification(input: { countyCode: $c, year: $y }) { id } }`, { c: COUNTY, y: YEAR });
    const entries: { person_id: string }[] = await support().query(
      `SELECT person_id FROM ${s()}.verification_entry WHERE verification_id = $1 ORDER BY person_id`, [opened.openVerification.id]);
    expect(entries.length).toBeGreaterThan(5);
    for (let i = 0; i < entries.length; i += 25) {
      const fields = entries.slice(i, i + 25).map((e, j) => `r${j}: recordVerificationResult(input: { personId: "${e.person_id}", year: ${YEAR}, result: PRESENT, verifiedOn: "${YEAR}-03-02" }) { result }`);
      await ok(suijiang, `mutation { ${fields.join('\n')} }`);
    }
    await ok(suijiang, `mutation ($id: ID!) { closeVerification(id: $id) { status } }`, { id: opened.openVerification.id });
    await ok(suijiang, `mutation { setPaymentStandard(input: { scheme: POST_RELOCATION_SUPPORT, countyCode: "${COUNTY}", year: ${YEAR}, amountFen: 60000 }) { amountFen } }`);
    const generate = (period: number) => ok(suijiang, `mutation { generatePaymentCycle(input: { scheme: POST_RELOCATION_SUPPORT, countyCode: "${COUNTY}", year: ${YEAR}, period: ${period} }) { id lineCount totalFen } }`);
    const first = (await generate(1)).generatePaymentCycle;
    expect(first.lineCount).toBeGreaterThan(5);

    // a paid member who is not the head of the household dies
    const paid: { person_id: string }[] = await support().query(`SELECT person_id FROM ${s()}.payment_line WHERE cycle_id = $1`, [first.id]);
    const paidIds = new Set(paid.map((l) => l.person_id));
    const person = data.persons.find((p) => paidIds.has(p.id) && p.relation !== 'HEAD')!;
    expect(person).toBeDefined();
    const entitlement = `query ($p: ID!) { person(id: $p) { supportEntitlements { scheme status statusReason statusOn } } }`;
    const before = (await ok(suijiang, entitlement, { p: person.id })).person.supportEntitlements;
    expect(before.find((e: { scheme: string }) => e.scheme === 'POST_RELOCATION_SUPPORT').status).toBe('ACTIVE');

    const removed = await ok(suijiang, `mutation ($p: ID!) { removeMember(input: { personId: $p, reason: DECEASED, removedOn: "${YEAR}-05-10" }) { status } }`, { p: person.id });
    expect(removed.removeMember.status).toBe('REMOVED');
    await env.events.settled();

    const after = (await ok(suijiang, entitlement, { p: person.id })).person.supportEntitlements;
    for (const e of after) expect(e).toMatchObject({ status: 'ENDED', statusReason: 'DECEASED', statusOn: `${YEAR}-05-10` });
    const second = (await generate(2)).generatePaymentCycle;
    expect(second.lineCount).toBe(first.lineCount - 1);
    const line = await ok(suijiang, `query ($c: ID!, $p: ID!) { paymentLines(first: 5, filter: { cycleId: $c, personId: $p }) { totalCount } }`, { c: second.id, p: person.id });
    expect(line.paymentLines.totalCount).toBe(0);

    // delivered again, the same events change nothing: one ending, no second line
    const ends = async () => (await support().query(`SELECT count(*)::int AS n FROM ${s()}.entitlement_change WHERE person_id = $1 AND status = 'ENDED'`, [person.id]))[0].n;
    const ended = await ends();
    expect(ended).toBe(1);
    await support().query(`UPDATE ${s()}.registry_position SET sequence = 0`);
    await env.events.settled();
    expect(await ends()).toBe(ended);
    expect((await generate(2)).generatePaymentCycle).toEqual(second);
  });

  it('a household registered through the gateway is entitled from its relocation date and its members are on the next verification list; its events carry no ID number', async () => {
    const year = YEAR + 1;
    const group = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(COUNTY))!.code;
    const sample = data.households.find((h) => h.county_code === COUNTY)!;
    const ids = [makeIdNumber(COUNTY, '1968-04-02', 611), makeIdNumber(COUNTY, '1995-10-21', 612)];
    const registered = await ok(suijiang, REGISTER_HOUSEHOLD, { input: {
      registryNo: 'SJ-2021-R0001', stationId: sample.station_id, originalAreaCode: sample.original_area_code, areaCode: group,
      relocationMode: 'URBANISATION', housingMode: 'UNIFIED', registeredOn: '2021-03-01', relocatedOn: '2021-09-15',
      members: [
        { name: '杨德富', idNumber: ids[0], ethnicity: '汉族', relation: 'HEAD', productionMode: 'ANNUAL_COMPENSATION' },
        { name: '杨小梅', idNumber: ids[1], ethnicity: '汉族', relation: 'CHILD', productionMode: 'AGRICULTURAL' },
      ],
    } });
    const householdId = registered.registerHousehold.id;
    await env.events.settled();

    const members = (await ok(suijiang, `query ($h: ID!) { household(id: $h) { members { id name supportEntitlements { scheme category startOn endOn status } } } }`, { h: householdId }))
      .household.members as { id: string; name: string; supportEntitlements: Record<string, unknown>[] }[];
    const head = members.find((m) => m.name === '杨德富')!;
    const daughter = members.find((m) => m.name === '杨小梅')!;
    const byScheme = (list: Record<string, unknown>[]) => [...list].sort((a, b) => String(a.scheme).localeCompare(String(b.scheme)));
    expect(byScheme(head.supportEntitlements)).toEqual([
      { scheme: 'ANNUAL_COMPENSATION', category: 'ORIGINAL', startOn: '2021-09-15', endOn: null, status: 'ACTIVE' },
      { scheme: 'POST_RELOCATION_SUPPORT', category: 'ORIGINAL', startOn: '2021-09-15', endOn: '2041-09-14', status: 'ACTIVE' },
    ]);
    expect(daughter.supportEntitlements).toEqual([{ scheme: 'POST_RELOCATION_SUPPORT', category: 'ORIGINAL', startOn: '2021-09-15', endOn: '2041-09-14', status: 'ACTIVE' }]);

    // the next verification list of the county has both
    await ok(suijiang, `mutation ($c: String!, $y: Int!) { openVerification(input: { countyCode: $c, year: $y }) { id } }`, { c: COUNTY, y: year });
    const listed = await ok(suijiang, `query ($y: Int!, $a: String!) { verificationEntries(first: 100, filter: { year: $y, areaCode: $a }) { nodes { person { id } } } }`, { y: year, a: group });
    const onList = new Set(listed.verificationEntries.nodes.map((n: { person: { id: string } }) => n.person.id));
    expect(onList.has(head.id) && onList.has(daughter.id)).toBe(true);

    // the registry's events told support the name, production mode, station and relocation date, never the ID number
    const households = env.subgraphs.households.dataSource;
    const events: { payload: string }[] = await households.query(
      `SELECT payload::text AS payload FROM "${schemaName(households)}".registry_event WHERE household_id = $1`, [householdId]);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) for (const id of ids) expect(e.payload).not.toContain(id);
    const known: { id_number: string | null; production_mode: string }[] = await support().query(
      `SELECT id_number, production_mode FROM ${s()}.registry_person WHERE person_id = $1`, [head.id]);
    expect(known).toEqual([{ id_number: null, production_mode: 'ANNUAL_COMPENSATION' }]);

    // delivered again, nothing changes
    await support().query(`UPDATE ${s()}.registry_position SET sequence = 0`);
    await env.events.settled();
    const again = (await ok(suijiang, `query ($p: ID!) { person(id: $p) { supportEntitlements { scheme category startOn endOn status } } }`, { p: head.id })).person.supportEntitlements;
    expect(byScheme(again)).toEqual(byScheme(head.supportEntitlements));
  });
});
