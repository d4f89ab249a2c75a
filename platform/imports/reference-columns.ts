import type { SheetColumn } from './sheet-format';

/**
 * Columns naming another subgraph's records. A subgraph stores only the ids of households and
 * persons (the households subgraph owns their registry numbers and ID numbers), so its sheets
 * name them by id, as the households and persons exports print them.
 */
export const HOUSEHOLD_ID = {
  key: 'householdId', header: '户标识', aliases: ['移民户标识'], kind: 'code', required: true,
  note: '移民户在平台中的标识，见移民户表、人口表导出的“户标识”列 · The household’s id, as in the 户标识 column of the households and persons exports',
} as const satisfies SheetColumn;

export const PERSON_ID = {
  key: 'personId', header: '人员标识', aliases: ['人口标识'], kind: 'code', required: true,
  note: '人员在平台中的标识，见人口表导出的“人员标识”列 · The person’s id, as in the 人员标识 column of the persons export',
} as const satisfies SheetColumn;

/** The household's resident group, for the clerk's eyes: optional, and when given it must be the registry's. */
export const HOUSEHOLD_AREA = {
  key: 'householdAreaCode', header: '现居住地区划代码', aliases: ['现居住地代码', '安置地区划代码'], kind: 'code',
  note: '该户现居住居民小组代码，15 位；可留空，填写时须与移民登记一致 · The household’s resident group, 15 digits; may be empty, and must match the registry when given',
} as const satisfies SheetColumn;

/** The ids the households subgraph's exports add, for the other subgraphs' sheets; an import does not read them. */
export const EXPORTED_HOUSEHOLD_ID = { ...HOUSEHOLD_ID, required: false, exportOnly: true, note: '仅导出：其他登记表用它指明本户，导入时不读取 · Export only: other sheets name the household by it; not read on import' } as const satisfies SheetColumn;
export const EXPORTED_PERSON_ID = { ...PERSON_ID, required: false, exportOnly: true, note: '仅导出：其他登记表用它指明本人，导入时不读取 · Export only: other sheets name the person by it; not read on import' } as const satisfies SheetColumn;
