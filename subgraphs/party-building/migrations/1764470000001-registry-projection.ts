import { projectionMigration } from '../../../platform/events/projection.migration';

/** The projection of the registry's households and persons (area, county, status), fed by its events. */
export const PartyBuildingRegistryProjection1764470000001 = projectionMigration('PartyBuildingRegistryProjection1764470000001');
