import type { EntityManager } from 'typeorm';
import { stableUuid } from '../../../platform/demo/random';
import { schemaName } from '../../../platform/db/data-source';
import { inTransaction } from '../../../platform/db/transaction';
import { conflict, forbidden, notFound, Problems } from '../../../platform/graphql/errors';
import { existsElsewhere } from '../../../platform/graphql/loaders';
import { checkDate, checkText, isUuid } from '../../../platform/graphql/validation';
import { RegistryPerson } from '../entities/registry.entity';
import { Verification, VerificationEntry } from '../entities/verification.entity';
import type { OpenVerificationInput, RecordVerificationInput } from '../inputs/records.input';
import type { SupportContext } from '../support.context';
import { REMOVALS, SUSPENSIONS, VerificationStatus, type VerificationResult } from '../support.enums';
import { checkCounty, checkYear, requireCounty, requireWholeCounty } from './support.validation';

/**
 * The yearly verification (人口核定): the county office opens the list (every person with an
 * entitlement not ended), community workers record each person's result, the county office
 * closes the year, and the results become entitlement changes.
 */

const s = (manager: EntityManager) => `"${schemaName(manager.connection)}"`;

export const verificationId = (countyCode: string, year: number) => stableUuid('support-verification', countyCode, String(year));

/** Opens `countyCode`'s verification for `year` with every entitled person on it; CONFLICT when it is open or closed already. */
export async function openVerification(ctx: SupportContext, input: OpenVerificationInput): Promise<Verification> {
  const problems = new Problems();
  const county = checkCounty(problems, 'input.countyCode', input.countyCode);
  checkYear(problems, 'input.year', input.year);
  problems.throwIfAny();
  requireWholeCounty(ctx, county);
  return inTransaction(ctx, async (manager) => {
    const id = verificationId(county, input.year);
    if (await manager.getRepository(Verification).existsBy({ id })) {
      throw conflict('input.year', `${county} 的 ${input.year} 年度人口核定已发起`, `The ${input.year} verification of ${county} has been opened already`);
    }
    await openVerificationRows(manager, id, county, input.year, ctx.identity.subject);
    return manager.getRepository(Verification).findOneByOrFail({ id });
  }, () => conflict('input.year', `${county} 的 ${input.year} 年度人口核定已发起`, `The ${input.year} verification of ${county} has been opened already`));
}

/** The verification and its list (one entry per person with an entitlement not ended), set-based. */
async function openVerificationRows(manager: EntityManager, id: string, county: string, year: number, by: string): Promise<void> {
  await manager.query(`INSERT INTO ${s(manager)}.verification (id, area_code, county_code, year, status, opened_by) VALUES ($1, $2, $2, $3, 'OPEN', $4)`, [id, county, year, by]);
  await manager.query(
    `INSERT INTO ${s(manager)}.verification_entry (id, verification_id, year, person_id, household_id, area_code, county_code)
     SELECT md5('verification-entry:' || $1::uuid::text || ':' || e.person_id::text)::uuid, $1::uuid, $3::int, e.person_id, e.household_id, e.area_code, e.county_code
       FROM (SELECT DISTINCT ON (person_id) person_id, household_id, area_code, county_code FROM ${s(manager)}.entitlement
              WHERE county_code = $2::text AND status <> 'ENDED' AND start_on <= make_date($3::int, 12, 31) ORDER BY person_id) e`,
    [id, county, year],
  );
}

/** One result, as a mutation or a sheet row gives it. */
export interface ResultInput {
  personId: string;
  year: number;
  result: VerificationResult;
  verifiedOn: string;
  note?: string | null;
}

export function checkResult(problems: Problems, field: string, input: ResultInput): void {
  if (!isUuid(input.personId ?? '')) problems.add(`${field}.personId`, '人员标识格式无效', 'personId is not a valid id');
  checkYear(problems, `${field}.year`, input.year);
  if (!input.verifiedOn) problems.add(`${field}.verifiedOn`, '核定日期不能为空', 'verifiedOn is required');
  checkDate(problems, `${field}.verifiedOn`, input.verifiedOn, '核定日期');
  if (input.verifiedOn && Number(input.verifiedOn.slice(0, 4)) !== input.year) problems.add(`${field}.verifiedOn`, '核定日期须在核定年度内', 'verifiedOn must lie in the year verified');
  checkText(problems, `${field}.note`, input.note, '备注', 200, false);
}

/** Records a person's result on the open list of their county and year (a community worker inside their area). */
export async function recordVerificationResult(ctx: SupportContext, input: RecordVerificationInput): Promise<VerificationEntry> {
  const problems = new Problems();
  checkResult(problems, 'input', input);
  problems.throwIfAny();
  const personId = input.personId.toLowerCase();
  return inTransaction(ctx, async (manager) => {
    const entry = await manager.getRepository(VerificationEntry).findOneBy({ personId, year: input.year });
    if (!entry) {
      // a person of another county is hidden (and row-level security hides them too): FORBIDDEN, not NOT_FOUND
      const visible = await manager.getRepository(RegistryPerson).existsBy({ personId });
      if (!visible && (await existsElsewhere(manager, RegistryPerson, 'person_id', personId))) throw forbidden();
      throw notFound(`该人员 ${input.year} 年度的核定名单记录`, `The person’s entry on the ${input.year} verification list`, 'input.personId');
    }
    requireCounty(ctx, entry.areaCode);
    const verification = await manager.getRepository(Verification).findOneByOrFail({ id: entry.verificationId });
    if (verification.status !== VerificationStatus.OPEN) {
      throw conflict('input.year', `${verification.countyCode} 的 ${input.year} 年度人口核定已完成，不能再登记`, `The ${input.year} verification of ${verification.countyCode} is closed: no more results`);
    }
    await manager.getRepository(VerificationEntry).update({ id: entry.id }, {
      result: input.result, verifiedOn: input.verifiedOn, verifier: ctx.identity.subject, note: input.note?.trim() || null,
    });
    return manager.getRepository(VerificationEntry).findOneByOrFail({ id: entry.id });
  });
}

/**
 * Closes the year (the county office): every person on the list must have a result. Removals
 * end the entitlements (both schemes) from the verification date; moved-out and not-found
 * persons are suspended; a suspended person found present is active again.
 */
export async function closeVerification(ctx: SupportContext, id: string): Promise<Verification> {
  return inTransaction(ctx, async (manager) => {
    const verification = await manager.getRepository(Verification).findOneBy({ id });
    if (!verification) {
      if (await existsElsewhere(manager, Verification, 'id', id)) throw forbidden();
      throw notFound('人口核定', 'Verification', 'id');
    }
    requireWholeCounty(ctx, verification.countyCode);
    if (verification.status !== VerificationStatus.OPEN) throw conflict('id', '该年度人口核定已完成', 'The verification is closed already');
    const [{ pending }] = await manager.query(`SELECT count(*)::int AS pending FROM ${s(manager)}.verification_entry WHERE verification_id = $1 AND result IS NULL`, [id]);
    if (pending > 0) throw conflict('id', `还有 ${pending} 人未登记核定结果，不能完成核定`, `${pending} persons have no result yet: the verification cannot be closed`);
    await closeVerificationRows(manager, id, ctx.identity.subject);
    return manager.getRepository(Verification).findOneByOrFail({ id });
  });
}

/** The results as entitlement changes (ids from the entries: once each), and the verification closed. */
async function closeVerificationRows(manager: EntityManager, id: string, by: string): Promise<void> {
  const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
  await manager.query(
    `INSERT INTO ${s(manager)}.entitlement_change (id, person_id, scheme, status, reason, effective_on, source, verification_id, area_code, county_code)
     SELECT md5('verification-change:' || x.id::text)::uuid, x.person_id, NULL,
            CASE WHEN x.result IN (${list(REMOVALS)}) THEN 'ENDED' WHEN x.result IN (${list(SUSPENSIONS)}) THEN 'SUSPENDED' ELSE 'ACTIVE' END,
            CASE WHEN x.result = 'PRESENT' THEN 'VERIFIED_PRESENT' ELSE x.result END,
            x.verified_on, 'VERIFICATION', x.verification_id, x.area_code, x.county_code
       FROM ${s(manager)}.verification_entry x
      WHERE x.verification_id = $1
        AND (x.result <> 'PRESENT' OR EXISTS (SELECT 1 FROM ${s(manager)}.entitlement e WHERE e.person_id = x.person_id AND e.status = 'SUSPENDED'))
     ON CONFLICT (id) DO NOTHING`, [id]);
  await manager.query(`UPDATE ${s(manager)}.verification SET status = 'CLOSED', closed_by = $2, closed_at = now() WHERE id = $1`, [id, by]);
}
