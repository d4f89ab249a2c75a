import type { DataSource } from 'typeorm';
import { schemaName } from '../../../platform/db/data-source';
import { tableOf } from '../../../platform/db/raw-sql';
import { checkStation } from '../../../platform/domain/stations';
import { distinctMembers } from '../../../platform/statistics/rollups';
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

/** Person dimensions a `person_rollup` row carries, and a `person_age_rollup` row (the rest are in `person_profile_rollup`). */
const PERSON_ROLLUP_DIMENSIONS = new Set<string>(['COUNTY', 'TOWNSHIP', 'COMMUNITY', 'STATION', 'RELOCATION_MODE', 'RELOCATION_YEAR']);
const AGE_ROLLUP_DIMENSIONS = new Set<string>([...PERSON_ROLLUP_DIMENSIONS, 'SEX', 'AGE_BAND']);

/** The columns of the person rollups by person-level dimensions (the first six are `person_age_rollup`'s). */
const PROFILE_COLUMNS = ['area_code', 'station_id', 'relocation_mode', 'relocation_year', 'sex', 'age_band', 'ethnicity', 'production_mode', ...Object.values(FLAG_COLUMNS).map((c) => c.slice(2))];

/** Person-level dimensions over a `person_profile_rollup` row `r` (the age rollup has sex and age band only). */
const personDimensions = (profile: boolean) => ({
  SEX: { sql: 'r.sex', field: 'sex' },
  AGE_BAND: { sql: 'r.age_band', field: 'ageBand' },
  ...(profile
    ? {
        PRODUCTION_MODE: { sql: 'r.production_mode', field: 'productionMode' },
        ETHNICITY: { sql: 'r.ethnicity', field: 'ethnicity' },
        VULNERABLE: { sql: `(${Object.values(FLAG_COLUMNS).map((c) => c.replace(/^p\./, 'r.')).join(' OR ')})`, field: 'vulnerable' },
      }
    : {}),
});

/** Active persons, with their household (for station, relocation mode and year), as rows of a person rollup, one person each. */
function personRows(dataSource: DataSource): string {
  return `SELECT p.area_code, h.station_id, h.relocation_mode, ${REGISTRY.relocationYear} AS relocation_year, p.sex, ${ageBandSql('p.birth_date', 'CURRENT_DATE')} AS age_band,
      p.ethnicity, p.production_mode, ${Object.values(FLAG_COLUMNS).join(', ')}, 1 AS persons, NULL::varbit AS households, p.household_id
    FROM ${tableOf(dataSource, Person)} p JOIN ${tableOf(dataSource, Household)} h ON h.id = p.household_id
   WHERE p.status = '${PersonStatus.ACTIVE}'`;
}

/**
 * Persons by person-level dimensions, from `person_age_rollup` (by sex and age band only) or
 * `person_profile_rollup`: persons summed, households the bits of each area's rows together
 * (`rollups.ts`). Their age bands are counted as of the rollups' date: a table by `AGE_BAND`
 * reads a rollup only when that is today, and otherwise (a day without a write yet) the persons
 * themselves, in the same statement.
 */
function personProfileSpec(dataSource: DataSource, profile: boolean, byAge: boolean): StatisticsSpec<PersonDimension> {
  const s = `"${schemaName(dataSource)}"`;
  const rollup = `${s}.${profile ? 'person_profile_rollup' : 'person_age_rollup'}`;
  const today = `(SELECT as_of FROM ${s}.rollup_as_of) = CURRENT_DATE`;
  const columns = (t: string) => [...PROFILE_COLUMNS.slice(0, profile ? undefined : 6), 'persons', 'households'].map((c) => `${t}.${c}`).join(', ');
  return {
    from: byAge
      ? `FROM (SELECT ${columns('x')}, NULL::uuid AS household_id FROM ${rollup} x WHERE ${today}
          UNION ALL SELECT ${columns('y')}, y.household_id FROM (${personRows(dataSource)}) y WHERE ${today} IS NOT TRUE) r`
      : `FROM ${rollup} r`,
    areaColumn: 'r.area_code',
    partition: 'r.area_code',
    dimensions: { ...householdDimensions(ROLLUP, 'r.area_code'), ...personDimensions(profile) } as StatisticsSpec<PersonDimension>['dimensions'],
    measures: { persons: 'sum(r.persons)', households: byAge ? `${distinctMembers('r.households')} + count(DISTINCT r.household_id)` : distinctMembers('r.households') },
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
 * Tables by household-level dimensions and filters read `person_rollup` (a few hundred rows for
 * the prefecture); by sex and age band `person_age_rollup`; any other person-level dimension or
 * filter (ethnicity, production mode, vulnerability) `person_profile_rollup`.
 */
export function personStatistics(ctx: HouseholdsContext, groupBy: PersonDimension[], filter?: PersonStatisticsFilter): Promise<StatisticsTable<PersonDimension>> {
  const area = (code: string) => ctx.loaders.area.load(code);
  const where = householdConditions(ctx, ROLLUP, 'r.area_code', filter);
  const byHousehold = groupBy.every((d) => PERSON_ROLLUP_DIMENSIONS.has(d)) && !filter?.productionMode && !filter?.sex && !filter?.vulnerability;
  if (byHousehold) return runStatistics(ctx, personRollupSpec(ctx.dataSource), groupBy, where, area);
  const profile = !groupBy.every((d) => AGE_ROLLUP_DIMENSIONS.has(d)) || !!filter?.productionMode || !!filter?.vulnerability;
  where.push(
    ...equals('r.production_mode', filter?.productionMode, 'f_production'),
    ...equals('r.sex', filter?.sex, 'f_sex'),
    ...(filter?.vulnerability ? [{ clause: `${FLAG_COLUMNS[filter.vulnerability].replace(/^p\./, 'r.')} = TRUE`, params: {} }] : []),
  );
  return runStatistics(ctx, personProfileSpec(ctx.dataSource, profile, groupBy.includes(PersonDimension.AGE_BAND)), groupBy, where, area);
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
