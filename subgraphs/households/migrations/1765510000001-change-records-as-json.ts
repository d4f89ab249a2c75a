import { changeRecordsAsJsonMigration } from '../../../platform/history/change-history';

/** The change records stored as json, as they are built: the same records, without converting each to jsonb. */
export const HouseholdsChangeRecordsAsJson1765510000001 = changeRecordsAsJsonMigration('HouseholdsChangeRecordsAsJson1765510000001');
