import { cents } from '../../../platform/db/decimal';
import type { Problems } from '../../../platform/graphql/errors';
import { FlatCategory, SiteConstructionMode } from '../land-housing.enums';
import { checkAmount, checkRequiredDate } from './land-housing.validation';
import { checkHouseholdInput, type HouseholdInput } from './household-ref.service';
import { checkId } from '../../../platform/graphql/validation';

/**
 * Checks of an allocation, shared by allocateFlat, handOverFlat and the allocations sheet (fields
 * under `path`), so a file and the mutations refuse the same things with the same messages.
 */

export interface AllocationFields extends HouseholdInput {
  flatId: string;
  swappedArea?: number | null;
  allocatedOn: string;
}

/** An allocation's own checks (no database): returns the household's area, if given. */
export function checkAllocation(problems: Problems, path: string, input: AllocationFields): string | undefined {
  checkId(problems, `${path}.flatId`, input.flatId);
  const householdArea = checkHouseholdInput(problems, path, input);
  checkAmount(problems, `${path}.swappedArea`, input.swappedArea, '置换面积', '平方米', 0.01, 2_000);
  checkRequiredDate(problems, `${path}.allocatedOn`, input.allocatedOn, '分配日期');
  return householdArea;
}

/** The handover date against the allocation date. */
export function checkHandoverDate(problems: Problems, field: string, handedOverOn: string, allocatedOn: string): void {
  if (handedOverOn < allocatedOn) problems.add(field, `交房日期不能早于分配日期（${allocatedOn}）`, `handedOverOn cannot precede allocatedOn (${allocatedOn})`);
}

/**
 * The site's rules for an area swap (房屋面积置换): only unified sites swap; basic housing is
 * allocated against a swap, guaranteed housing without one (standard flats either way); the swap
 * cannot exceed the household's surveyed floor area not yet swapped (`leftHundredths`); and the
 * flat may exceed the swap by at most the site's `maxExtraArea`.
 */
export function checkSwap(
  problems: Problems,
  field: string,
  site: { constructionMode: SiteConstructionMode; maxExtraArea: number | null },
  flat: { category: FlatCategory; floorArea: number },
  swapped: number | null,
  leftHundredths: number,
): void {
  const unified = site.constructionMode === SiteConstructionMode.UNIFIED;
  let refused: [zh: string, en: string] | undefined;
  if (swapped !== null && !unified) refused = ['该安置点非统建，不进行房屋面积置换', 'This site is not a unified (floor-area swap) site: omit swappedArea'];
  else if (swapped !== null && flat.category === FlatCategory.GUARANTEED) refused = ['保障住房不进行面积置换', 'Guaranteed housing is allocated without a swap: omit swappedArea'];
  else if (swapped === null && flat.category === FlatCategory.BASIC) refused = ['基本住房须以原房屋面积置换，请填写置换面积', 'Basic housing is allocated against a swap: give swappedArea'];
  if (refused) problems.add(field, ...refused);
  if (swapped === null || refused) return;
  const left = leftHundredths;
  if (cents(swapped) > left) {
    problems.add(field, `置换面积超过该户尚未置换的实调面积（${left / 100} 平方米）`, `swappedArea exceeds the household’s unswapped surveyed floor area (${left / 100} m²)`);
  }
  const extra = cents(flat.floorArea) - cents(swapped);
  if (extra > cents(site.maxExtraArea ?? 0)) {
    problems.add(field, `安置房面积超出置换面积 ${extra / 100} 平方米，超过该安置点允许的 ${site.maxExtraArea ?? 0} 平方米`, `The flat exceeds the swap by ${extra / 100} m², more than the site’s ${site.maxExtraArea ?? 0} m²`);
  }
}

/** The household belongs to the county of the flat's site. */
export function checkSameCounty(problems: Problems, field: string, householdCounty: string, siteCounty: string): void {
  if (siteCounty !== householdCounty) {
    problems.add(field, `该户属 ${householdCounty}，不能分配 ${siteCounty} 的安置房`, `The household belongs to county ${householdCounty}, the flat to ${siteCounty}`);
  }
}
