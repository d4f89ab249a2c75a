import { tableOf } from '../../../platform/db/raw-sql';
import { checkStation } from '../../../platform/domain/stations';
import { areaCondition, areaDimensions, equals, runStatistics, type Condition, type StatisticsSpec, type StatisticsTable } from '../../../platform/statistics/statistics';
import { areaRef } from '../entities/admin-area.stub';
import { Allocation } from '../entities/allocation.entity';
import { Flat } from '../entities/flat.entity';
import { LandParcel } from '../entities/land-parcel.entity';
import { OriginalHouse } from '../entities/original-house.entity';
import type { LandHousingDimension, LandHousingStatisticsFilter } from '../entities/statistics.type';
import type { LandHousingContext } from '../land-housing.context';
import { FLAT_STATUS_SQL } from './inventory-query.service';

type Table = 'land' | 'houses' | 'flats';

/** Land, houses and flats as statistics tables; suppression counts the households they belong to. */
function spec(ctx: LandHousingContext, table: Table): StatisticsSpec<LandHousingDimension> {
  const t = (entity: Parameters<typeof tableOf>[1]) => tableOf(ctx.dataSource, entity);
  const alias = { land: 'p', houses: 'o', flats: 'f' }[table];
  const base = { areaColumn: `${alias}.area_code`, contributors: 'households' } as const;
  const dims = areaDimensions(`${alias}.area_code`);
  if (table === 'land') {
    return {
      ...base,
      from: `FROM ${t(LandParcel)} p`,
      dimensions: {
        ...dims,
        STATION: { sql: 'p.station_id', field: 'station' },
        LAND_USE: { sql: 'p.land_use', field: 'landUse' },
        OWNER: { sql: 'p.owner_kind', field: 'owner' },
      } as StatisticsSpec<LandHousingDimension>['dimensions'],
      measures: { parcels: 'count(*)', floodedLandMu: 'sum(p.area_mu)', households: 'count(DISTINCT p.household_id)' },
    };
  }
  if (table === 'houses') {
    return {
      ...base,
      from: `FROM ${t(OriginalHouse)} o`,
      dimensions: { ...dims, STRUCTURE: { sql: 'o.structure', field: 'structure' } } as StatisticsSpec<LandHousingDimension>['dimensions'],
      measures: { houses: 'count(*)', originalFloorArea: 'sum(o.floor_area)', households: 'count(DISTINCT o.household_id)' },
    };
  }
  return {
    ...base,
    from: `FROM ${t(Flat)} f LEFT JOIN ${t(Allocation)} a ON a.flat_id = f.id`,
    dimensions: { ...dims, FLAT_STATUS: { sql: FLAT_STATUS_SQL, field: 'flatStatus' } } as StatisticsSpec<LandHousingDimension>['dimensions'],
    measures: { flats: 'count(*)', floorArea: 'sum(f.floor_area)', households: 'count(DISTINCT a.household_id)' },
  };
}

export function landHousingStatistics(ctx: LandHousingContext, table: Table, groupBy: LandHousingDimension[], filter?: LandHousingStatisticsFilter): Promise<StatisticsTable<LandHousingDimension>> {
  const s = spec(ctx, table);
  if (filter?.stationId) checkStation(filter.stationId, 'filter.stationId');
  const where: Condition[] = [
    ...(filter?.areaCode ? [areaCondition(ctx, s.areaColumn, filter.areaCode, 'filter.areaCode')] : []),
    ...(table === 'land' ? equals('p.station_id', filter?.stationId, 'f_station') : []),
  ];
  return runStatistics(ctx, s, groupBy, where, areaRef);
}
