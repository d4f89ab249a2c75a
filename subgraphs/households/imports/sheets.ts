import { defineSheet, RegistrySheet, type SubgraphSheets } from '../../../platform/imports/registry-sheets';
import { exportHouseholds, exportPersons } from '../services/export.service';
import { householdsImport, HOUSEHOLDS_SHEET } from './households.sheet';
import { personsImport, PERSONS_SHEET } from './persons.sheet';

/** The sheets this subgraph imports and exports. */
export const HOUSEHOLDS_SHEETS: SubgraphSheets = {
  [RegistrySheet.HOUSEHOLDS]: defineSheet({ format: HOUSEHOLDS_SHEET, importer: householdsImport, rows: exportHouseholds }),
  [RegistrySheet.PERSONS]: defineSheet({ format: PERSONS_SHEET, importer: personsImport, rows: exportPersons }),
};
