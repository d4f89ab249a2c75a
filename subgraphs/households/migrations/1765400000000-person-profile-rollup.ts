import { rollupMigration, rollupSelect, rollupStatements } from '../../../platform/statistics/rollups';
import { HOUSEHOLDS_ROLLUPS_1765300000000 as BEFORE } from './1765300000000-statistics-rollups';

/** Age in whole years at `asOf`, and its band (written out: a migration stays as it was released). */
const age = (asOf: string) => `date_part('year', age(${asOf}, p.birth_date))`;
const band = (asOf: string) => `CASE WHEN ${age(asOf)} < 16 THEN 'AGE_0_15' WHEN ${age(asOf)} < 60 THEN 'AGE_16_59' ELSE 'AGE_60_PLUS' END`;

const [PERSON_ROLLUP, HOUSEHOLD_ROLLUP] = BEFORE.specs;
const AGE_KEYS = ['area_code', 'station_id', 'relocation_mode', 'relocation_year', 'sex', 'age_band'];
const KEYS = [
  'area_code', 'station_id', 'relocation_mode', 'relocation_year', 'sex', 'age_band', 'ethnicity', 'production_mode',
  'left_behind_elderly', 'left_behind_child', 'disabled', 'minimum_living_allowance',
];

/** Active persons with their household's columns and their age band as of the rollups' date. */
const PERSONS = `SELECT p.area_code, h.station_id, h.relocation_mode, EXTRACT(YEAR FROM h.relocated_on)::int AS relocation_year, p.sex, ${band('{asOf}')} AS age_band,
      p.ethnicity, p.production_mode, p.left_behind_elderly, p.left_behind_child, p.disabled, p.minimum_living_allowance, p.household_id
    FROM {s}.person p JOIN {s}.household h ON h.id = p.household_id
   WHERE p.status = 'ACTIVE' {areas}`;
const RESTRICTION = 'p.area_code = ANY (areas) AND h.id = ANY (ARRAY(SELECT x.household_id FROM {s}.person x WHERE x.area_code = ANY (areas)))';
const HOUSEHOLD_COLUMNS = [
  'area_code varchar(15) COLLATE "C" NOT NULL',
  'station_id varchar(16) NOT NULL',
  'relocation_mode varchar(24) NOT NULL',
  'relocation_year int',
  'sex varchar(8) NOT NULL',
  'age_band varchar(16) NOT NULL',
];

/**
 * `person_profile_rollup` (`rollups.ts`) serves `personStatistics` by person-level dimensions and
 * filters: active persons by their area and household's station, relocation mode and year, and
 * by sex, age band, ethnicity, production mode and each vulnerability flag, with their
 * households as bits numbered within the area (a household has members in several rows). Age
 * bands are counted as of the rollups' date: the first write of a later day recounts the areas
 * of persons whose band changed since. `person_age_rollup` is the same without ethnicity,
 * production mode and flags (a sixth of the rows), for tables by sex and age band. The two
 * rollups of `1765300000000` keep their rows; `person_rollup` and the age rollup are now counted
 * from the profile's rows (one pass over an area's persons instead of three).
 */
export const HouseholdsPersonProfileRollup1765400000000 = rollupMigration(
  'HouseholdsPersonProfileRollup1765400000000',
  [
    {
      table: 'person_profile_rollup',
      columns: [
        ...HOUSEHOLD_COLUMNS,
        'ethnicity varchar(16) NOT NULL',
        'production_mode varchar(24) NOT NULL',
        'left_behind_elderly boolean NOT NULL',
        'left_behind_child boolean NOT NULL',
        'disabled boolean NOT NULL',
        'minimum_living_allowance boolean NOT NULL',
        'persons int NOT NULL',
        'households varbit NOT NULL',
      ],
      keys: KEYS,
      select: rollupSelect({ rows: PERSONS, keys: KEYS, sums: ['count(*)::int'], distinct: ['household_id'] }),
      restriction: RESTRICTION,
    },
    // counted from the profile's rows of the same areas, just recounted (rollups are filled in this order)
    {
      table: 'person_age_rollup',
      columns: [...HOUSEHOLD_COLUMNS, 'persons int NOT NULL', 'households varbit NOT NULL'],
      keys: AGE_KEYS,
      select: `SELECT ${AGE_KEYS.map((k) => `r.${k}`).join(', ')}, sum(r.persons)::int, bit_or(r.households) FROM {s}.person_profile_rollup r WHERE TRUE {areas} GROUP BY ${AGE_KEYS.map((_, i) => i + 1).join(', ')}`,
      restriction: 'r.area_code = ANY (areas)',
    },
    {
      ...PERSON_ROLLUP,
      select: `SELECT r.area_code, r.station_id, r.relocation_mode, r.relocation_year, sum(r.persons)::int, bit_count(bit_or(r.households))::int
        FROM {s}.person_profile_rollup r WHERE TRUE {areas} GROUP BY 1, 2, 3, 4`,
      restriction: 'r.area_code = ANY (areas)',
    },
    HOUSEHOLD_ROLLUP,
  ],
  BEFORE.watched,
  { dated: { crossings: (since, until) => `SELECT p.area_code::text FROM {s}.person p WHERE p.status = 'ACTIVE' AND ${band(since)} <> ${band(until)}` } },
  { tables: BEFORE.specs.map((s) => s.table), watched: BEFORE.watched.map((w) => w.table), statements: rollupStatements(BEFORE.specs, BEFORE.watched) },
);
