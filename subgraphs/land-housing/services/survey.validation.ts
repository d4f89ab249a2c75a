import type { Problems } from '../../../platform/graphql/errors';
import { isStationId, stationProblem } from '../../../platform/domain/stations';
import { LandUse } from '../land-housing.enums';
import { checkAmount, checkCode, checkRequiredDate } from './land-housing.validation';
import { checkHouseholdInput, type HouseholdInput } from './household-ref.service';
import { countyOf } from '../../../platform/domain/area-code';

/**
 * Checks of a surveyed parcel or house, shared by the survey mutations and the land-parcels and
 * original-houses sheets (fields under `path`: `input.areaMu`, `row.areaMu` …), so both refuse
 * the same things with the same messages.
 */

/** The largest single parcel or house a survey may record (collective forest runs to hundreds of mu). */
export const MAX_PARCEL_MU = 10_000;
export const MAX_HOUSE_M2 = 5_000;

/** A survey number (地块编号, 房屋编号): 1–32 characters without spaces; null when not given. */
export function checkSurveyNumber(problems: Problems, field: string, value: string | null | undefined, label: string): string | null {
  if (value === undefined || value === null) return null;
  const number = value.trim();
  if (!/^\S{1,32}$/.test(number)) problems.add(field, `${label}须为 1–32 个字符，不含空格`, `${field} has 1–32 characters without spaces`);
  return number;
}

export function villageInCounty(problems: Problems, field: string, village: string, countyCode: string): void {
  if (countyOf(village) !== countyCode) {
    problems.add(field, `所在村须与该户属同一县（${countyCode}）`, `${field} must lie in the household’s county ${countyCode}`);
  }
}

export interface ParcelFields extends HouseholdInput {
  stationId: string;
  villageCode: string;
  parcelNo?: string | null;
  landUse: LandUse;
  areaMu: number;
  surveyedOn: string;
}

/** A parcel's own checks (no database): returns the normalised village, number and household area. */
export function checkParcel(problems: Problems, path: string, input: ParcelFields) {
  if (!isStationId(input.stationId)) {
    const { field, zh, en } = stationProblem(`${path}.stationId`);
    problems.add(field, zh, en);
  }
  const village = checkCode(problems, `${path}.villageCode`, input.villageCode, 12, '地块所在村');
  const parcelNo = checkSurveyNumber(problems, `${path}.parcelNo`, input.parcelNo, '地块编号');
  checkAmount(problems, `${path}.areaMu`, input.areaMu, '面积', '亩', 0.01, MAX_PARCEL_MU);
  checkRequiredDate(problems, `${path}.surveyedOn`, input.surveyedOn, '调查日期');
  const householdArea = checkHouseholdInput(problems, path, input);
  if (!input.householdId && input.householdAreaCode) {
    problems.add(`${path}.householdAreaCode`, '集体土地无需填写农户现居住地', 'householdAreaCode applies only with householdId');
  }
  if (!input.householdId && input.landUse === LandUse.HOMESTEAD) {
    problems.add(`${path}.landUse`, '宅基地须登记到农户', 'Homestead land belongs to a household: give householdId');
  }
  return { village, parcelNo, householdArea };
}

export interface HouseFields extends HouseholdInput {
  villageCode: string;
  houseNo?: string | null;
  floorArea: number;
  surveyedOn: string;
}

/** A house's own checks (no database): returns the normalised village, number and household area. */
export function checkHouse(problems: Problems, path: string, input: HouseFields) {
  const village = checkCode(problems, `${path}.villageCode`, input.villageCode, 12, '房屋所在村');
  const houseNo = checkSurveyNumber(problems, `${path}.houseNo`, input.houseNo, '房屋编号');
  checkAmount(problems, `${path}.floorArea`, input.floorArea, '实调面积', '平方米', 0.01, MAX_HOUSE_M2);
  checkRequiredDate(problems, `${path}.surveyedOn`, input.surveyedOn, '调查日期');
  const householdArea = checkHouseholdInput(problems, path, input);
  return { village, houseNo, householdArea };
}

/** The number a record gets when the survey gave none: made from its id, so it cannot clash. */
export const numberFromId = (id: string): string => id.slice(0, 8).toUpperCase();
