import type { SheetImport } from '../../../platform/imports/import-engine';
import { RegistrySheet, type SubgraphSheets } from '../../../platform/imports/registry-sheets';
import type { Scope } from '../../../platform/security/scope';
import { exportHouseholds, exportPersons } from '../services/export.service';
import { householdsImport, HOUSEHOLDS_SHEET } from './households.sheet';
import { personsImport, PERSONS_SHEET } from './persons.sheet';

/** The sheets this subgraph imports and exports. */
export const HOUSEHOLDS_SHEETS: SubgraphSheets = {
  [RegistrySheet.HOUSEHOLDS]: { format: HOUSEHOLDS_SHEET, importer: householdsImport as (scope: Scope) => SheetImport<unknown>, rows: exportHouseholds },
  [RegistrySheet.PERSONS]: { format: PERSONS_SHEET, importer: personsImport as (scope: Scope) => SheetImport<unknown>, rows: exportPersons },
};
