import { projectionMigration } from '../../../platform/events/projection.migration';

/** household_ref becomes the projection of the registry's households (fed by its events, read-only to the serving role), beside persons and the position. */
export const LandHousingRegistryProjection1764460000001 = projectionMigration('LandHousingRegistryProjection1764460000001', { existingHouseholdRef: true });
