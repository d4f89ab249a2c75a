import { changeRecordsAsJsonMigration } from '../../../platform/history/change-history';

/** The change records stored as json, as they are built: the same records, without converting each to jsonb. */
export const EmploymentChangeRecordsAsJson1765510000003 = changeRecordsAsJsonMigration('EmploymentChangeRecordsAsJson1765510000003');
