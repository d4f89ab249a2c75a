import { changeRecordsAsTextMigration } from '../../../platform/history/change-history';

/** The change records built as text by a statement generated from each table's columns: the same records, written faster. */
export const HouseholdsChangeRecordsAsText1765400000001 = changeRecordsAsTextMigration('HouseholdsChangeRecordsAsText1765400000001');
