import type { RegistrySnapshot } from '../../../platform/demo/registry-snapshot';
import { cycleCode, cycleId } from '../services/payment-cycle.service';
import { verificationId } from '../services/verification.service';
import { CycleKind, CycleState, EntitlementStatus, REMOVALS, SUSPENSIONS, SupportScheme, VerificationResult } from '../support.enums';
import { bucket, md5, md5Uuid } from './hashes';
import { addFollowing, type FollowingRows } from './ledger';

/**
 * The demo's years, computed in Node from the registry snapshot as the services would have
 * written them (`verification.service.ts`, `payment-cycle.service.ts`, the `entitlement` view),
 * with the same ids: each county's verification opened, every result recorded and the year
 * closed (results → entitlement changes), then the year's regular cycles generated, submitted and
 * approved; the first year's also exported and reconciled, with what follows from the lines
 * (`ledger.ts`: the ledger, the bank's return, the re-payment cycles). Only rows come out: the
 * loader inserts them in bulk.
 */

type Row = Record<string, unknown>;

export const officer = (county: string, who: string) => `demo-${county}-${who}`;

/** `rows` in the order of their areas (a copy; rows of one area keep their order). */
export function byArea<T>(rows: readonly T[], area: (row: T) => string): T[] {
  return rows.slice().sort((a, b) => { const x = area(a); const y = area(b); return x < y ? -1 : x > y ? 1 : 0; });
}

/** The subsidy card of a person (惠民惠农"一卡通"): a 19-digit number from the person's id. */
export function cardRow(p: { id: string; area_code: string; county_code: string }): Row {
  const digits = (parseInt(md5(p.id).slice(0, 12), 16) % 10_000_000_000_000).toString().padStart(13, '0');
  return { person_id: p.id, area_code: p.area_code, county_code: p.county_code, card_no: `621799${digits}`,
    bank: ['22', '26'].includes(p.county_code.slice(4, 6)) ? '云南省农村信用社' : '中国农业银行', opened_on: '2012-03-01' };
}

/**
 * A verification result per 10,000 persons a year (generated, plausible): 60 deceased,
 * 8 state-employed, 3 imprisoned, 25 moved out, 12 not found; the others present.
 */
function resultOf(personId: string, year: number): { result: VerificationResult; day: number } {
  const b = bucket(`${personId}:${year}`, 10_000);
  const result = b < 60 ? VerificationResult.DECEASED : b < 68 ? VerificationResult.STATE_EMPLOYED : b < 71 ? VerificationResult.IMPRISONED
    : b < 96 ? VerificationResult.MOVED_OUT : b < 108 ? VerificationResult.NOT_FOUND : VerificationResult.PRESENT;
  return { result, day: b % 90 };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

interface Entitlement {
  scheme: SupportScheme;
  start: string;
  end: string | null;
}

interface Person {
  id: string;
  householdId: string;
  areaCode: string;
  countyCode: string;
  stationId: string;
  entitlements: Entitlement[];
  /** The latest entitlement change (all demo changes are for both schemes). */
  change: EntitlementStatus | null;
  /** The person's place in the registry snapshot. */
  order: number;
}

/** A person's entitlements, as the `entitlement` view derives them (persons born after the move have none); `ends`: the 20 years' ends by start, as computed. */
function entitlementsOf(relocatedOn: string | null, birthDate: string, productionMode: string, ends: Map<string, string>): Entitlement[] {
  if (!relocatedOn || birthDate > relocatedOn) return [];
  const start = relocatedOn <= '2006-06-30' ? '2006-07-01' : relocatedOn;
  let end = ends.get(start);
  if (end === undefined) ends.set(start, end = addDays(addYears(start, 20), -1));
  const list: Entitlement[] = [{ scheme: SupportScheme.POST_RELOCATION_SUPPORT, start, end }];
  if (productionMode === 'ANNUAL_COMPENSATION') list.push({ scheme: SupportScheme.ANNUAL_COMPENSATION, start: relocatedOn, end: null });
  return list;
}

/** The view's status of one entitlement today. */
function statusOf(p: Person, e: Entitlement, today: string): EntitlementStatus {
  if (p.change === EntitlementStatus.ENDED || (e.end !== null && e.end < today)) return EntitlementStatus.ENDED;
  return p.change ?? EntitlementStatus.ACTIVE;
}

export interface SupportYearRows extends FollowingRows {
  verification: Row[];
  verification_entry: Row[];
  entitlement_change: Row[];
}

/**
 * The verifications and cycles of `years` (the first reconciled, the later ones approved), at the
 * standards given (rows of `payment_standard`), one county at a time: a county's year depends
 * only on its own persons, and the loader inserts each county's rows before the next county's are
 * made (a few hundred thousand rows are never held at once). A county's persons are taken in the
 * order of their areas (`byArea`), so each cycle's rows come out sorted by area and the area
 * indexes are built from nearly sorted rows; the entitlement changes keep the registry's order
 * (their `seq` follows it).
 */
export function* generateYears(registry: RegistrySnapshot, standards: Row[], years: readonly number[], today = new Date().toISOString().slice(0, 10)): Generator<SupportYearRows & { county: string }> {
  const households = new Map(registry.households.map((h) => [h.id, h]));
  const counties = [...new Set(registry.households.map((h) => h.county_code))].sort();
  const byCounty = new Map(counties.map((c) => [c, [] as Person[]]));
  const ends = new Map<string, string>();
  registry.persons.forEach((p, order) => {
    const h = households.get(p.household_id)!;
    const entitlements = entitlementsOf(h.relocated_on, p.birth_date, p.production_mode, ends);
    if (entitlements.length) {
      byCounty.get(p.county_code)!.push({ id: p.id, householdId: p.household_id, areaCode: p.area_code, countyCode: p.county_code, stationId: h.station_id, entitlements, change: null, order });
    }
  });
  for (const [county, persons] of byCounty) byCounty.set(county, byArea(persons, (p) => p.areaCode));
  const standard = new Map(standards.map((s) => [`${s.scheme}|${s.county_code}|${s.station_id ?? ''}|${s.year}`, Number(s.amount_fen)]));
  // the verification dates: 1 March of the year plus 0–89 days
  const dates = new Map(years.map((year) => [year, Array.from({ length: 90 }, (_, day) => addDays(`${year}-03-01`, day))]));
  const now = new Date().toISOString();
  for (const county of counties) yield { county, ...countyYears(county, byCounty.get(county)!, standard, dates, years, today, now) };
}

/** The reconciliation's time, a second after the rest (its FAILURE entries are recorded after the PAYMENT ones, as when the bank's return comes in later). */
function reconciledAt(now: string): string {
  return new Date(Date.parse(now) + 1000).toISOString();
}

/** One county's years (`generateYears`). */
function countyYears(county: string, persons: Person[], standard: Map<string, number>, dates: Map<number, string[]>, years: readonly number[], today: string, now: string): SupportYearRows {
  const out: SupportYearRows = { verification: [], verification_entry: [], entitlement_change: [], payment_cycle: [], payment_line: [], bank_return: [], ledger_entry: [] };
  years.forEach((year, index) => {
    // the verification: opened with every person whose entitlement is not ended, every result recorded, closed
    const vid = verificationId(county, year);
    const yearEnd = `${year}-12-31`;
    const present = new Set<string>();
    const changes: [Person, EntitlementStatus, Row][] = [];
    out.verification.push({ id: vid, area_code: county, county_code: county, year, status: 'CLOSED', opened_by: officer(county, 'officer'),
      opened_at: now, closed_by: officer(county, 'officer'), closed_at: now });
    for (const p of persons) {
      if (!p.entitlements.some((e) => statusOf(p, e, today) !== EntitlementStatus.ENDED && e.start <= yearEnd)) continue;
      const id = md5Uuid(`verification-entry:${vid}:${p.id}`);
      const { result, day } = resultOf(p.id, year);
      const verifiedOn = dates.get(year)![day];
      out.verification_entry.push({ id, verification_id: vid, year, person_id: p.id, household_id: p.householdId, area_code: p.areaCode, county_code: p.countyCode,
        result, verified_on: verifiedOn, verifier: `demo-${p.areaCode.slice(0, 12)}-worker`, note: null });
      const suspended = p.entitlements.some((e) => statusOf(p, e, today) === EntitlementStatus.SUSPENDED);
      if (result === VerificationResult.PRESENT) present.add(p.id);
      if (result === VerificationResult.PRESENT && !suspended) continue;
      const status = REMOVALS.includes(result) ? EntitlementStatus.ENDED : SUSPENSIONS.includes(result) ? EntitlementStatus.SUSPENDED : EntitlementStatus.ACTIVE;
      changes.push([p, status, { id: md5Uuid(`verification-change:${id}`), person_id: p.id, scheme: null, status,
        reason: result === VerificationResult.PRESENT ? 'VERIFIED_PRESENT' : result, effective_on: verifiedOn, source: 'VERIFICATION',
        verification_id: vid, area_code: p.areaCode, county_code: p.countyCode }]);
    }
    changes.sort(([a], [b]) => a.order - b.order);
    for (const [p, status, row] of changes) {
      p.change = status;
      out.entitlement_change.push(row);
    }

    // the regular cycles (one instalment a year): a line per person found present with the scheme's entitlement active over the year
    const reconciled = index === 0;
    for (const scheme of Object.values(SupportScheme)) {
      const id = cycleId(scheme, county, year, 1);
      const code = cycleCode(scheme, county, year, 1);
      const amounts = new Map<string, number | undefined>();
      const amountOf = (station: string) => {
        if (!amounts.has(station)) amounts.set(station, standard.get(`${scheme}|${county}|${station}|${year}`) ?? standard.get(`${scheme}|${county}||${year}`));
        return amounts.get(station);
      };
      let count = 0;
      let total = 0;
      const first = out.payment_line.length;
      for (const p of persons) {
        if (!present.has(p.id)) continue;
        const e = p.entitlements.find((x) => x.scheme === scheme);
        if (!e || statusOf(p, e, today) !== EntitlementStatus.ACTIVE || e.start > yearEnd || (e.end !== null && e.end < `${year}-01-01`)) continue;
        const amount = amountOf(p.stationId);
        if (amount === undefined) throw new Error(`no ${scheme} standard of ${county} for ${year}`);
        out.payment_line.push({ id: md5Uuid(`payment-line:${id}:${p.id}`), cycle_id: id, scheme, year, person_id: p.id, household_id: p.householdId,
          area_code: p.areaCode, county_code: p.countyCode, amount_fen: amount, source_line_id: null });
        count++;
        total += amount;
      }
      const preparer = officer(county, 'preparer');
      const cycle: Row = {
        id, code, scheme, kind: CycleKind.REGULAR, area_code: county, county_code: county, year, period: 1, periods: 1, verification_id: vid,
        source_cycle_id: null, state: reconciled ? CycleState.RECONCILED : CycleState.APPROVED, line_count: count, total_fen: total,
        prepared_by: preparer, submitted_by: preparer, submitted_at: now, approved_by: officer(county, 'approver'), approved_at: now,
        exported_by: reconciled ? preparer : null, exported_at: reconciled ? now : null, reconciled_by: reconciled ? preparer : null, reconciled_at: reconciled ? reconciledAt(now) : null,
      };
      out.payment_cycle.push(cycle);
      addFollowing(out, cycle, out.payment_line.slice(first));
    }
  });
  return out;
}
