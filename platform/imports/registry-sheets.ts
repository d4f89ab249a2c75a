import { registerEnum } from '../graphql/enums';
import type { BaseContext } from '../graphql/context';
import { badInput } from '../graphql/errors';
import type { SheetImport } from './import-engine';
import type { Scope } from '../security/scope';
import type { Identity, Role } from '../security/identity';
import type { SheetFormat } from './sheet-format';

/** Where an import is (the engine's statuses). */
export enum ImportRunStatus {
  VALIDATING = 'VALIDATING',
  WRITING = 'WRITING',
  VALIDATED = 'VALIDATED',
  COMMITTED = 'COMMITTED',
  REJECTED = 'REJECTED',
  FAILED = 'FAILED',
}

/** The registry sheets of the platform; each belongs to the subgraph that owns its records. */
export enum RegistrySheet {
  HOUSEHOLDS = 'HOUSEHOLDS',
  PERSONS = 'PERSONS',
  LAND_PARCELS = 'LAND_PARCELS',
  ORIGINAL_HOUSES = 'ORIGINAL_HOUSES',
  ALLOCATIONS = 'ALLOCATIONS',
  LABOUR_STATUS = 'LABOUR_STATUS',
  PLACEMENTS = 'PLACEMENTS',
  TRAINING = 'TRAINING',
  GRID_ASSIGNMENTS = 'GRID_ASSIGNMENTS',
  CADRES = 'CADRES',
  PAIRINGS = 'PAIRINGS',
  SUPPORT_VERIFICATION = 'SUPPORT_VERIFICATION',
  BANK_PAYMENTS = 'BANK_PAYMENTS',
  BANK_RETURNS = 'BANK_RETURNS',
  SUPPORT_PUBLICATION = 'SUPPORT_PUBLICATION',
  SUPPORT_REMOVALS = 'SUPPORT_REMOVALS',
  SUBSIDY_CARDS = 'SUBSIDY_CARDS',
}

/** File kinds for exports and reports. */
export enum SheetFileKind {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

/**
 * Each sheet's file and route name, and the subgraph that imports and exports it. The gateway
 * routes downloads by this table; the import command opens the owner's database.
 */
export const SHEET_OWNERS: Record<RegistrySheet, { name: string; owner: string }> = {
  [RegistrySheet.HOUSEHOLDS]: { name: 'households', owner: 'households' },
  [RegistrySheet.PERSONS]: { name: 'persons', owner: 'households' },
  [RegistrySheet.LAND_PARCELS]: { name: 'land-parcels', owner: 'land-housing' },
  [RegistrySheet.ORIGINAL_HOUSES]: { name: 'original-houses', owner: 'land-housing' },
  [RegistrySheet.ALLOCATIONS]: { name: 'allocations', owner: 'land-housing' },
  [RegistrySheet.LABOUR_STATUS]: { name: 'labour-status', owner: 'employment' },
  [RegistrySheet.PLACEMENTS]: { name: 'placements', owner: 'employment' },
  [RegistrySheet.TRAINING]: { name: 'training', owner: 'employment' },
  [RegistrySheet.GRID_ASSIGNMENTS]: { name: 'grid-assignments', owner: 'party-building' },
  [RegistrySheet.CADRES]: { name: 'cadres', owner: 'party-building' },
  [RegistrySheet.PAIRINGS]: { name: 'pairings', owner: 'party-building' },
  [RegistrySheet.SUPPORT_VERIFICATION]: { name: 'support-verification', owner: 'support' },
  [RegistrySheet.BANK_PAYMENTS]: { name: 'bank-payments', owner: 'support' },
  [RegistrySheet.BANK_RETURNS]: { name: 'bank-returns', owner: 'support' },
  [RegistrySheet.SUPPORT_PUBLICATION]: { name: 'support-publication', owner: 'support' },
  [RegistrySheet.SUPPORT_REMOVALS]: { name: 'support-removals', owner: 'support' },
  [RegistrySheet.SUBSIDY_CARDS]: { name: 'subsidy-cards', owner: 'support' },
};

/** Query parameters an export takes besides `area` (the gateway passes these on, nothing else). */
export const EXPORT_PARAMETERS = ['area', 'cycle', 'year', 'quarter'] as const;
export type ExportParameters = Partial<Record<(typeof EXPORT_PARAMETERS)[number], string>>;

/** `households`, `land-parcels` … (file and route names, or the enum's code) → the sheet; undefined for any other name. */
export function sheetNamed(name: string): RegistrySheet | undefined {
  const wanted = name.toLowerCase();
  return Object.values(RegistrySheet).find((s) => SHEET_OWNERS[s].name === wanted || s.toLowerCase() === wanted);
}

/**
 * One sheet as its subgraph serves it: the format, the import, the export. A sheet may be only
 * imported (a bank's return file) or only exported (a bank payment file, a report): the missing
 * half is refused with a coded error naming the sheet.
 */
export interface SheetDefinition {
  format: SheetFormat;
  /** A fresh import of the sheet for a caller (one per pass over the file). */
  importer?(scope: Scope, identity: Identity): SheetImport<unknown>;
  /** Roles that may import the sheet (default: the offices, IMPORT_ROLES). */
  importRoles?: readonly Role[];
  /**
   * The sheet's rows inside the caller's jurisdiction (narrowed to `area`, checked like a
   * filter; other parameters as the sheet reads them), a page at a time, sensitive values masked
   * as the caller's role requires.
   */
  rows?(ctx: BaseContext, area?: string, parameters?: ExportParameters): AsyncGenerator<Record<string, unknown>>;
}

/**
 * One sheet's definition, its import typed by the rows it checks (the engine passes a sheet's
 * valid rows back only to the same import, so the definitions of a subgraph can share one type).
 */
export function defineSheet<Valid>(definition: {
  format: SheetFormat;
  importer?(scope: Scope, identity: Identity): SheetImport<Valid>;
  importRoles?: readonly Role[];
  rows?: SheetDefinition['rows'];
}): SheetDefinition {
  return definition as SheetDefinition;
}

/** The sheets a subgraph imports and exports. */
export type SubgraphSheets = Partial<Record<RegistrySheet, SheetDefinition>>;

/** Each subgraph's import operations (GraphQL root fields are owned by one subgraph each). */
export const IMPORT_OPERATIONS: Record<string, { mutation: string; run: string; problems: string }> = {
  households: { mutation: 'importRegistryFile', run: 'importRun', problems: 'importProblems' },
  'land-housing': { mutation: 'importLandHousingFile', run: 'landHousingImportRun', problems: 'landHousingImportProblems' },
  employment: { mutation: 'importEmploymentFile', run: 'employmentImportRun', problems: 'employmentImportProblems' },
  'party-building': { mutation: 'importPartyBuildingFile', run: 'partyBuildingImportRun', problems: 'partyBuildingImportProblems' },
  support: { mutation: 'importSupportFile', run: 'supportImportRun', problems: 'supportImportProblems' },
};

/** The sheet's definition in this subgraph; a coded error naming the operation that imports it otherwise. */
export function sheetDefinition(sheets: SubgraphSheets, sheet: RegistrySheet, field = 'sheet'): SheetDefinition {
  const definition = sheets[sheet];
  if (definition) return definition;
  return refuseElsewhere(sheet, field);
}

function refuseElsewhere(sheet: RegistrySheet, field: string): never {
  const { name, owner } = SHEET_OWNERS[sheet];
  const operation = IMPORT_OPERATIONS[owner].mutation;
  throw badInput([{ field, zh: `${name} 表由 ${operation} 导入，不属于本操作`, en: `The ${name} sheet is imported by ${operation}, not by this operation` }]);
}

registerEnum(ImportRunStatus, 'ImportRunStatus', 'Where an import is · 导入状态', {
  VALIDATING: 'Reading and checking rows · 正在校验',
  WRITING: 'Writing rows in one transaction · 正在写入',
  VALIDATED: 'Dry run finished without problems; nothing written · 试导入通过（未写入）',
  COMMITTED: 'All rows written · 已全部写入',
  REJECTED: 'Problems found; nothing written · 有错误，未写入任何数据',
  FAILED: 'Stopped by an internal error; nothing written · 内部错误，未写入',
});
registerEnum(RegistrySheet, 'RegistrySheet', 'Registry sheet; each is imported by the operation of the subgraph that owns it · 登记表', {
  HOUSEHOLDS: 'Households, one row per household (importRegistryFile) · 移民户表',
  PERSONS: 'Persons, one row per person (importRegistryFile) · 移民人口表',
  LAND_PARCELS: 'Flooded land parcels (importLandHousingFile) · 淹没土地表',
  ORIGINAL_HOUSES: 'Original houses (importLandHousingFile) · 原房屋表',
  ALLOCATIONS: 'Flat allocations (importLandHousingFile) · 安置房分配表',
  LABOUR_STATUS: 'Labour status by year (importEmploymentFile) · 劳动力状况表',
  PLACEMENTS: 'Employment placements (importEmploymentFile) · 就业安置表',
  TRAINING: 'Job training enrolments (importEmploymentFile) · 技能培训表',
  GRID_ASSIGNMENTS: 'Households’ grid units (importPartyBuildingFile) · 网格划分表',
  CADRES: 'Cadres (importPartyBuildingFile) · 干部表',
  PAIRINGS: 'Cadre–household pairings (importPartyBuildingFile) · 结对帮扶表',
  SUPPORT_VERIFICATION: 'The yearly verification list returned with each person’s result (importSupportFile) · 人口核定名单（回填核定结果）',
  BANK_PAYMENTS: 'The bank payment file of an approved cycle (export only) · 银行代发文件（仅导出）',
  BANK_RETURNS: 'The bank’s return file, each line paid or failed (importSupportFile) · 银行回盘文件',
  SUPPORT_PUBLICATION: 'The village publication list of a cycle, 公示 (export only) · 村组公示名单（仅导出）',
  SUPPORT_REMOVALS: 'The quarterly removals report (export only) · 季度核减人员报表（仅导出）',
  SUBSIDY_CARDS: 'The county’s card list: persons without a subsidy card or ID number, returned with them (importSupportFile) · 一卡通名单',
});
registerEnum(SheetFileKind, 'SheetFileKind', 'File kind · 文件格式', {
  CSV: 'CSV, UTF-8 · CSV 文件',
  XLSX: 'Excel workbook · Excel 工作簿',
});

/** The sheet's import, or a coded error when the sheet is only exported. */
export function importerOf(definition: SheetDefinition, field = 'sheet'): NonNullable<SheetDefinition['importer']> {
  if (definition.importer) return definition.importer.bind(definition);
  throw badInput([{ field, zh: `${definition.format.title}只能导出，不能导入`, en: `The ${definition.format.name} sheet is only exported, never imported` }]);
}

/** The sheet's export, or a coded error when the sheet is only imported. */
export function exporterOf(definition: SheetDefinition, field = 'sheet'): NonNullable<SheetDefinition['rows']> {
  if (definition.rows) return definition.rows.bind(definition);
  throw badInput([{ field, zh: `${definition.format.title}只能导入，不能导出`, en: `The ${definition.format.name} sheet is only imported, never exported` }]);
}
