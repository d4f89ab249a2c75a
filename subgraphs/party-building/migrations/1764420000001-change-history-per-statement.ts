import { changeHistoryPerStatementMigration } from '../../../platform/history/change-history';
import { PARTY_BUILDING_TRACKED } from './1732900000001-change-history';

/** The change history written once per statement (transition tables) instead of once per row: the same records. */
export const PartyBuildingChangeHistoryPerStatement1764420000001 = changeHistoryPerStatementMigration('PartyBuildingChangeHistoryPerStatement1764420000001', PARTY_BUILDING_TRACKED);
