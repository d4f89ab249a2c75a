import { changeHistoryMigration, type TrackedTable } from '../../../platform/history/change-history';

/** The tables whose changes are kept. */
export const HOUSEHOLDS_TRACKED: TrackedTable[] = [{ table: 'household' }, { table: 'person' }];

/** Households and persons: every change kept in `change_log`, with who, when, the source and the old and new values. */
export const HouseholdsChangeHistory1732900000001 = changeHistoryMigration('HouseholdsChangeHistory1732900000001', HOUSEHOLDS_TRACKED);
