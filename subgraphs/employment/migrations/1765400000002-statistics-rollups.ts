import { rollupMigration } from '../../../platform/statistics/rollups';

/**
 * Rollups for `labourStatistics` and `incomeStatistics` (`rollups.ts`): labour status records by
 * area, birth year and status (an age on 31 December of a year is that year less the birth year,
 * so every year's table and age band is exact from the birth year); income surveys by area and
 * year, with the members and net income summed.
 */
export const EmploymentStatisticsRollups1765400000002 = rollupMigration(
  'EmploymentStatisticsRollups1765400000002',
  [
    {
      table: 'labour_rollup',
      columns: ['area_code varchar(15) COLLATE "C" NOT NULL', 'birth_year int NOT NULL', 'status varchar(24) NOT NULL', 'persons int NOT NULL'],
      keys: ['area_code', 'birth_year', 'status'],
      select: `SELECT x.area_code, EXTRACT(YEAR FROM x.birth_date)::int, x.status, count(*)::int FROM {s}.labour_status x WHERE TRUE {areas} GROUP BY 1, 2, 3`,
      restriction: 'x.area_code = ANY (areas)',
    },
    {
      table: 'income_rollup',
      columns: ['area_code varchar(15) COLLATE "C" NOT NULL', 'year int NOT NULL', 'households int NOT NULL', 'members bigint NOT NULL', 'net_income bigint NOT NULL'],
      keys: ['area_code', 'year'],
      select: `SELECT x.area_code, x.year, count(*)::int, sum(x.household_size), sum(x.net_income) FROM {s}.income_survey x WHERE TRUE {areas} GROUP BY 1, 2`,
      restriction: 'x.area_code = ANY (areas)',
    },
  ],
  [
    { table: 'labour_status', areas: (rows) => `SELECT area_code::text FROM ${rows}` },
    { table: 'income_survey', areas: (rows) => `SELECT area_code::text FROM ${rows}` },
  ],
);
