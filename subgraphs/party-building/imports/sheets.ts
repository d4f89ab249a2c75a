import { defineSheet, RegistrySheet, type SubgraphSheets } from '../../../platform/imports/registry-sheets';
import { exportCadres, exportGridAssignments, exportPairings } from '../services/export.service';
import { cadresImport, CADRES_SHEET } from './cadres.sheet';
import { gridAssignmentsImport, GRID_ASSIGNMENTS_SHEET } from './grid-assignments.sheet';
import { pairingsImport, PAIRINGS_SHEET } from './pairings.sheet';

/** The sheets this subgraph imports and exports: cadres first, then grid assignments, then pairings (which need both). */
export const PARTY_BUILDING_SHEETS: SubgraphSheets = {
  [RegistrySheet.GRID_ASSIGNMENTS]: defineSheet({ format: GRID_ASSIGNMENTS_SHEET, importer: gridAssignmentsImport, rows: exportGridAssignments }),
  [RegistrySheet.CADRES]: defineSheet({ format: CADRES_SHEET, importer: cadresImport, rows: exportCadres }),
  [RegistrySheet.PAIRINGS]: defineSheet({ format: PAIRINGS_SHEET, importer: pairingsImport, rows: exportPairings }),
};
