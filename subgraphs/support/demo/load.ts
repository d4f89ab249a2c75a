import type { DataSource, EntityManager } from 'typeorm';
import { bulkInsertColumns } from '../../../platform/db/bulk-insert-columns';
import { schemaName } from '../../../platform/db/data-source';
import type { RegistrySnapshot } from '../../../platform/demo/registry-snapshot';
import { withChangeHistoryPaused } from '../../../platform/history/change-history';
import { PaymentCycle } from '../entities/payment-cycle.entity';
import { approveRows, cycleCode, cycleId, generateLines, reconcileRows } from '../services/payment-cycle.service';
import { projectRegistrySnapshot } from '../services/registry-projection';
import { closeVerificationRows, openVerificationRows, verificationId } from '../services/verification.service';
import { CycleKind, CycleState, SupportScheme } from '../support.enums';
import { DEMO_YEARS, projectRows, standardRows } from './generator';

/** Whether the support tables already hold data (the demo is loaded once, on first start). */
export async function hasSupportData(dataSource: DataSource): Promise<boolean> {
  const [row] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "${schemaName(dataSource)}".registry_person) AS present`);
  return row.present === true;
}

/** A bucket 0–9999 per person and year, from the person's id (deterministic, spread evenly). */
const bucket = (year: number) => `(('x' || substr(md5(x.person_id::text || ':${year}'), 1, 8))::bit(32)::bigint % 10000)`;

/**
 * Results of a demo verification, per 10,000 persons a year (generated, plausible): 60 deceased,
 * 8 state-employed, 3 imprisoned, 25 moved out, 12 not found; the others present.
 */
function resultSql(year: number): string {
  const b = bucket(year);
  return `CASE WHEN ${b} < 60 THEN 'DECEASED' WHEN ${b} < 68 THEN 'STATE_EMPLOYED' WHEN ${b} < 71 THEN 'IMPRISONED'
               WHEN ${b} < 96 THEN 'MOVED_OUT' WHEN ${b} < 108 THEN 'NOT_FOUND' ELSE 'PRESENT' END`;
}

const officer = (county: string, who: string) => `demo-${county}-${who}`;

async function verificationYear(manager: EntityManager, counties: string[], year: number): Promise<void> {
  const s = `"${schemaName(manager.connection)}"`;
  for (const county of counties) {
    const id = verificationId(county, year);
    await openVerificationRows(manager, id, county, year, officer(county, 'officer'));
  }
  await manager.query(
    `UPDATE ${s}.verification_entry x SET result = ${resultSql(year)}, verified_on = make_date(${year}, 3, 1) + (${bucket(year)} % 90)::int,
            verifier = 'demo-' || substr(x.area_code, 1, 12) || '-worker' WHERE x.year = ${year}`);
  for (const county of counties) await closeVerificationRows(manager, verificationId(county, year), officer(county, 'officer'));
}

/** A regular cycle generated, submitted and approved by two officers (the maker and the checker). */
async function approvedCycle(manager: EntityManager, scheme: SupportScheme, county: string, year: number): Promise<PaymentCycle> {
  const id = cycleId(scheme, county, year, 1);
  const cycle = {
    id, code: cycleCode(scheme, county, year, 1), scheme, kind: CycleKind.REGULAR, areaCode: county, countyCode: county, year, period: 1, periods: 1,
    verificationId: verificationId(county, year), sourceCycleId: null, state: CycleState.DRAFT, lineCount: 0, totalFen: 0, preparedBy: officer(county, 'preparer'),
  };
  await manager.getRepository(PaymentCycle).insert(cycle);
  await generateLines(manager, { id, scheme, county, year, period: 1, periods: 1, verificationId: cycle.verificationId });
  await manager.query(`UPDATE "${schemaName(manager.connection)}".payment_cycle SET state = 'SUBMITTED', submitted_by = prepared_by, submitted_at = now() WHERE id = $1`, [id]);
  await approveRows(manager, id, officer(county, 'approver'));
  return manager.getRepository(PaymentCycle).findOneByOrFail({ id });
}

/** Exported, returned by the bank (about 3 lines in 1,000 failed, with the bank's reason) and reconciled. */
async function reconciledCycle(manager: EntityManager, cycle: PaymentCycle): Promise<void> {
  const s = `"${schemaName(manager.connection)}"`;
  const by = officer(cycle.countyCode, 'preparer');
  await manager.query(`UPDATE ${s}.payment_cycle SET state = 'EXPORTED', exported_by = $2, exported_at = now() WHERE id = $1`, [cycle.id, by]);
  const b = `(('x' || substr(md5(x.id::text), 1, 8))::bit(32)::bigint % 1000)`;
  await manager.query(
    `INSERT INTO ${s}.bank_return (line_id, cycle_id, area_code, county_code, paid, reason, returned_on)
     SELECT x.id, x.cycle_id, x.area_code, x.county_code, ${b} >= 3, CASE WHEN ${b} < 2 THEN '账户已销户' WHEN ${b} < 3 THEN '户名与账号不符' END, make_date(x.year, 7, 20)
       FROM ${s}.payment_line x WHERE x.cycle_id = $1`, [cycle.id]);
  await manager.query(
    `INSERT INTO ${s}.ledger_entry (id, cycle_id, line_id, person_id, household_id, area_code, county_code, scheme, year, kind, amount_fen, reason, recorded_by)
     SELECT md5('ledger:FAILURE:' || l.id::text)::uuid, l.cycle_id, l.id, l.person_id, l.household_id, l.area_code, l.county_code, l.scheme, l.year, 'FAILURE', -l.amount_fen, b.reason, $2
       FROM ${s}.payment_line l JOIN ${s}.bank_return b ON b.line_id = l.id AND NOT b.paid WHERE l.cycle_id = $1`, [cycle.id, by]);
  await reconcileRows(manager, cycle, by);
}

/**
 * The support demo on the registry, in one transaction: the projection, a subsidy card for every
 * person, the standards, the 2023 and 2024 verifications with their removals, the 2023 cycles of
 * both schemes reconciled (failed lines in DRAFT re-payment cycles), the 2024 ones approved, and
 * the projects. The bulk is generated in SQL (set-based), then ANALYZE.
 */
export async function loadSupportDemo(dataSource: DataSource, registry: RegistrySnapshot): Promise<void> {
  const s = `"${schemaName(dataSource)}"`;
  const counties = [...new Set(registry.households.map((h) => h.county_code))].sort();
  const { projects, funds } = projectRows(registry);
  await dataSource.transaction((manager) => withChangeHistoryPaused(manager, async () => {
    await projectRegistrySnapshot(manager, registry);
    await manager.query(
      `INSERT INTO ${s}.subsidy_card (person_id, area_code, county_code, card_no, bank, opened_on)
       SELECT x.person_id, x.area_code, x.county_code,
              '621799' || lpad(((('x' || substr(md5(x.person_id::text), 1, 12))::bit(48)::bigint) % 10000000000000)::text, 13, '0'),
              CASE WHEN substr(x.county_code, 5, 2) IN ('22', '26') THEN '云南省农村信用社' ELSE '中国农业银行' END, DATE '2012-03-01'
         FROM ${s}.registry_person x`);
    await bulkInsertColumns(manager, 'payment_standard', standardRows(counties));
    await bulkInsertColumns(manager, 'support_project', projects);
    await bulkInsertColumns(manager, 'project_fund', funds);
    const [first, second] = DEMO_YEARS;
    await verificationYear(manager, counties, first);
    for (const county of counties) {
      for (const scheme of Object.values(SupportScheme)) await reconciledCycle(manager, await approvedCycle(manager, scheme, county, first));
    }
    await verificationYear(manager, counties, second);
    for (const county of counties) for (const scheme of Object.values(SupportScheme)) await approvedCycle(manager, scheme, county, second);
  }));
  for (const table of ['registry_person', 'registry_household', 'subsidy_card', 'entitlement_change', 'verification_entry', 'payment_line', 'ledger_entry', 'bank_return']) {
    await dataSource.query(`ANALYZE ${s}."${table}"`);
  }
}
