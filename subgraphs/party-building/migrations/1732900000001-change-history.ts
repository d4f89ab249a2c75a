import { changeHistoryMigration, type TrackedTable } from '../../../platform/history/change-history';

/** The tables whose changes are kept. */
export const PARTY_BUILDING_TRACKED: TrackedTable[] = [
  ...['party_organisation', 'grid', 'grid_unit', 'cadre', 'cadre_pairing', 'cadre_visit', 'party_activity', 'governance_case', 'case_transition'].map((table) => ({ table })),
  { table: 'household_unit', key: 'household_id' },
];

/** Every party-building table: every change kept in `change_log`, with who, when, the source and the old and new values. */
export const PartyBuildingChangeHistory1732900000001 = changeHistoryMigration('PartyBuildingChangeHistory1732900000001', PARTY_BUILDING_TRACKED);
