import type { EntityManager } from 'typeorm';
import { forbidden, Problems } from '../../../platform/graphql/errors';
import { existsElsewhere } from '../../../platform/graphql/loaders';
import { HouseholdRef } from '../entities/household-ref.entity';
import type { LandHousingContext } from '../land-housing.context';
import { checkCode } from './land-housing.validation';
import { checkId } from '../../../platform/graphql/validation';
import { countyOf } from '../../../platform/domain/area-code';

/** The household fields of an input: its id and, for a household new to this subgraph, its resident group. */
export interface HouseholdInput {
  householdId?: string | null;
  householdAreaCode?: string | null;
}

/** Shape checks of the household fields (before any SQL); returns the normalised area code, if given. */
export function checkHouseholdInput(problems: Problems, path: string, input: HouseholdInput): string | undefined {
  checkId(problems, `${path}.householdId`, input.householdId, false);
  if (input.householdAreaCode === undefined || input.householdAreaCode === null) return undefined;
  return checkCode(problems, `${path}.householdAreaCode`, input.householdAreaCode, 15, '该户现居住地');
}

/** What is wrong with the area given for a household (its recorded area, or none for a household new here); undefined if nothing. */
export function householdAreaProblem(recordedArea: string | undefined, givenArea: string | undefined | null): [zh: string, en: string] | undefined {
  if (recordedArea && givenArea && givenArea !== recordedArea) return [`与该户已登记的现居住地（${recordedArea}）不符`, `does not match the household’s recorded area ${recordedArea}`];
  if (!recordedArea && !givenArea) return ['该户尚无土地房屋记录，请填写其现居住地居民小组代码', 'The household is new to land & housing: give its resident-group code'];
  return undefined;
}

/**
 * The household a record is for, locked for the rest of the transaction: the area this subgraph
 * has on record, or, for a household it has not heard of, the area the input gives (to be
 * inserted with the record). FORBIDDEN when that area lies outside the caller's jurisdiction.
 */
export async function householdForRecord(
  manager: EntityManager,
  ctx: LandHousingContext,
  householdId: string,
  givenArea: string | undefined,
  path: string,
): Promise<{ ref: HouseholdRef; isNew: boolean }> {
  const known = await manager.getRepository(HouseholdRef).createQueryBuilder('r')
    .setQueryRunner(manager.queryRunner!)
    .where('r.id = :id', { id: householdId })
    .setLock('pessimistic_write')
    .getOne();
  // the jurisdiction first: a household outside it gets FORBIDDEN and nothing about its record
  if (known && !ctx.scope.covers(known.areaCode)) throw forbidden();
  if (!known && (await existsElsewhere(manager, HouseholdRef, 'id', householdId))) throw forbidden();
  const problems = new Problems();
  const areaProblem = householdAreaProblem(known?.areaCode, givenArea);
  if (areaProblem) problems.add(`${path}.householdAreaCode`, ...areaProblem);
  problems.throwIfAny();
  const ref = known ?? Object.assign(new HouseholdRef(), { id: householdId, areaCode: givenArea!, countyCode: countyOf(givenArea!) });
  if (!ctx.scope.covers(ref.areaCode)) throw forbidden();
  return { ref, isNew: !known };
}
