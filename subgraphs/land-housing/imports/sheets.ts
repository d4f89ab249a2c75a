import type { SheetImport } from '../../../platform/imports/import-engine';
import { RegistrySheet, type SubgraphSheets } from '../../../platform/imports/registry-sheets';
import type { Scope } from '../../../platform/security/scope';
import { exportAllocations, exportLandParcels, exportOriginalHouses } from '../services/export.service';
import { allocationsImport, ALLOCATIONS_SHEET } from './allocations.sheet';
import { landParcelsImport, LAND_PARCELS_SHEET } from './land-parcels.sheet';
import { originalHousesImport, ORIGINAL_HOUSES_SHEET } from './original-houses.sheet';

/** The sheets this subgraph imports and exports. */
export const LAND_HOUSING_SHEETS: SubgraphSheets = {
  [RegistrySheet.LAND_PARCELS]: { format: LAND_PARCELS_SHEET, importer: landParcelsImport as (scope: Scope) => SheetImport<unknown>, rows: exportLandParcels },
  [RegistrySheet.ORIGINAL_HOUSES]: { format: ORIGINAL_HOUSES_SHEET, importer: originalHousesImport as (scope: Scope) => SheetImport<unknown>, rows: exportOriginalHouses },
  [RegistrySheet.ALLOCATIONS]: { format: ALLOCATIONS_SHEET, importer: allocationsImport as (scope: Scope) => SheetImport<unknown>, rows: exportAllocations },
};
