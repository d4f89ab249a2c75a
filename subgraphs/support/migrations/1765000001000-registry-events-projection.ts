import { projectionMigration } from '../../../platform/events/projection.migration';

/** The registry events' projection (households, persons, the position) beside this subgraph's own registry tables, which the events now feed. */
export const SupportRegistryEventsProjection1765000001000 = projectionMigration('SupportRegistryEventsProjection1765000001000');
