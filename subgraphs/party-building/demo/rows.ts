/** Plain rows of the party-building demo, one per table row (keys = column names). */

interface Located {
  area_code: string;
  county_code: string;
}

export interface OrganisationRow extends Located { id: string; name: string; level: string; parent_id: string | null }
export interface GridRow extends Located { id: string; name: string; number: number; organisation_id: string }
export interface UnitRow extends Located { id: string; grid_id: string; name: string; number: number; manager_person_id: string | null }
export interface HouseholdUnitRow extends Located { household_id: string; unit_id: string; grid_id: string; assigned_on: string }
export interface CadreRow extends Located { id: string; name: string; phone: string; work_unit: string; party_member: boolean; grid_id: string | null }
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

/** Tables in insertion order (parents before children) and the rows that go into each. */
export const TABLES: [string, keyof PartyBuildingDemo][] = [
  ['party_organisation', 'organisations'],
  ['grid', 'grids'],
  ['grid_unit', 'units'],
  ['household_unit', 'householdUnits'],
  ['cadre', 'cadres'],
  ['cadre_pairing', 'pairings'],
  ['cadre_visit', 'visits'],
  ['party_activity', 'activities'],
  ['governance_case', 'cases'],
  ['case_transition', 'transitions'],
];
