import { projectionMigration } from '../../../platform/events/projection.migration';

/** The projection of the registry's households and persons (area, birth date, status), fed by its events. */
export const EmploymentRegistryProjection1764460000001 = projectionMigration('EmploymentRegistryProjection1764460000001');
