import { changeRecordsAsJsonMigration } from '../../../platform/history/change-history';

/** The change records stored as json, as they are built: the same records, without converting each to jsonb. */
export const PartyBuildingChangeRecordsAsJson1765510000004 = changeRecordsAsJsonMigration('PartyBuildingChangeRecordsAsJson1765510000004');
