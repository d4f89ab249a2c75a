import { changeHistoryPerStatementMigration } from '../../../platform/history/change-history';
import { EMPLOYMENT_TRACKED } from './1732900000001-change-history';

/** The change history written once per statement (transition tables) instead of once per row: the same records. */
export const EmploymentChangeHistoryPerStatement1764420000001 = changeHistoryPerStatementMigration('EmploymentChangeHistoryPerStatement1764420000001', EMPLOYMENT_TRACKED);
