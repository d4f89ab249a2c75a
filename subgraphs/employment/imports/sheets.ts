import { defineSheet, RegistrySheet, type SubgraphSheets } from '../../../platform/imports/registry-sheets';
import { exportLabourStatus, exportPlacements, exportTraining } from '../services/export.service';
import { labourStatusImport, LABOUR_STATUS_SHEET } from './labour-status.sheet';
import { placementsImport, PLACEMENTS_SHEET } from './placements.sheet';
import { trainingImport, TRAINING_SHEET } from './training.sheet';

/** The sheets this subgraph imports and exports. */
export const EMPLOYMENT_SHEETS: SubgraphSheets = {
  [RegistrySheet.LABOUR_STATUS]: defineSheet({ format: LABOUR_STATUS_SHEET, importer: labourStatusImport, rows: exportLabourStatus }),
  [RegistrySheet.PLACEMENTS]: defineSheet({ format: PLACEMENTS_SHEET, importer: placementsImport, rows: exportPlacements }),
  [RegistrySheet.TRAINING]: defineSheet({ format: TRAINING_SHEET, importer: trainingImport, rows: exportTraining }),
};
