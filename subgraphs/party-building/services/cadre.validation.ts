import type { Problems } from '../../../platform/graphql/errors';
import { checkPhone, checkInt, checkName, checkText, normalizeAreaCode } from '../../../platform/graphql/validation';

export interface CadreFields {
  name: string;
  phone: string;
  workUnit: string;
  partyMember: boolean;
  areaCode: string;
  gridNumber: string | null;
}

export interface ValidCadreFields {
  name: string;
  phone: string;
  workUnit: string;
  partyMember: boolean;
  /** The grid's community (12 digits) or, for a cadre in no grid, the county (6 digits); Shuifu's old code mapped. */
  areaCode: string;
  gridNumber: number | null;
}

/**
 * Checks a cadre as the cadres sheet gives it: name, phone (the key), work unit, and where the
 * cadre serves: a grid (the community's code and the grid's number there) or a county.
 */
export function checkCadre(problems: Problems, path: string, c: CadreFields): ValidCadreFields | undefined {
  const before = problems.all.length;
  checkName(problems, `${path}.name`, c.name, '姓名', 32);
  checkName(problems, `${path}.workUnit`, c.workUnit, '工作单位', 64);
  checkPhone(problems, `${path}.phone`, c.phone);
  const areaCode = normalizeAreaCode(c.areaCode);
  let gridNumber: number | null = null;
  if (c.gridNumber !== null) {
    gridNumber = /^\d{1,3}$/.test(c.gridNumber.trim()) ? Number(c.gridNumber) : NaN;
    checkInt(problems, `${path}.gridNumber`, gridNumber, 1, 999, '网格序号');
    if (!/^\d{12}$/.test(areaCode)) problems.add(`${path}.areaCode`, '在网格中服务的干部，服务区划须为网格所在社区代码（12 位）', 'For a cadre in a grid, areaCode is the grid’s community (12 digits)');
  } else if (!/^\d{6}$/.test(areaCode) || areaCode.endsWith('00')) {
    problems.add(`${path}.areaCode`, '不在网格中的干部，服务区划须为县（区、市）代码（6 位）；在网格中的请填网格序号', 'For a cadre in no grid, areaCode is a county (6 digits); for one in a grid, give the grid number');
  }
  if (problems.all.length > before) return undefined;
  return { name: c.name.trim(), phone: c.phone.trim(), workUnit: c.workUnit.trim(), partyMember: c.partyMember, areaCode, gridNumber };
}
