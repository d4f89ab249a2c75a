import { defineSheet, RegistrySheet, type SubgraphSheets } from '../../../platform/imports/registry-sheets';
import { exportAllocations, exportLandParcels, exportOriginalHouses } from '../services/export.service';
import { allocationsImport, ALLOCATIONS_SHEET } from './allocations.sheet';
import { landParcelsImport, LAND_PARCELS_SHEET } from './land-parcels.sheet';
import { originalHousesImport, ORIGINAL_HOUSES_SHEET } from './original-houses.sheet';

/** The sheets this subgraph imports and exports. */
export const LAND_HOUSING_SHEETS: SubgraphSheets = {
  [RegistrySheet.LAND_PARCELS]: defineSheet({ format: LAND_PARCELS_SHEET, importer: landParcelsImport, rows: exportLandParcels }),
  [RegistrySheet.ORIGINAL_HOUSES]: defineSheet({ format: ORIGINAL_HOUSES_SHEET, importer: originalHousesImport, rows: exportOriginalHouses }),
  [RegistrySheet.ALLOCATIONS]: defineSheet({ format: ALLOCATIONS_SHEET, importer: allocationsImport, rows: exportAllocations }),
};
