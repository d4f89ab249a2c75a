import { changeHistoryPerStatementMigration } from '../../../platform/history/change-history';
import { LAND_HOUSING_TRACKED } from './1732900000001-change-history';

/** The change history written once per statement (transition tables) instead of once per row: the same records. */
export const LandHousingChangeHistoryPerStatement1764420000001 = changeHistoryPerStatementMigration('LandHousingChangeHistoryPerStatement1764420000001', LAND_HOUSING_TRACKED);
