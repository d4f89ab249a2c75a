import type { DataSource } from 'typeorm';
import { tableOf } from '../../../platform/db/raw-sql';
import { checkStation } from '../../../platform/domain/stations';
import { ageBandSql, areaCondition, areaDimensions, equals, runStatistics, yearRange, type Condition, type StatisticsSpec, type StatisticsTable } from '../../../platform/statistics/statistics';
import { Household } from '../entities/household.entity';
import { Person } from '../entities/person.entity';
import { HouseholdDimension, PersonDimension } from '../entities/statistics.type';
import { HouseholdStatus, PersonStatus } from '../households.enums';
import type { HouseholdsContext } from '../households.context';
import type { HouseholdStatisticsFilter, PersonStatisticsFilter } from '../inputs/statistics.input';
import { FLAG_COLUMNS } from './person-query.service';

const RELOCATION_YEAR = 'EXTRACT(YEAR FROM h.relocated_on)::int';

const householdDimensions = {
  ...areaDimensions('h.area_code'),
  STATION: { sql: 'h.station_id', field: 'station' },
  RELOCATION_MODE: { sql: 'h.relocation_mode', field: 'relocationMode' },
  RELOCATION_YEAR: { sql: RELOCATION_YEAR, field: 'relocationYear' },
};

/** Active persons, with their household (for station, relocation mode and year). */
function personSpec(dataSource: DataSource): StatisticsSpec<PersonDimension> {
  return {
    from: `FROM ${tableOf(dataSource, Person)} p JOIN ${tableOf(dataSource, Household)} h ON h.id = p.household_id`,
    areaColumn: 'p.area_code',
    dimensions: {
      ...householdDimensions,
      ...areaDimensions('p.area_code'),
      PRODUCTION_MODE: { sql: 'p.production_mode', field: 'productionMode' },
      SEX: { sql: 'p.sex', field: 'sex' },
      AGE_BAND: { sql: ageBandSql('p.birth_date', 'CURRENT_DATE'), field: 'ageBand' },
      ETHNICITY: { sql: 'p.ethnicity', field: 'ethnicity' },
      VULNERABLE: { sql: `(${Object.values(FLAG_COLUMNS).join(' OR ')})`, field: 'vulnerable' },
    },
    measures: { persons: 'count(*)', households: 'count(DISTINCT p.household_id)' },
    contributors: 'persons',
  };
}

/** Households not cancelled, with their active members counted. */
function householdSpec(dataSource: DataSource): StatisticsSpec<HouseholdDimension> {
  return {
    from: `FROM ${tableOf(dataSource, Household)} h
      LEFT JOIN ${tableOf(dataSource, Person)} p ON p.household_id = h.id AND p.status = '${PersonStatus.ACTIVE}'`,
    areaColumn: 'h.area_code',
    dimensions: { ...householdDimensions, HOUSING_MODE: { sql: 'h.housing_mode', field: 'housingMode' } },
    measures: { households: 'count(DISTINCT h.id)', persons: 'count(p.id)' },
    contributors: 'persons',
  };
}

function householdConditions(ctx: HouseholdsContext, areaColumn: string, filter: PersonStatisticsFilter | HouseholdStatisticsFilter | undefined): Condition[] {
  if (filter?.stationId) checkStation(filter.stationId, 'filter.stationId');
  return [
    ...(filter?.areaCode ? [areaCondition(ctx, areaColumn, filter.areaCode, 'filter.areaCode')] : []),
    ...equals('h.station_id', filter?.stationId, 'f_station'),
    ...equals('h.relocation_mode', filter?.relocationMode, 'f_relocation'),
    ...yearRange(RELOCATION_YEAR, filter?.relocatedFrom, filter?.relocatedTo, 'filter.relocatedFrom'),
  ];
}

export function personStatistics(ctx: HouseholdsContext, groupBy: PersonDimension[], filter?: PersonStatisticsFilter): Promise<StatisticsTable<PersonDimension>> {
  const where = [
    { clause: `p.status = '${PersonStatus.ACTIVE}'`, params: {} },
    ...householdConditions(ctx, 'p.area_code', filter),
    ...equals('p.production_mode', filter?.productionMode, 'f_production'),
    ...equals('p.sex', filter?.sex, 'f_sex'),
    ...(filter?.vulnerability ? [{ clause: `${FLAG_COLUMNS[filter.vulnerability]} = TRUE`, params: {} }] : []),
  ];
  return runStatistics(ctx, personSpec(ctx.dataSource), groupBy, where, (code) => ctx.loaders.area.load(code));
}

export function householdStatistics(ctx: HouseholdsContext, groupBy: HouseholdDimension[], filter?: HouseholdStatisticsFilter): Promise<StatisticsTable<HouseholdDimension>> {
  const where = [
    { clause: `h.status <> '${HouseholdStatus.CANCELLED}'`, params: {} },
    ...householdConditions(ctx, 'h.area_code', filter),
    ...equals('h.housing_mode', (filter as HouseholdStatisticsFilter | undefined)?.housingMode, 'f_housing'),
  ];
  return runStatistics(ctx, householdSpec(ctx.dataSource), groupBy, where, (code) => ctx.loaders.area.load(code));
}
