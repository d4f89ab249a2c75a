import type { Problems } from '../../../platform/graphql/errors';
import { isStationId, stationProblem } from '../../../platform/domain/stations';
import { checkDate, isAreaCodeShape, normalizeAreaCode } from '../../../platform/graphql/validation';

/** A household's own fields, as registration and the registry import receive them. */
export interface HouseholdFields {
  registryNo: string;
  stationId: string;
  originalAreaCode: string;
  areaCode: string;
  registeredOn: string;
  relocatedOn?: string | null;
}

/**
 * Checks a household's own fields (problems under `path`, e.g. `input.areaCode`); returns the
 * registry number in capitals and the area codes with old codes mapped to today's (530630 → 530681).
 */
export function checkHousehold(problems: Problems, path: string, input: HouseholdFields): { registryNo: string; areaCode: string; originalAreaCode: string } {
  const registryNo = input.registryNo.trim().toUpperCase();
  if (!/^[0-9A-Z-]{4,32}$/.test(registryNo)) {
    problems.add(`${path}.registryNo`, '登记编号须为 4–32 位数字、大写字母或“-”', 'registryNo has 4–32 digits, capital letters or hyphens');
  }
  if (!isStationId(input.stationId)) {
    const { zh, en } = stationProblem(`${path}.stationId`);
    problems.add(`${path}.stationId`, zh, en);
  }
  const areaCode = normalizeAreaCode(input.areaCode);
  const originalAreaCode = normalizeAreaCode(input.originalAreaCode);
  if (!/^\d{15}$/.test(areaCode)) problems.add(`${path}.areaCode`, '现居住地须为 15 位居民小组代码', 'areaCode must be a 15-digit resident-group code');
  if (!isAreaCodeShape(originalAreaCode)) problems.add(`${path}.originalAreaCode`, '原居住地区划代码须为 6、9、12 或 15 位数字', 'originalAreaCode has 6, 9, 12 or 15 digits');
  checkDate(problems, `${path}.registeredOn`, input.registeredOn, '登记日期');
  checkDate(problems, `${path}.relocatedOn`, input.relocatedOn, '搬迁完成日期');
  if (input.relocatedOn && input.registeredOn && input.relocatedOn < input.registeredOn) {
    problems.add(`${path}.relocatedOn`, '搬迁完成日期不能早于登记日期', 'relocatedOn cannot be before registeredOn');
  }
  return { registryNo, areaCode, originalAreaCode };
}
