/**
 * The registry as the demo-data generator produces it (households subgraph), seen by the other
 * subgraphs' demo generators: they build their rows on these ids and area codes, so that every
 * reference from their tables to a household, person or area is real and stable across runs.
 * Row keys are the households subgraph's column names.
 */
export interface SnapshotArea {
  code: string;
  name: string;
  level: string; // PREFECTURE | COUNTY | TOWNSHIP | COMMUNITY | GROUP
  parent_code: string | null;
  county_code: string | null;
}

export interface SnapshotHousehold {
  id: string;
  registry_no: string;
  station_id: string;
  original_area_code: string;
  area_code: string;
  county_code: string;
  relocation_mode: string;
  housing_mode: string;
  head_id: string;
  registered_on: string;
  relocated_on: string | null;
}

export interface SnapshotPerson {
  id: string;
  household_id: string;
  area_code: string;
  county_code: string;
  name: string;
  id_number: string;
  sex: string;
  birth_date: string;
  relation: string;
  production_mode: string;
  disabled: boolean;
}

export interface RegistrySnapshot {
  areas: SnapshotArea[];
  households: SnapshotHousehold[];
  persons: SnapshotPerson[];
}
