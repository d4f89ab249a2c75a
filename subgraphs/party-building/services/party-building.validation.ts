import type { EntityManager } from 'typeorm';
import { loadForChange } from '../../../platform/db/load-for-change';
import { badInput, type Problems } from '../../../platform/graphql/errors';
import { isIsoDate } from '../../../platform/graphql/validation';
import { HouseholdUnit } from '../entities/household-unit.entity';
import type { PartyBuildingContext } from '../party-building.context';
import { NOT_IN_UNIT } from './engagement.rules';

/** The grid unit a household is in, inside the jurisdiction: a bad input on `field` when it is in none yet. */
export function unitOfHousehold(manager: EntityManager, ctx: PartyBuildingContext, householdId: string, field: string): Promise<HouseholdUnit> {
  const [zh, en] = NOT_IN_UNIT;
  return loadForChange(manager, ctx, HouseholdUnit, { column: 'household_id', id: householdId, field, lock: false, missing: () => badInput([{ field, zh, en }]) });
}

export function checkAnyDate(problems: Problems, field: string, value: string | null | undefined, label: string): void {
  if (value && !isIsoDate(value)) problems.add(field, `${label}须为有效日期（YYYY-MM-DD）`, `${field} must be a valid date (YYYY-MM-DD)`);
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
