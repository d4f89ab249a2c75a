import { registerEnum } from '../../shared/enums';

/** Where an import is (the engine's statuses). */
export enum ImportRunStatus {
  VALIDATING = 'VALIDATING',
  WRITING = 'WRITING',
  VALIDATED = 'VALIDATED',
  COMMITTED = 'COMMITTED',
  REJECTED = 'REJECTED',
  FAILED = 'FAILED',
}

/** Registry sheets this subgraph imports and exports. */
export enum RegistrySheet {
  HOUSEHOLDS = 'HOUSEHOLDS',
  PERSONS = 'PERSONS',
}

/** File kinds for exports and reports. */
export enum SheetFileKind {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

registerEnum(ImportRunStatus, 'ImportRunStatus', 'Where an import is · 导入状态', {
  VALIDATING: 'Reading and checking rows · 正在校验',
  WRITING: 'Writing rows in one transaction · 正在写入',
  VALIDATED: 'Dry run finished without problems; nothing written · 试导入通过（未写入）',
  COMMITTED: 'All rows written · 已全部写入',
  REJECTED: 'Problems found; nothing written · 有错误，未写入任何数据',
  FAILED: 'Stopped by an internal error; nothing written · 内部错误，未写入',
});
registerEnum(RegistrySheet, 'RegistrySheet', 'Registry sheet · 登记表', {
  HOUSEHOLDS: 'Households, one row per household · 移民户表',
  PERSONS: 'Persons, one row per person · 移民人口表',
});
registerEnum(SheetFileKind, 'SheetFileKind', 'File kind · 文件格式', {
  CSV: 'CSV, UTF-8 · CSV 文件',
  XLSX: 'Excel workbook · Excel 工作簿',
});
