import type { EntityManager } from 'typeorm';
import { Problems } from '../../../platform/graphql/errors';
import { requireHousehold, type HouseholdFact } from '../../../platform/events/registry-lookup';
import type { LandHousingContext } from '../land-housing.context';
import { checkCode } from './land-housing.validation';
import { checkId } from '../../../platform/graphql/validation';

/**
 * The household a land or housing record is for comes from this subgraph's projection of the
 * registry (`household_ref`, fed by the registry's events): its area and county scope the
 * record. A sheet may still show the household's resident group for the clerk: it must match.
 */
export interface HouseholdInput {
  householdId?: string | null;
  /** Sheets only: the household's resident group as the file shows it. */
  householdAreaCode?: string | null;
}

/** Shape checks of the household fields (before any SQL); returns the normalised area code, if given. */
export function checkHouseholdInput(problems: Problems, path: string, input: HouseholdInput): string | undefined {
  checkId(problems, `${path}.householdId`, input.householdId, false);
  if (input.householdAreaCode === undefined || input.householdAreaCode === null) return undefined;
  return checkCode(problems, `${path}.householdAreaCode`, input.householdAreaCode, 15, '该户现居住地');
}

/** What is wrong with the area a file gives for a household (the registry's is `registryArea`); undefined if nothing. */
export function householdAreaProblem(registryArea: string, givenArea: string | undefined | null): [zh: string, en: string] | undefined {
  if (givenArea && givenArea !== registryArea) return [`与移民登记的该户现居住地（${registryArea}）不符`, `does not match the household’s area in the registry, ${registryArea}`];
  return undefined;
}

/**
 * The household a record is for, as the registry has it: NOT_FOUND when the registry does not
 * know it, FORBIDDEN outside the caller's jurisdiction, BAD_USER_INPUT when cancelled.
 */
export function householdForRecord(manager: EntityManager, ctx: LandHousingContext, householdId: string, path: string): Promise<HouseholdFact> {
  return requireHousehold(manager, ctx.scope, householdId, `${path}.householdId`);
}
