import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { schemaName } from '../platform/db/data-source';
import { Role, type Identity } from '../platform/security/identity';
import { requestScopeOf, runInRequestScope } from '../platform/security/request-scope';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { supportPeriod } from '../subgraphs/households/services/support-period.rules';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { prefecture, qiaojia, suijiang, wenbi, analyst } = DEMO_IDENTITIES;
const checker: Identity = { subject: 'qiaojia-checker', role: Role.COUNTY_OFFICER, jurisdiction: [DEMO_AREAS.qiaojia] };
const YEAR = 2025;

describe.each(engines('the ledger is refused UPDATE and DELETE by the database; row-level security on the serving role'))('support subgraph through the gateway (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  const owner = () => env.subgraphs.support.dataSource;
  const schema = () => schemaName(owner());
  const ok = async (as: Identity, query: string, variables?: Record<string, unknown>) => {
    const res = await env.query(as, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, 0.01));
  });
  afterAll(() => env?.close());

  it('derives every person’s entitlements from the relocation date, as the registry’s support period says', async () => {
    const rows: { person_id: string; scheme: string; category: string; start_on: string; end_on: string | null }[] = await owner().query(
      `SELECT person_id, scheme, category, start_on::text, end_on::text FROM "${schema()}".entitlement`);
    const household = new Map(data.households.map((h) => [h.id, h]));
    const support = rows.filter((r) => r.scheme === 'POST_RELOCATION_SUPPORT');
    const entitled = data.persons.filter((p) => p.birth_date <= household.get(p.household_id)!.relocated_on!);
    expect(support.length).toBe(entitled.length);
    const byPerson = new Map(support.map((r) => [r.person_id, r]));
    for (const p of entitled.slice(0, 300)) {
      const period = supportPeriod(household.get(p.household_id)!.relocated_on);
      expect(byPerson.get(p.id)).toMatchObject({ category: period.supportCohort, start_on: period.supportStart, end_on: period.supportEnd });
    }
    expect(rows.filter((r) => r.scheme === 'ANNUAL_COMPENSATION').length).toBe(entitled.filter((p) => p.production_mode === 'ANNUAL_COMPENSATION').length);
  });

  it('the demo: 2023 reconciled and 2024 approved for both schemes in every county, every cycle balanced (the auditor’s query too)', async () => {
    const d = await ok(prefecture, `{ paymentCycles(first: 100, filter: { }) { nodes { code kind year state scheme lineCount totalFen reconciliation { linesFen paymentsFen failuresFen netFen balanced } } } }`);
    const regular = d.paymentCycles.nodes.filter((c: any) => c.kind === 'REGULAR');
    expect(regular.filter((c: any) => c.year === 2023).every((c: any) => c.state === 'RECONCILED')).toBe(true);
    expect(regular.filter((c: any) => c.year === 2024).every((c: any) => c.state === 'APPROVED')).toBe(true);
    expect(regular.length).toBe(2 * 2 * new Set(data.households.map((h) => h.county_code)).size);
    for (const c of d.paymentCycles.nodes) {
      expect(c.reconciliation.balanced).toBe(true);
      expect(c.reconciliation.linesFen).toBe(c.totalFen);
      if (c.state !== 'DRAFT') expect(c.reconciliation.paymentsFen).toBe(c.totalFen);
    }
    const unbalanced = await owner().query(`SELECT code FROM "${schema()}".cycle_reconciliation WHERE NOT balanced`);
    expect(unbalanced).toEqual([]);
  });

  it('a county’s year: verification opened, results recorded, closed; cycle generated twice, maker ≠ checker, approved and balanced', async () => {
    const opened = await ok(qiaojia, `mutation ($c: String!, $y: Int!) { openVerification(input: { countyCode: $c, year: $y }) { id status } }`, { c: DEMO_AREAS.qiaojia, y: YEAR });
    const again = await env.query(qiaojia, `mutation ($c: String!, $y: Int!) { openVerification(input: { countyCode: $c, year: $y }) { id } }`, { c: DEMO_AREAS.qiaojia, y: YEAR });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const entries: { person_id: string; area_code: string }[] = await owner().query(
      `SELECT person_id, area_code FROM "${schema()}".verification_entry WHERE verification_id = $1 ORDER BY person_id`, [opened.openVerification.id]);
    expect(entries.length).toBeGreaterThan(30);
    const deceased = entries[0].person_id;
    // community workers record inside their area only; the county officer records the rest, 25 a request
    const outside = entries.find((e) => !e.area_code.startsWith(DEMO_AREAS.wenbi))!;
    const refused = await env.query(wenbi, `mutation ($p: ID!) { recordVerificationResult(input: { personId: $p, year: ${YEAR}, result: PRESENT, verifiedOn: "${YEAR}-03-02" }) { id } }`, { p: outside.person_id });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const early = await env.query(qiaojia, `mutation ($id: ID!) { closeVerification(id: $id) { status } }`, { id: opened.openVerification.id });
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
    for (let i = 0; i < entries.length; i += 25) {
      const batch = entries.slice(i, i + 25);
      const fields = batch.map((e, j) => `r${j}: recordVerificationResult(input: { personId: "${e.person_id}", year: ${YEAR}, result: ${e.person_id === deceased ? 'DECEASED' : 'PRESENT'}, verifiedOn: "${YEAR}-03-02" }) { result verifier }`);
      const d = await ok(qiaojia, `mutation { ${fields.join('\n')} }`);
      expect(d.r0.verifier).toBe(qiaojia.subject);
    }
    const closed = await ok(qiaojia, `mutation ($id: ID!) { closeVerification(id: $id) { status closedBy } }`, { id: opened.openVerification.id });
    expect(closed.closeVerification).toEqual({ status: 'CLOSED', closedBy: qiaojia.subject });

    const ent = await ok(qiaojia, `query ($p: ID!) { supportEntitlements(first: 200) { totalCount } _e: paymentLines(first: 1, filter: { personId: $p }) { totalCount } }`, { p: deceased });
    expect(ent.supportEntitlements.totalCount).toBeGreaterThan(0);

    const standards = `mutation { a: setPaymentStandard(input: { scheme: POST_RELOCATION_SUPPORT, countyCode: "${DEMO_AREAS.qiaojia}", year: ${YEAR}, amountFen: 60000 }) { amountFen }
      b: setPaymentStandard(input: { scheme: ANNUAL_COMPENSATION, countyCode: "${DEMO_AREAS.qiaojia}", year: ${YEAR}, amountFen: 190000 }) { amountFen } }`;
    await ok(qiaojia, standards);
    const generate = `mutation { generatePaymentCycle(input: { scheme: POST_RELOCATION_SUPPORT, countyCode: "${DEMO_AREAS.qiaojia}", year: ${YEAR} }) { id code state lineCount totalFen preparedBy } }`;
    const first = (await ok(qiaojia, generate)).generatePaymentCycle;
    const second = (await ok(qiaojia, generate)).generatePaymentCycle;
    expect(second).toEqual(first);
    expect(first).toMatchObject({ state: 'DRAFT', lineCount: entries.length - 1, totalFen: (entries.length - 1) * 60000, preparedBy: qiaojia.subject });
    const lines = await ok(qiaojia, `query ($c: ID!, $p: ID!) { paymentLines(first: 5, filter: { cycleId: $c, personId: $p }) { totalCount } }`, { c: first.id, p: deceased });
    expect(lines.paymentLines.totalCount).toBe(0);

    await ok(qiaojia, `mutation ($id: ID!) { submitPaymentCycle(id: $id) { state } }`, { id: first.id });
    const self = await env.query(qiaojia, `mutation ($id: ID!) { approvePaymentCycle(id: $id) { state } }`, { id: first.id });
    expect(self.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(self.errors?.[0].message).toMatch(/审批人不能是本批次的编制人.*The approver cannot be the cycle’s preparer/);
    const other = await env.query(suijiang, `mutation ($id: ID!) { approvePaymentCycle(id: $id) { state } }`, { id: first.id });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreign = await env.query(suijiang, `query ($id: ID!) { paymentCycle(id: $id) { code } }`, { id: first.id });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const approved = (await ok(checker, `mutation ($id: ID!) { approvePaymentCycle(id: $id) { state approvedBy reconciliation { paymentsFen linesFen balanced } } }`, { id: first.id })).approvePaymentCycle;
    expect(approved).toEqual({ state: 'APPROVED', approvedBy: checker.subject, reconciliation: { paymentsFen: first.totalFen, linesFen: first.totalFen, balanced: true } });
    expect((await ok(qiaojia, generate)).generatePaymentCycle).toMatchObject({ state: 'APPROVED', lineCount: first.lineCount, totalFen: first.totalFen });

    // nothing in an approved cycle changes, whoever asks: the database refuses it
    await expect(owner().query(`UPDATE "${schema()}".payment_line SET amount_fen = 1 WHERE cycle_id = $1`, [first.id])).rejects.toThrow(/past DRAFT/);
    await expect(owner().query(`UPDATE "${schema()}".payment_cycle SET total_fen = 1 WHERE id = $1`, [first.id])).rejects.toThrow(/past DRAFT/);
  });

  it('the ledger cannot be edited: UPDATE and DELETE are refused by the trigger (the owner too) and by the grants (the serving role)', async () => {
    await expect(owner().query(`UPDATE "${schema()}".ledger_entry SET amount_fen = amount_fen + 1`)).rejects.toThrow(/append-only/);
    await expect(owner().query(`DELETE FROM "${schema()}".ledger_entry`)).rejects.toThrow(/append-only/);
    await expect(owner().query(`TRUNCATE "${schema()}".ledger_entry CASCADE`)).rejects.toThrow(/append-only/);
    const serving = env.subgraphs.support.serving;
    await runInRequestScope(requestScopeOf(qiaojia), async () => {
      const [{ n }] = await serving.query(`SELECT count(*)::int AS n FROM "${schema()}".ledger_entry`);
      expect(n).toBeGreaterThan(0);
      await expect(serving.query(`UPDATE "${schema()}".ledger_entry SET reason = 'x'`)).rejects.toThrow(/permission denied|append-only/);
      await expect(serving.query(`DELETE FROM "${schema()}".ledger_entry`)).rejects.toThrow(/permission denied|append-only/);
    });
  });

  it('persons and households carry their entitlements and payments; card numbers in full for the office, masked for a community worker; analysts get aggregates only', async () => {
    const person = data.persons.find((p) => p.area_code.startsWith(DEMO_AREAS.wenbi))!;
    const q = `query ($id: ID!) { person(id: $id) { supportEntitlements { scheme category status } payments(year: 2023) { amountFen status } subsidyCard { cardNo bank } } }`;
    const asOffice = (await ok(qiaojia, q, { id: person.id })).person;
    expect(asOffice.supportEntitlements.map((e: any) => e.scheme)).toContain('POST_RELOCATION_SUPPORT');
    expect(asOffice.subsidyCard.cardNo).toMatch(/^621799\d{13}$/);
    const asWorker = (await ok(wenbi, q, { id: person.id })).person;
    expect(asWorker.subsidyCard.cardNo).toBe(`${asOffice.subsidyCard.cardNo.slice(0, 6)}*********${asOffice.subsidyCard.cardNo.slice(-4)}`);
    const household = await ok(qiaojia, `query ($id: ID!) { household(id: $id) { supportPayments(year: 2023) { amountFen } } }`, { id: person.household_id });
    expect(household.household.supportPayments.length).toBeGreaterThan(0);
    const refused = await env.query(analyst, q, { id: person.id });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ind = await ok(analyst, `query ($c: String!) { area(code: $c) { supportIndicators(year: 2023) { entitled verified present removedDeceased paidPostRelocationSupport failed amountFen } supportProjects(first: 5) { totalCount } } }`, { c: DEMO_AREAS.qiaojia });
    expect(ind.area.supportIndicators.entitled).toBe(ind.area.supportIndicators.verified);
    expect(ind.area.supportIndicators.removedDeceased).toBeGreaterThanOrEqual(0);
    expect(ind.area.supportIndicators.paidPostRelocationSupport).toBeGreaterThan(0);
    expect(ind.area.supportProjects.totalCount).toBeGreaterThan(0);
  });

  it('the projects: 61 collective assets with the three named ones, 320 beautiful-home projects, three batches of hazard-relief pilots', async () => {
    const d = await ok(prefecture, `{ a: supportProjects(first: 200, filter: { kind: COLLECTIVE_ASSET }) { totalCount nodes { name funds { year amountFen } } }
      b: supportProjects(first: 1, filter: { kind: BEAUTIFUL_HOME }) { totalCount } c: supportProjects(first: 50, filter: { kind: HAZARD_RELIEF }) { nodes { batch } } }`);
    expect(d.a.totalCount).toBe(61);
    expect(d.a.nodes.map((p: any) => p.name)).toEqual(expect.arrayContaining(['绥江半山酒店', '巧家七里标准厂房', '大关竹笋加工厂']));
    expect(d.b.totalCount).toBe(320);
    expect(new Set(d.c.nodes.map((p: any) => p.batch))).toEqual(new Set([1, 2, 3]));
  });
});
