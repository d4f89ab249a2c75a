import { changeHistoryPerStatementMigration } from '../../../platform/history/change-history';
import { HOUSEHOLDS_TRACKED } from './1732900000001-change-history';

/** The change history written once per statement (transition tables) instead of once per row: the same records. */
export const HouseholdsChangeHistoryPerStatement1764420000001 = changeHistoryPerStatementMigration('HouseholdsChangeHistoryPerStatement1764420000001', HOUSEHOLDS_TRACKED);
