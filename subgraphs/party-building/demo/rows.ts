/** Plain rows of the party-building demo, one per table row (keys = column names). */

interface Located {
  area_code: string;
  county_code: string;
}

export interface OrganisationRow extends Located { id: string; name: string; level: string; parent_id: string | null }
export interface GridRow extends Located { id: string; name: string; number: number; organisation_id: string }
export interface UnitRow extends Located { id: string; grid_id: string; name: string; number: number; manager_person_id: string | null }
export interface HouseholdUnitRow extends Located { household_id: string; unit_id: string; grid_id: string; assigned_on: string }
export interface CadreRow extends Located { id: string; name: string; work_unit: string; party_member: boolean; grid_id: string | null }
export interface PairingRow extends Located { id: string; cadre_id: string; household_id: string; started_on: string; ended_on: string | null }
export interface VisitRow extends Located {
  id: string; cadre_id: string; household_id: string; visited_on: string; notes: string; follow_up: string | null; follow_up_due: string | null;
}
export interface ActivityRow extends Located { id: string; organisation_id: string; type: string; held_on: string; topic: string; attendees: number }
export interface CaseRow extends Located {
  id: string; case_no: string; category: string; title: string; description: string | null; household_id: string | null; grid_id: string | null;
  first_responsible_id: string; assignee_id: string | null; status: string; opened_on: string; deadline: string; closed_on: string | null; outcome: string | null;
}
export interface TransitionRow extends Located {
  id: string; case_id: string; from_status: string | null; to_status: string; actor: string; at: string; note: string | null;
}

export interface PartyBuildingDemo {
  organisations: OrganisationRow[];
  grids: GridRow[];
  units: UnitRow[];
  householdUnits: HouseholdUnitRow[];
  cadres: CadreRow[];
  pairings: PairingRow[];
  visits: VisitRow[];
  activities: ActivityRow[];
  cases: CaseRow[];
  transitions: TransitionRow[];
}

const LOCATED = { area_code: 'varchar', county_code: 'varchar' };

/** Tables in insertion order (parents before children): the rows that go into each and their column types. */
export const TABLES: [string, keyof PartyBuildingDemo, Record<string, string>][] = [
  ['party_organisation', 'organisations', { id: 'uuid', name: 'varchar', level: 'varchar', parent_id: 'uuid', ...LOCATED }],
  ['grid', 'grids', { id: 'uuid', name: 'varchar', number: 'int', organisation_id: 'uuid', ...LOCATED }],
  ['grid_unit', 'units', { id: 'uuid', grid_id: 'uuid', name: 'varchar', number: 'int', manager_person_id: 'uuid', ...LOCATED }],
  ['household_unit', 'householdUnits', { household_id: 'uuid', unit_id: 'uuid', grid_id: 'uuid', assigned_on: 'date', ...LOCATED }],
  ['cadre', 'cadres', { id: 'uuid', name: 'varchar', work_unit: 'varchar', party_member: 'boolean', grid_id: 'uuid', ...LOCATED }],
  ['cadre_pairing', 'pairings', { id: 'uuid', cadre_id: 'uuid', household_id: 'uuid', started_on: 'date', ended_on: 'date', ...LOCATED }],
  ['cadre_visit', 'visits', {
    id: 'uuid', cadre_id: 'uuid', household_id: 'uuid', visited_on: 'date', notes: 'varchar', follow_up: 'varchar', follow_up_due: 'date', ...LOCATED,
  }],
  ['party_activity', 'activities', { id: 'uuid', organisation_id: 'uuid', type: 'varchar', held_on: 'date', topic: 'varchar', attendees: 'int', ...LOCATED }],
  ['governance_case', 'cases', {
    id: 'uuid', case_no: 'varchar', category: 'varchar', title: 'varchar', description: 'varchar', household_id: 'uuid', grid_id: 'uuid',
    first_responsible_id: 'uuid', assignee_id: 'uuid', status: 'varchar', opened_on: 'date', deadline: 'date', closed_on: 'date', outcome: 'varchar', ...LOCATED,
  }],
  ['case_transition', 'transitions', {
    id: 'uuid', case_id: 'uuid', from_status: 'varchar', to_status: 'varchar', actor: 'varchar', at: 'timestamptz', note: 'varchar', ...LOCATED,
  }],
];
