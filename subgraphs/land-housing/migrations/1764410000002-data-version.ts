import { dataVersionMigration } from '../../../platform/db/data-version';
import { TABLES } from './1732900000000-row-level-security';

/** The data version (`data-version.ts`): raised at the commit of every change to a registry table, so that kept aggregates are served only while it stands. */
export const LandHousingDataVersion1764410000002 = dataVersionMigration('LandHousingDataVersion1764410000002', TABLES);
