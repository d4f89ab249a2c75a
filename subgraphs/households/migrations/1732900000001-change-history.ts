import { changeHistoryMigration } from '../../shared/change-history';

/** Households and persons: every change kept in `change_log`, with who, when, the source and the old and new values. */
export const HouseholdsChangeHistory1732900000001 = changeHistoryMigration('HouseholdsChangeHistory1732900000001', [{ table: 'household' }, { table: 'person' }]);
