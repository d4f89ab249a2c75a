import { dataVersionMigration } from '../../../platform/db/data-version';
import { TABLES } from './1765000000001-row-level-security';

/** The data version (`data-version.ts`), raised at the commit of every change to these tables (the ledger's appends included). */
export const SupportDataVersion1765000000005 = dataVersionMigration('SupportDataVersion1765000000005', [...TABLES, 'ledger_entry']);
