import { changeHistoryMigration, type TrackedTable } from '../../../platform/history/change-history';

/** The tables whose changes are kept. */
export const LAND_HOUSING_TRACKED: TrackedTable[] = ['household_ref', 'land_parcel', 'original_house', 'resettlement_site', 'building', 'building_unit', 'flat', 'allocation'].map((table) => ({ table }));

/** Every land & housing table: every change kept in `change_log`, with who, when, the source and the old and new values. */
export const LandHousingChangeHistory1732900000001 = changeHistoryMigration('LandHousingChangeHistory1732900000001', LAND_HOUSING_TRACKED);
