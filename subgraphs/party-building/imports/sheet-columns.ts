import type { SheetColumn } from '../../../platform/imports/sheet-format';

/** Columns the party-building sheets share. */

/** The community a grid divides (a grid is named by its community and its number there). */
export const COMMUNITY_CODE = {
  key: 'communityCode', header: '社区区划代码', aliases: ['网格所在社区代码', '社区代码'], kind: 'code', required: true,
  note: '网格所在社区代码，12 位 · The grid’s community, 12 digits',
} as const satisfies SheetColumn;

export const GRID_NUMBER = {
  key: 'gridNumber', header: '网格序号', aliases: ['网格编号'], kind: 'text', required: true,
  note: '网格在社区内的序号，1–999 · The grid’s number in its community',
} as const satisfies SheetColumn;
