import {
  AreaLevel, HouseholdStatus, HousingMode, ProductionMode, Relation, RelocationMode, Sex, SupportCohort,
} from '../households.enums';

/** Plain rows produced by the demo-data generator, one per table row (snake_case = column names). */

export interface AreaRow {
  code: string; // 6 (prefecture, county), 9 (township), 12 (community), 15 (resident group = community + 3)
  name: string;
  level: AreaLevel;
  parent_code: string | null;
  county_code: string | null; // null for the prefecture itself
}

export interface StationRow {
  id: string; // 'BAIHETAN' | 'XILUODU' | 'XIANGJIABA'
  name: string;
  river: string;
  capacity_mw: number;
  affected_county_codes: string[];
}

export interface HouseholdRow {
  id: string; // uuid, stable across runs
  registry_no: string; // unique
  station_id: string;
  original_area_code: string; // village/community the household lived in before the flooding (12 digits)
  area_code: string; // current resident group (15 digits)
  county_code: string; // county of area_code
  relocation_mode: RelocationMode;
  housing_mode: HousingMode;
  head_id: string; // person id of the head
  status: HouseholdStatus;
  registered_on: string; // YYYY-MM-DD
  relocated_on: string | null;
  support_cohort: SupportCohort;
  support_start: string;
  support_end: string;
}

export interface PersonRow {
  id: string; // uuid, stable across runs
  household_id: string;
  area_code: string; // = household.area_code
  county_code: string; // = household.county_code
  name: string;
  id_number: string; // valid GB 11643 number, unique in the prefecture
  sex: Sex; // consistent with id_number
  birth_date: string; // consistent with id_number
  ethnicity: string; // 汉族, 彝族, 苗族, 回族 …
  relation: Relation;
  phone: string | null; // 11 digits
  production_mode: ProductionMode;
  left_behind_elderly: boolean;
  left_behind_child: boolean;
  disabled: boolean;
  minimum_living_allowance: boolean;
}

export interface DemoData {
  areas: AreaRow[];
  stations: StationRow[];
  households: HouseholdRow[];
  persons: PersonRow[];
}
