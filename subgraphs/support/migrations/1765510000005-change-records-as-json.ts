import { changeRecordsAsJsonMigration } from '../../../platform/history/change-history';

/** The change records stored as json, as they are built: the same records, without converting each to jsonb. */
export const SupportChangeRecordsAsJson1765510000005 = changeRecordsAsJsonMigration('SupportChangeRecordsAsJson1765510000005');
