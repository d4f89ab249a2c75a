import { dataVersionMigration } from '../../../platform/db/data-version';
import { TABLES } from './1732900000000-row-level-security';

/** The data version (`data-version.ts`): raised at the commit of every change to a registry table, so that kept aggregates are served only while it stands. */
export const PartyBuildingDataVersion1764410000004 = dataVersionMigration('PartyBuildingDataVersion1764410000004', TABLES);
