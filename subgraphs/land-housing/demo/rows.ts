import type {
  FlatCategory, HouseStructure, LandOwnerKind, LandUse, OccupancyStatus, SettlementMethod, SiteConstructionMode, SiteRelocationType,
} from '../land-housing.enums';

/**
 * Plain rows of the land-housing demo, one per table row (snake_case = column names). Areas are
 * decimal strings with two decimals, exactly as stored.
 */

export interface HouseholdRefRow { id: string; area_code: string; county_code: string }

export interface LandParcelRow {
  id: string;
  station_id: string;
  owner_kind: LandOwnerKind;
  household_id: string | null;
  area_code: string; // household's resident group, or the village (collective land)
  county_code: string;
  village_code: string; // where the parcel lay
  parcel_no: string; // inside the village
  land_use: LandUse;
  area_mu: string;
  surveyed_on: string;
}

export interface OriginalHouseRow {
  id: string;
  household_id: string;
  area_code: string;
  county_code: string;
  village_code: string;
  house_no: string; // inside the household
  structure: HouseStructure;
  floor_area: string;
  surveyed_on: string;
}

export interface SiteRow {
  id: string;
  name: string;
  area_code: string; // community, 12 digits
  county_code: string;
  relocation_type: SiteRelocationType;
  construction_mode: SiteConstructionMode;
  capacity: number;
  max_extra_area: string | null;
}

export interface BuildingRow { id: string; site_id: string; area_code: string; county_code: string; number: string; floors: number }

export interface UnitRow { id: string; building_id: string; site_id: string; area_code: string; county_code: string; number: string }

export interface FlatRow {
  id: string;
  unit_id: string;
  building_id: string;
  site_id: string;
  area_code: string;
  county_code: string;
  floor: number;
  number: string;
  floor_area: string;
  category: FlatCategory;
}

export interface AllocationRow {
  id: string;
  flat_id: string;
  household_id: string;
  area_code: string; // household's resident group
  site_area_code: string; // the flat's community
  county_code: string;
  swapped_area: string | null;
  allocated_area: string;
  settlement: SettlementMethod;
  allocated_on: string;
  handed_over_on: string | null;
  occupied_on: string | null;
  occupancy_status: OccupancyStatus | null;
}

export interface LandHousingData {
  householdRefs: HouseholdRefRow[];
  parcels: LandParcelRow[];
  houses: OriginalHouseRow[];
  sites: SiteRow[];
  buildings: BuildingRow[];
  units: UnitRow[];
  flats: FlatRow[];
  allocations: AllocationRow[];
}
