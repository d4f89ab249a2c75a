import { changeRecordsAsTextMigration } from '../../../platform/history/change-history';

/** The change records built as text by a statement generated from each table's columns: the same records, written faster. */
export const SupportChangeRecordsAsText1765400000005 = changeRecordsAsTextMigration('SupportChangeRecordsAsText1765400000005');
