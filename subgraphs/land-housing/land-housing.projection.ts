import type { ProjectionConfig } from '../../platform/events/projection';

/** Land and housing records of a household carry its area: they follow it when it moves (an allocation keeps its flat's site area). */
export const LAND_HOUSING_PROJECTION: ProjectionConfig = {
  householdRecords: [{ table: 'land_parcel' }, { table: 'original_house' }, { table: 'allocation' }],
};
