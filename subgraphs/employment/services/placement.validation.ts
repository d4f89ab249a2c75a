import type { Problems } from '../../../platform/graphql/errors';
import { checkDate, checkId, checkInt, checkText } from '../../../platform/graphql/validation';
import { EmployerKind, PlacementType, PROVINCES, type SelfEmploymentKind } from '../employment.enums';

/** Which employer kinds each placement type takes (labour export and self-employment need none). */
export const EMPLOYER_KINDS: Partial<Record<PlacementType, EmployerKind[]>> = {
  [PlacementType.ASSISTANCE_WORKSHOP]: [EmployerKind.ASSISTANCE_WORKSHOP],
  [PlacementType.LOCAL_ENTERPRISE]: [EmployerKind.ENTERPRISE, EmployerKind.COOPERATIVE],
  [PlacementType.PUBLIC_WELFARE_POST]: [EmployerKind.PUBLIC_BODY],
};

/** A placement as the mutation and the placements sheet take it (the employer by id or by name: `employerGiven`). */
export interface PlacementFields {
  personId: string;
  type: PlacementType;
  destinationProvince?: string | null;
  selfEmploymentKind?: SelfEmploymentKind | null;
  startDate: string;
  monthlyWage?: number | null;
}

/**
 * Checks a placement's fields on their own (`path.personId` …): what its type needs (an employer,
 * a province, a kind of self-employment) and only that, the start date, the wage. Returns the
 * person id and the province, normalised.
 */
export function checkPlacementFields(problems: Problems, path: string, input: PlacementFields, employer: { field: string; given: boolean }): { personId: string; province: string | null } {
  const personId = checkId(problems, `${path}.personId`, input.personId);
  if (EMPLOYER_KINDS[input.type] && !employer.given) problems.add(`${path}.${employer.field}`, '此就业方式须填写用工主体', `${employer.field} is required for ${input.type}`);
  if (employer.given && input.type === PlacementType.SELF_EMPLOYED) problems.add(`${path}.${employer.field}`, '自主创业不填写用工主体', `SELF_EMPLOYED takes no ${employer.field}`);
  const province = input.destinationProvince?.trim() || null;
  if (input.type === PlacementType.LABOUR_EXPORT) {
    if (!province) problems.add(`${path}.destinationProvince`, '劳务输出须填写目的地省份', 'destinationProvince is required for LABOUR_EXPORT');
    else if (!(PROVINCES as readonly string[]).includes(province)) problems.add(`${path}.destinationProvince`, '目的地省份不存在（如：浙江、广东）', 'destinationProvince is not a province (e.g. 浙江, 广东)');
  } else if (province) problems.add(`${path}.destinationProvince`, '仅劳务输出填写目的地省份', 'destinationProvince is only for LABOUR_EXPORT');
  if (input.type === PlacementType.SELF_EMPLOYED && !input.selfEmploymentKind) {
    problems.add(`${path}.selfEmploymentKind`, '自主创业须填写创业类型', 'selfEmploymentKind is required for SELF_EMPLOYED');
  }
  if (input.type !== PlacementType.SELF_EMPLOYED && input.selfEmploymentKind) {
    problems.add(`${path}.selfEmploymentKind`, '仅自主创业填写创业类型', 'selfEmploymentKind is only for SELF_EMPLOYED');
  }
  checkDate(problems, `${path}.startDate`, input.startDate, '开始日期');
  checkInt(problems, `${path}.monthlyWage`, input.monthlyWage, 0, 100_000, '月工资');
  return { personId, province };
}

/** The end of a placement: a real date, not before the start; the reason at most 200 characters. */
export function checkPlacementEnd(problems: Problems, path: string, end: { endDate: string; reason?: string | null }, startDate?: string): void {
  checkDate(problems, `${path}.endDate`, end.endDate, '结束日期');
  checkText(problems, `${path}.reason`, end.reason, '离岗原因', 200, false);
  if (startDate && end.endDate < startDate) problems.add(`${path}.endDate`, `结束日期不能早于开始日期（${startDate}）`, `endDate cannot be before startDate (${startDate})`);
}

/** The employer named for a placement must be of a kind its type takes. */
export function checkEmployerKind(problems: Problems, field: string, type: PlacementType, kind: EmployerKind): void {
  const kinds = EMPLOYER_KINDS[type];
  if (kinds && !kinds.includes(kind)) problems.add(field, '用工主体类型与就业方式不符', `The employer is a ${kind}, not what ${type} takes`);
}

/** Two full-time placements of one person may not overlap (an open one lasts until further notice). */
export const OVERLAP = {
  zh: '该人员在此期间已有全职就业记录，不能重叠登记',
  en: 'The person already holds a full-time placement overlapping this one',
};

/** Whether two spans of days overlap (an end of null: still going). */
export function overlaps(a: { start: string; end: string | null }, b: { start: string; end: string | null }): boolean {
  return (b.end === null || a.start <= b.end) && (a.end === null || b.start <= a.end);
}

/** A person's placements are told apart by their start dates: one placement per person and day. */
export function sameStart(startDate: string): { zh: string; en: string } {
  return { zh: `该人员已有 ${startDate} 开始的就业记录：同一人同一天只能开始一项就业`, en: `The person already has a placement starting on ${startDate}: one placement per person and start date` };
}
