import { changeRecordsAsJsonMigration } from '../../../platform/history/change-history';

/** The change records stored as json, as they are built: the same records, without converting each to jsonb. */
export const LandHousingChangeRecordsAsJson1765510000002 = changeRecordsAsJsonMigration('LandHousingChangeRecordsAsJson1765510000002');
