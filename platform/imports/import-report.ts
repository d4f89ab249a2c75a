import type { SheetFormat } from './sheet-format';

/** The downloadable error report of an import: one row per problem, beside the row it is about. */
export const PROBLEM_REPORT: SheetFormat = {
  name: 'problems',
  title: '导入错误报告',
  columns: [
    { key: 'row', header: '行号', aliases: ['row'], kind: 'number', note: '文件中的行号（表头为第 1 行）· Row in the file (the header is row 1)' },
    { key: 'column', header: '列名', aliases: ['column'], kind: 'text', note: '出错的列 · Column' },
    { key: 'value', header: '原值', aliases: ['value'], kind: 'text', note: '文件中的原值 · Value as it was in the file' },
    { key: 'messageZh', header: '错误说明', kind: 'text', note: '中文说明 · In Chinese' },
    { key: 'messageEn', header: 'Message', kind: 'text', note: 'In English · 英文说明' },
  ],
};
