import type { DataSource } from 'typeorm';
import { schemaName } from '../../../platform/db/data-source';
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

/** Where the household-level columns are: the registry (`h`) or a rollup (`r`, `rollups.ts`). */
interface HouseholdColumns {
  station: string;
  relocationMode: string;
  relocationYear: string;
}

const REGISTRY: HouseholdColumns = { station: 'h.station_id', relocationMode: 'h.relocation_mode', relocationYear: 'EXTRACT(YEAR FROM h.relocated_on)::int' };
const ROLLUP: HouseholdColumns = { station: 'r.station_id', relocationMode: 'r.relocation_mode', relocationYear: 'r.relocation_year' };

const householdDimensions = (c: HouseholdColumns, area: string) => ({
  ...areaDimensions(area),
  STATION: { sql: c.station, field: 'station' },
  RELOCATION_MODE: { sql: c.relocationMode, field: 'relocationMode' },
  RELOCATION_YEAR: { sql: c.relocationYear, field: 'relocationYear' },
});

/** Person dimensions a person rollup row carries (the rest need the persons themselves). */
const PERSON_ROLLUP_DIMENSIONS = new Set<string>(['COUNTY', 'TOWNSHIP', 'COMMUNITY', 'STATION', 'RELOCATION_MODE', 'RELOCATION_YEAR']);

/** Active persons, with their household (for station, relocation mode and year). */
function personSpec(dataSource: DataSource): StatisticsSpec<PersonDimension> {
  return {
    from: `FROM ${tableOf(dataSource, Person)} p JOIN ${tableOf(dataSource, Household)} h ON h.id = p.household_id`,
    areaColumn: 'p.area_code',
    dimensions: {
      ...householdDimensions(REGISTRY, 'p.area_code'),
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

/** The same counts for tables by household-level dimensions only, from `person_rollup` (persons and their households summed). */
function personRollupSpec(dataSource: DataSource): StatisticsSpec<PersonDimension> {
  return {
    from: `FROM "${schemaName(dataSource)}".person_rollup r`,
    areaColumn: 'r.area_code',
    dimensions: householdDimensions(ROLLUP, 'r.area_code') as StatisticsSpec<PersonDimension>['dimensions'],
    measures: { persons: 'coalesce(sum(r.persons), 0)', households: 'coalesce(sum(r.households), 0)' },
    contributors: 'persons',
  };
}

/** Households not cancelled, with their active members counted, from `household_rollup`. */
function householdRollupSpec(dataSource: DataSource): StatisticsSpec<HouseholdDimension> {
  return {
    from: `FROM "${schemaName(dataSource)}".household_rollup r`,
    areaColumn: 'r.area_code',
    dimensions: { ...householdDimensions(ROLLUP, 'r.area_code'), HOUSING_MODE: { sql: 'r.housing_mode', field: 'housingMode' } },
    measures: { households: 'coalesce(sum(r.households), 0)', persons: 'coalesce(sum(r.persons), 0)' },
    contributors: 'persons',
  };
}

function householdConditions(ctx: HouseholdsContext, c: HouseholdColumns, areaColumn: string, filter: PersonStatisticsFilter | HouseholdStatisticsFilter | undefined): Condition[] {
  if (filter?.stationId) checkStation(filter.stationId, 'filter.stationId');
  return [
    ...(filter?.areaCode ? [areaCondition(ctx, areaColumn, filter.areaCode, 'filter.areaCode')] : []),
    ...equals(c.station, filter?.stationId, 'f_station'),
    ...equals(c.relocationMode, filter?.relocationMode, 'f_relocation'),
    ...yearRange(c.relocationYear, filter?.relocatedFrom, filter?.relocatedTo, 'filter.relocatedFrom'),
  ];
}

/**
 * Tables by household-level dimensions and filters read the rollups (a few thousand rows for
 * the prefecture); a person-level dimension or filter (sex, age band, ethnicity, production
 * mode, vulnerability) counts distinct households over the persons themselves.
 */
export function personStatistics(ctx: HouseholdsContext, groupBy: PersonDimension[], filter?: PersonStatisticsFilter): Promise<StatisticsTable<PersonDimension>> {
  const area = (code: string) => ctx.loaders.area.load(code);
  const byHousehold = groupBy.every((d) => PERSON_ROLLUP_DIMENSIONS.has(d)) && !filter?.productionMode && !filter?.sex && !filter?.vulnerability;
  if (byHousehold) return runStatistics(ctx, personRollupSpec(ctx.dataSource), groupBy, householdConditions(ctx, ROLLUP, 'r.area_code', filter), area);
  const where = [
    { clause: `p.status = '${PersonStatus.ACTIVE}'`, params: {} },
    ...householdConditions(ctx, REGISTRY, 'p.area_code', filter),
    ...equals('p.production_mode', filter?.productionMode, 'f_production'),
    ...equals('p.sex', filter?.sex, 'f_sex'),
    ...(filter?.vulnerability ? [{ clause: `${FLAG_COLUMNS[filter.vulnerability]} = TRUE`, params: {} }] : []),
  ];
  return runStatistics(ctx, personSpec(ctx.dataSource), groupBy, where, area);
}

/** Households not cancelled, from `household_rollup` (every dimension and filter of this table is the household's). */
export function householdStatistics(ctx: HouseholdsContext, groupBy: HouseholdDimension[], filter?: HouseholdStatisticsFilter): Promise<StatisticsTable<HouseholdDimension>> {
  const where = [
    { clause: `r.status <> '${HouseholdStatus.CANCELLED}'`, params: {} },
    ...householdConditions(ctx, ROLLUP, 'r.area_code', filter),
    ...equals('r.housing_mode', filter?.housingMode, 'f_housing'),
  ];
  return runStatistics(ctx, householdRollupSpec(ctx.dataSource), groupBy, where, (code) => ctx.loaders.area.load(code));
}
