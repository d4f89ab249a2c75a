import { changeRecordsAsTextMigration } from '../../../platform/history/change-history';

/** The change records built as text by a statement generated from each table's columns: the same records, written faster. */
export const LandHousingChangeRecordsAsText1765400000002 = changeRecordsAsTextMigration('LandHousingChangeRecordsAsText1765400000002');
