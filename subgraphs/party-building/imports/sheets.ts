import type { SheetImport } from '../../../platform/imports/import-engine';
import { RegistrySheet, type SubgraphSheets } from '../../../platform/imports/registry-sheets';
import type { Scope } from '../../../platform/security/scope';
import { exportCadres, exportGridAssignments, exportPairings } from '../services/export.service';
import { cadresImport, CADRES_SHEET } from './cadres.sheet';
import { gridAssignmentsImport, GRID_ASSIGNMENTS_SHEET } from './grid-assignments.sheet';
import { pairingsImport, PAIRINGS_SHEET } from './pairings.sheet';

type Importer = (scope: Scope) => SheetImport<unknown>;

/** The sheets this subgraph imports and exports: cadres first, then grid assignments, then pairings (which need both). */
export const PARTY_BUILDING_SHEETS: SubgraphSheets = {
  [RegistrySheet.GRID_ASSIGNMENTS]: { format: GRID_ASSIGNMENTS_SHEET, importer: gridAssignmentsImport as Importer, rows: exportGridAssignments },
  [RegistrySheet.CADRES]: { format: CADRES_SHEET, importer: cadresImport as Importer, rows: exportCadres },
  [RegistrySheet.PAIRINGS]: { format: PAIRINGS_SHEET, importer: pairingsImport as Importer, rows: exportPairings },
};
