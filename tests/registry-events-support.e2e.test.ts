import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { schemaName } from '../platform/db/data-source';
import type { Identity } from '../platform/security/identity';
import { makeIdNumber } from '../platform/domain/id-number';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';
import { SUBSIDY_CARDS_SHEET } from '../subgraphs/support/imports/subsidy-cards.sheet';
import { csvText, expectOnlyProblem, PERSONS_SHEET } from './import-files';
import { REGISTER_HOUSEHOLD } from './support/registration';

const { suijiang, qiaojia, prefecture, analyst, auditor } = DEMO_IDENTITIES;
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
  // the household the second test registers, for the third
  let registered: { householdId: string; group: string; ids: string[]; head: string; daughter: string } | undefined;
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
    const registration = await ok(suijiang, REGISTER_HOUSEHOLD, { input: {
      registryNo: 'SJ-2021-R0001', stationId: sample.station_id, originalAreaCode: sample.original_area_code, areaCode: group,
      relocationMode: 'URBANISATION', housingMode: 'UNIFIED', registeredOn: '2021-03-01', relocatedOn: '2021-09-15',
      members: [
        { name: '杨德富', idNumber: ids[0], ethnicity: '汉族', relation: 'HEAD', productionMode: 'ANNUAL_COMPENSATION' },
        { name: '杨小梅', idNumber: ids[1], ethnicity: '汉族', relation: 'CHILD', productionMode: 'AGRICULTURAL' },
      ],
    } });
    const householdId = registration.registerHousehold.id;
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
    registered = { householdId, group, ids, head: head.id, daughter: daughter.id };
  });

  it('the county office records a newcomer’s card and ID number (others refused, nothing changed); the next cycle’s bank file carries both', async () => {
    const { ids, head, daughter } = registered!;
    const year = YEAR + 1;
    const RECORD = `mutation ($input: RecordSubsidyCardInput!) { recordSubsidyCard(input: $input) { bank cardNo openedOn } }`;
    const card = { personId: head, idNumber: ids[0], cardNo: '6228480012345678901', bank: '中国农业银行绥江县支行', openedOn: '2026-02-10' };
    const held = async (personId: string) => ({
      card: await support().query(`SELECT card_no, bank, id_number FROM ${s()}.subsidy_card WHERE person_id = $1`, [personId]),
      idNumber: (await support().query(`SELECT id_number FROM ${s()}.registry_person WHERE person_id = $1`, [personId]))[0].id_number,
      changes: (await support().query(`SELECT count(*)::int AS n FROM ${s()}.change_log WHERE table_name = 'subsidy_card'`))[0].n,
    });
    const before = await held(head);
    expect(before).toMatchObject({ card: [], idNumber: null });

    // a demo person of the county: support holds their ID number and card
    const [known]: { id: string; id_number: string; birth_date: string; card_no: string }[] = await support().query(
      `SELECT p.person_id AS id, p.id_number, p.birth_date::text AS birth_date, k.card_no FROM ${s()}.registry_person p JOIN ${s()}.subsidy_card k ON k.person_id = p.person_id
        WHERE p.county_code = $1 AND p.status = 'ACTIVE' AND p.id_number IS NOT NULL ORDER BY p.person_id LIMIT 1`, [COUNTY]);
    const knownCard = known.card_no;
    const knownBefore = await held(known.id);
    const wrongCheck = ids[0].slice(0, 17) + (ids[0][17] === '1' ? '2' : '1');
    const refusals: [Identity, Record<string, unknown>, string, string?][] = [
      [qiaojia, {}, 'FORBIDDEN'],
      [analyst, {}, 'FORBIDDEN'],
      [suijiang, { personId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.personId'],
      [suijiang, { idNumber: wrongCheck }, 'BAD_USER_INPUT', 'input.idNumber'],
      [suijiang, { idNumber: ids[0].slice(0, 6) + ids[0].slice(8, 17) }, 'BAD_USER_INPUT', 'input.idNumber'],
      [suijiang, { idNumber: makeIdNumber(COUNTY, '1968-04-03', 611) }, 'BAD_USER_INPUT', 'input.idNumber'],
      [suijiang, { idNumber: ids[1] }, 'BAD_USER_INPUT', 'input.idNumber'],
      [suijiang, { cardNo: '62284800123' }, 'BAD_USER_INPUT', 'input.cardNo'],
      [suijiang, { cardNo: '622848001234567890A' }, 'BAD_USER_INPUT', 'input.cardNo'],
      [suijiang, { bank: null }, 'BAD_USER_INPUT', 'input.bank'],
      [suijiang, { openedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'input.openedOn'],
      [suijiang, { cardNo: knownCard }, 'CONFLICT', 'input.cardNo'],
      // support holds another number for the demo person: a different one (same birth date, valid) is refused
      [suijiang, { personId: known.id, idNumber: makeIdNumber(known.id_number.slice(0, 6), known.birth_date, 997) }, 'CONFLICT', 'input.idNumber'],
    ];
    for (const [who, override, code, field] of refusals) {
      const res = await env.query(who, RECORD, { input: { ...card, ...override } });
      expect(res.data?.recordSubsidyCard ?? null).toBeNull();
      expect(res.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
      expect(res.errors?.[0].message).toMatch(/[\u4e00-\u9fa5].* · [A-Za-z]/);
    }
    expect(await held(head)).toEqual(before);
    expect(await held(known.id)).toEqual(knownBefore);

    // the county office records it: the result as a read of the card shows it; the same again changes nothing
    expect((await ok(suijiang, RECORD, { input: card })).recordSubsidyCard).toEqual({ bank: card.bank, cardNo: card.cardNo, openedOn: card.openedOn });
    expect(await held(head)).toEqual({ card: [{ card_no: card.cardNo, bank: card.bank, id_number: ids[0] }], idNumber: ids[0], changes: before.changes + 1 });
    await ok(suijiang, RECORD, { input: card });
    expect((await held(head)).changes).toBe(before.changes + 1);
    // the prefecture office records the daughter's: her father's number is not hers (birth date), her own is; spaces in the card number are read past
    expect((await env.query(prefecture, RECORD, { input: { personId: daughter, idNumber: ids[0], cardNo: '6228480012345678902', bank: '中国农业银行' } })).errors?.[0].extensions)
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber' });
    await ok(prefecture, RECORD, { input: { personId: daughter, idNumber: ids[1], cardNo: '6228 4800 1234 5678 902', bank: '中国农业银行' } });
    // now that support holds the head's number, another one is a conflict
    const other = await env.query(suijiang, RECORD, { input: { ...card, idNumber: makeIdNumber(COUNTY, '1968-04-02', 613) } });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });

    // the card's history: the office, the number and the card; masked for the auditor, as the card itself
    const history = `query ($p: ID!) { person(id: $p) { subsidyCard { cardNo changes(first: 5) { operation actorSubject changes { field new } } } } }`;
    const full = (await ok(suijiang, history, { p: head })).person.subsidyCard;
    expect(full.changes).toHaveLength(1);
    expect(full.changes[0]).toMatchObject({ operation: 'INSERT', actorSubject: suijiang.subject });
    expect(full.changes[0].changes).toEqual(expect.arrayContaining([{ field: 'cardNo', new: card.cardNo }, { field: 'idNumber', new: ids[0] }]));
    const masked = (await ok(auditor, history, { p: head })).person.subsidyCard;
    expect(masked.cardNo).toBe('622848*********8901');
    expect(masked.changes[0].changes).toEqual(expect.arrayContaining([{ field: 'cardNo', new: '622848*********8901' }, { field: 'idNumber', new: `${COUNTY}************` }]));

    // the year's verification closed, the next cycle generated and approved: the bank file carries the ID and card
    const [verification] = await support().query(`SELECT id FROM ${s()}.verification WHERE county_code = $1 AND year = $2`, [COUNTY, year]);
    const entries: { person_id: string }[] = await support().query(`SELECT person_id FROM ${s()}.verification_entry WHERE verification_id = $1 ORDER BY person_id`, [verification.id]);
    for (let i = 0; i < entries.length; i += 25) {
      const fields = entries.slice(i, i + 25).map((e, j) => `r${j}: recordVerificationResult(input: { personId: "${e.person_id}", year: ${year}, result: PRESENT, verifiedOn: "${year}-03-02" }) { result }`);
      await ok(suijiang, `mutation { ${fields.join('\n')} }`);
    }
    await ok(suijiang, `mutation ($id: ID!) { closeVerification(id: $id) { status } }`, { id: verification.id });
    await ok(suijiang, `mutation { setPaymentStandard(input: { scheme: POST_RELOCATION_SUPPORT, countyCode: "${COUNTY}", year: ${year}, amountFen: 60000 }) { amountFen } }`);
    const cycle = (await ok(suijiang, `mutation { generatePaymentCycle(input: { scheme: POST_RELOCATION_SUPPORT, countyCode: "${COUNTY}", year: ${year}, period: 1 }) { id code } }`)).generatePaymentCycle;
    await ok(suijiang, `mutation ($id: ID!) { submitPaymentCycle(id: $id) { state } }`, { id: cycle.id });
    await ok(prefecture, `mutation ($id: ID!) { approvePaymentCycle(id: $id) { state } }`, { id: cycle.id });
    const lines: { id: string; person_id: string }[] = await support().query(`SELECT id, person_id FROM ${s()}.payment_line WHERE cycle_id = $1 AND person_id = ANY ($2::uuid[])`, [cycle.id, [head, daughter]]);
    expect(lines).toHaveLength(2);
    const res = await fetch(`${env.gateway.url.replace(/\/graphql$/, '')}/exports/bank-payments.csv?cycle=${cycle.code}`, { headers: { authorization: `Bearer ${await env.token(suijiang)}` } });
    expect(res.status).toBe(200);
    const [header, ...rows] = (await res.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));
    const byLine = new Map(rows.map((r) => [r[header.indexOf('明细编号')], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    const lineOf = (person: string) => byLine.get(lines.find((l) => l.person_id === person)!.id)!;
    expect(lineOf(head)).toMatchObject({ 户名: '杨德富', 身份证号: ids[0], 卡号: card.cardNo, 开户行: card.bank });
    expect(lineOf(daughter)).toMatchObject({ 户名: '杨小梅', 身份证号: ids[1], 卡号: '6228480012345678902', 开户行: '中国农业银行' });
  });

  it('updatePerson (and the persons sheet) changing a name or production mode reaches support through a PERSON_UPDATED event (no ID number); a redelivery changes nothing', async () => {
    const { ids, daughter } = registered!;
    const households = env.subgraphs.households.dataSource;
    const h = `"${schemaName(households)}"`;
    const [{ n: start }] = await households.query(`SELECT coalesce(max(sequence), 0)::int AS n FROM ${h}.registry_event`);
    await ok(suijiang, `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { name } }`, { input: { id: daughter, name: '杨晓梅', productionMode: 'ANNUAL_COMPENSATION' } });
    // a change support does not keep writes no event
    await ok(suijiang, `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { name } }`, { input: { id: daughter, phone: '13800000000' } });
    const events: { type: string; payload: string }[] = await households.query(`SELECT type, payload::text AS payload FROM ${h}.registry_event WHERE sequence > $1 ORDER BY sequence`, [start]);
    expect(events.map((e) => e.type)).toEqual(['PERSON_UPDATED']);
    expect(JSON.parse(events[0].payload).persons).toEqual([expect.objectContaining({ id: daughter, name: '杨晓梅', productionMode: 'ANNUAL_COMPENSATION' })]);
    for (const id of ids) expect(events[0].payload).not.toContain(id);
    await env.events.settled();

    const known = async () => ({
      person: await support().query(`SELECT name, production_mode, id_number FROM ${s()}.registry_person WHERE person_id = $1`, [daughter]),
      card: await support().query(`SELECT card_no, id_number FROM ${s()}.subsidy_card WHERE person_id = $1`, [daughter]),
      entitlements: (await ok(suijiang, `query ($p: ID!) { person(id: $p) { supportEntitlements { scheme category startOn status } } }`, { p: daughter }))
        .person.supportEntitlements.map((e: { scheme: string }) => e.scheme).sort(),
    });
    const after = await known();
    expect(after).toEqual({
      person: [{ name: '杨晓梅', production_mode: 'ANNUAL_COMPENSATION', id_number: ids[1] }],
      card: [{ card_no: '6228480012345678902', id_number: ids[1] }],
      entitlements: ['ANNUAL_COMPENSATION', 'POST_RELOCATION_SUPPORT'],
    });

    // the persons sheet renaming the head writes the same event (a row equal to the registry writes none)
    const row = { 登记编号: 'SJ-2021-R0001', 姓名: '杨德福', 身份证号: ids[0], 民族: '汉族', 与户主关系: '户主', 生产安置方式: '逐年补偿' };
    const importRows = async (rows: Record<string, string>[]) => (await ok(suijiang, `mutation ($input: ImportFileInput!) { importRegistryFile(input: $input) { status updated unchanged } }`, {
      input: { sheet: 'PERSONS', fileName: 'persons.csv', contentBase64: Buffer.from(csvText(PERSONS_SHEET, rows)).toString('base64'), commit: true } })).importRegistryFile;
    expect(await importRows([row])).toEqual({ status: 'COMMITTED', updated: 1, unchanged: 0 });
    expect(await importRows([row])).toEqual({ status: 'COMMITTED', updated: 0, unchanged: 1 });
    const sheetEvents: { type: string; person_id: string }[] = await households.query(`SELECT type, person_id FROM ${h}.registry_event WHERE sequence > $1 ORDER BY sequence`, [start]);
    expect(sheetEvents.map((e) => [e.type, e.person_id])).toEqual([['PERSON_UPDATED', daughter], ['PERSON_UPDATED', registered!.head]]);
    await env.events.settled();
    expect(await support().query(`SELECT name FROM ${s()}.registry_person WHERE person_id = $1`, [registered!.head])).toEqual([{ name: '杨德福' }]);

    // delivered again from the start (older events name them 杨小梅, 杨德富): nothing changes
    await support().query(`UPDATE ${s()}.registry_position SET sequence = 0`);
    await env.events.settled();
    expect(await known()).toEqual(after);
    expect(await support().query(`SELECT name FROM ${s()}.registry_person WHERE person_id = $1`, [registered!.head])).toEqual([{ name: '杨德福' }]);
  });

  it('the county’s card list: the persons lacking a card or ID number exported, returned filled in through the import kit (dry run, report by row and column, all rows or none)', async () => {
    const group = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(COUNTY))!.code;
    const sample = data.households.find((h) => h.county_code === COUNTY)!;
    const ids = [makeIdNumber(COUNTY, '1972-06-01', 711), makeIdNumber(COUNTY, '1974-08-09', 712)];
    const household = (await ok(suijiang, REGISTER_HOUSEHOLD, { input: {
      registryNo: 'SJ-2022-R0002', stationId: sample.station_id, originalAreaCode: sample.original_area_code, areaCode: group,
      relocationMode: 'URBANISATION', housingMode: 'UNIFIED', registeredOn: '2022-03-01', relocatedOn: '2022-09-15',
      members: [
        { name: '罗开明', idNumber: ids[0], ethnicity: '彝族', relation: 'HEAD', productionMode: 'AGRICULTURAL' },
        { name: '罗开芬', idNumber: ids[1], ethnicity: '彝族', relation: 'SPOUSE', productionMode: 'AGRICULTURAL' },
      ],
    } })).registerHousehold.id;
    await env.events.settled();
    const [head, spouse] = (await support().query(`SELECT person_id FROM ${s()}.registry_person WHERE household_id = $1 ORDER BY birth_date`, [household]))
      .map((r: { person_id: string }) => r.person_id);

    const base = env.gateway.url.replace(/\/graphql$/, '');
    const download = async (as: Identity) => {
      const res = await fetch(`${base}/exports/subsidy-cards.csv`, { headers: { authorization: `Bearer ${await env.token(as)}` } });
      const text = await res.text();
      const [header, ...lines] = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));
      return { status: res.status, rows: res.ok ? lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]]))) : [] };
    };
    const list = await download(suijiang);
    expect(list.status).toBe(200);
    expect(list.rows.map((r) => [r['人员标识'], r['姓名'], r['身份证号'], r['卡号']])).toEqual([[head, '罗开明', '', ''], [spouse, '罗开芬', '', '']].sort((a, b) => a[0].localeCompare(b[0])));
    expect((await download(analyst)).status).toBe(403);
    expect((await download(qiaojia)).rows).toEqual([]);

    const upload = async (as: Identity, rows: Record<string, string>[], commit: boolean) => {
      const res = await env.query(as, `mutation ($input: ImportFileInput!) { importSupportFile(input: $input) { id status rowsWritten inserted updated unchanged problemCount } }`, {
        input: { sheet: 'SUBSIDY_CARDS', fileName: 'cards.csv', contentBase64: Buffer.from(csvText(SUBSIDY_CARDS_SHEET, rows)).toString('base64'), commit } });
      return { errors: res.errors, run: res.data?.importSupportFile };
    };
    const problemsOf = async (id: string) => (await ok(suijiang, `query ($id: ID!) { supportImportProblems(importId: $id, first: 50) { nodes { row column value messageZh messageEn } } }`, { id })).supportImportProblems.nodes;
    const good: Record<string, string>[] = [
      { 人员标识: head, 身份证号: ids[0], 卡号: '6230520012345670011', 开户行: '云南省农村信用社', 开卡日期: '2026-03-01' },
      { 人员标识: spouse, 身份证号: ids[1], 卡号: '6230520012345670012', 开户行: '云南省农村信用社' },
    ];
    const [outside] = await support().query(`SELECT person_id FROM ${s()}.registry_person WHERE county_code = $1 LIMIT 1`, [DEMO_AREAS.qiaojia]);
    const cases: [Record<string, string>[], { row: number; column: string; message: RegExp }][] = [
      [[good[0], { ...good[1], 卡号: '6230' }], { row: 3, column: '卡号', message: /16 至 19 位/ }],
      [[good[0], { ...good[1], 身份证号: ids[0] }], { row: 3, column: '身份证号', message: /出生日期/ }],
      [[good[0], { ...good[1], 卡号: good[0].卡号 }], { row: 3, column: '卡号', message: /与第 2 行重复/ }],
      [[good[0], { ...good[1], 开户行: '' }], { row: 3, column: '开户行', message: /开户银行/ }],
      [[good[0], { ...good[1], 人员标识: outside.person_id }], { row: 3, column: '人员标识', message: /不在您的管辖范围内/ }],
    ];
    for (const [rows, expected] of cases) {
      const res = await upload(suijiang, rows, true);
      expect(res.run).toMatchObject({ status: 'REJECTED', rowsWritten: 0 });
      expectOnlyProblem(await problemsOf(res.run.id), expected);
    }
    expect(await support().query(`SELECT count(*)::int AS n FROM ${s()}.subsidy_card WHERE person_id = ANY ($1::uuid[])`, [[head, spouse]])).toEqual([{ n: 0 }]);
    expect((await upload(DEMO_IDENTITIES.wenbi, good, false)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect((await upload(suijiang, good, false)).run).toMatchObject({ status: 'VALIDATED', rowsWritten: 0, inserted: 2 });
    expect((await upload(suijiang, good, true)).run).toMatchObject({ status: 'COMMITTED', rowsWritten: 2, inserted: 2 });
    expect((await upload(suijiang, good, true)).run).toMatchObject({ status: 'COMMITTED', rowsWritten: 0, unchanged: 2 });
    expect(await support().query(`SELECT p.id_number, k.card_no, k.bank FROM ${s()}.registry_person p JOIN ${s()}.subsidy_card k ON k.person_id = p.person_id
      WHERE p.person_id = ANY ($1::uuid[]) ORDER BY p.birth_date`, [[head, spouse]])).toEqual([
      { id_number: ids[0], card_no: good[0].卡号, bank: '云南省农村信用社' }, { id_number: ids[1], card_no: good[1].卡号, bank: '云南省农村信用社' },
    ]);
    expect((await download(suijiang)).rows).toEqual([]);
  });
});
