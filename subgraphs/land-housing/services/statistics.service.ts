import { schemaName } from '../../../platform/db/data-source';
import { distinctMembers } from '../../../platform/statistics/rollups';
import { checkStation } from '../../../platform/domain/stations';
import { areaCondition, areaDimensions, equals, runStatistics, type Condition, type StatisticsSpec, type StatisticsTable } from '../../../platform/statistics/statistics';
import { areaRef } from '../entities/admin-area.stub';
import type { LandHousingDimension, LandHousingStatisticsFilter } from '../entities/statistics.type';
import type { LandHousingContext } from '../land-housing.context';

type Table = 'land' | 'houses' | 'flats';

/**
 * Land, houses and flats as statistics tables; suppression counts the households they belong to.
 * Each is read from its rollup (`land_rollup`, `house_rollup`, `flat_rollup`: parcels, houses and
 * flats summed, households the bits of each area's rows together, `rollups.ts`).
 */
function spec(ctx: LandHousingContext, table: Table): StatisticsSpec<LandHousingDimension> {
  const s = `"${schemaName(ctx.dataSource)}"`;
  const base = { areaColumn: 'r.area_code', contributors: 'households' } as const;
  const dims = areaDimensions('r.area_code');
  if (table === 'land') {
    return {
      ...base,
      from: `FROM ${s}.land_rollup r`,
      partition: 'r.area_code',
      dimensions: {
        ...dims,
        STATION: { sql: 'r.station_id', field: 'station' },
        LAND_USE: { sql: 'r.land_use', field: 'landUse' },
        OWNER: { sql: 'r.owner_kind', field: 'owner' },
      } as StatisticsSpec<LandHousingDimension>['dimensions'],
      measures: { parcels: 'sum(r.parcels)', floodedLandMu: 'sum(r.area_mu)', households: distinctMembers('r.households') },
    };
  }
  if (table === 'houses') {
    return {
      ...base,
      from: `FROM ${s}.house_rollup r`,
      partition: 'r.area_code',
      dimensions: { ...dims, STRUCTURE: { sql: 'r.structure', field: 'structure' } } as StatisticsSpec<LandHousingDimension>['dimensions'],
      measures: { houses: 'sum(r.houses)', originalFloorArea: 'sum(r.floor_area)', households: distinctMembers('r.households') },
    };
  }
  return {
    ...base,
    from: `FROM ${s}.flat_rollup r`,
    areaColumn: 'r.flat_area_code',
    partition: 'r.area_code',
    dimensions: { ...areaDimensions('r.flat_area_code'), FLAT_STATUS: { sql: 'r.flat_status', field: 'flatStatus' } } as StatisticsSpec<LandHousingDimension>['dimensions'],
    measures: { flats: 'sum(r.flats)', floorArea: 'sum(r.floor_area)', households: distinctMembers('r.households') },
  };
}

export function landHousingStatistics(ctx: LandHousingContext, table: Table, groupBy: LandHousingDimension[], filter?: LandHousingStatisticsFilter): Promise<StatisticsTable<LandHousingDimension>> {
  const s = spec(ctx, table);
  if (filter?.stationId) checkStation(filter.stationId, 'filter.stationId');
  const where: Condition[] = [
    ...(filter?.areaCode ? [areaCondition(ctx, s.areaColumn, filter.areaCode, 'filter.areaCode')] : []),
    ...(table === 'land' ? equals('r.station_id', filter?.stationId, 'f_station') : []),
  ];
  return runStatistics(ctx, s, groupBy, where, areaRef);
}
