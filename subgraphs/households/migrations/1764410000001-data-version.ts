import { dataVersionMigration } from '../../../platform/db/data-version';

/** The data version (`data-version.ts`): raised at the commit of every change to a registry table, so that kept aggregates are served only while it stands. */
export const HouseholdsDataVersion1764410000001 = dataVersionMigration('HouseholdsDataVersion1764410000001', ['admin_area', 'power_station', 'household', 'person']);
