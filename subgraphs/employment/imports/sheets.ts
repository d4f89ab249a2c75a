import type { SheetImport } from '../../../platform/imports/import-engine';
import { RegistrySheet, type SubgraphSheets } from '../../../platform/imports/registry-sheets';
import type { Scope } from '../../../platform/security/scope';
import { exportLabourStatus, exportPlacements, exportTraining } from '../services/export.service';
import { labourStatusImport, LABOUR_STATUS_SHEET } from './labour-status.sheet';
import { placementsImport, PLACEMENTS_SHEET } from './placements.sheet';
import { trainingImport, TRAINING_SHEET } from './training.sheet';

/** The sheets this subgraph imports and exports. */
export const EMPLOYMENT_SHEETS: SubgraphSheets = {
  [RegistrySheet.LABOUR_STATUS]: { format: LABOUR_STATUS_SHEET, importer: labourStatusImport as (scope: Scope) => SheetImport<unknown>, rows: exportLabourStatus },
  [RegistrySheet.PLACEMENTS]: { format: PLACEMENTS_SHEET, importer: placementsImport as (scope: Scope) => SheetImport<unknown>, rows: exportPlacements },
  [RegistrySheet.TRAINING]: { format: TRAINING_SHEET, importer: trainingImport as (scope: Scope) => SheetImport<unknown>, rows: exportTraining },
};
