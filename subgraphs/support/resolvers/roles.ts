import { Role } from '../../../platform/security/identity';

/** Who reads records about individual persons and payments: offices, community workers, auditors (analysts and partners: aggregates only). */
export const INDIVIDUAL_READERS = [Role.PREFECTURE_OFFICER, Role.COUNTY_OFFICER, Role.COMMUNITY_WORKER, Role.AUDITOR];
/** Who opens and closes verifications, sets standards and runs payment cycles: the resettlement offices. */
export const OFFICERS = [Role.PREFECTURE_OFFICER, Role.COUNTY_OFFICER];
