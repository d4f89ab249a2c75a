import { rollupMigration, type RollupSpec, type WatchedTable } from '../../../platform/statistics/rollups';

const YEAR = 'EXTRACT(YEAR FROM h.relocated_on)::int';

/**
 * Rollups for `personStatistics` and `householdStatistics` (`rollups.ts`): active persons by
 * their area, station, relocation mode and year, with the households they belong to; households
 * by area, station, relocation mode, year, housing mode and status, with their active members.
 * Members live where their household lives (registration, moves and sheets write both), so a
 * household counts in one row of `person_rollup` and the households of coarser cells are sums.
 */
export const HOUSEHOLDS_ROLLUPS_1765300000000: { specs: RollupSpec[]; watched: WatchedTable[] } = {
  specs: [
    {
      table: 'person_rollup',
      columns: [
        'area_code varchar(15) COLLATE "C" NOT NULL',
        'station_id varchar(16) NOT NULL',
        'relocation_mode varchar(24) NOT NULL',
        'relocation_year int',
        'persons int NOT NULL',
        'households int NOT NULL',
      ],
      keys: ['area_code', 'station_id', 'relocation_mode', 'relocation_year'],
      select: `SELECT p.area_code, h.station_id, h.relocation_mode, ${YEAR}, count(*)::int, count(DISTINCT p.household_id)::int
        FROM {s}.person p JOIN {s}.household h ON h.id = p.household_id
       WHERE p.status = 'ACTIVE' {areas}
       GROUP BY 1, 2, 3, 4`,
      // the households by their key (an array, not a join the planner would read whole)
      restriction: 'p.area_code = ANY (areas) AND h.id = ANY (ARRAY(SELECT x.household_id FROM {s}.person x WHERE x.area_code = ANY (areas)))',
    },
    {
      table: 'household_rollup',
      columns: [
        'area_code varchar(15) COLLATE "C" NOT NULL',
        'station_id varchar(16) NOT NULL',
        'relocation_mode varchar(24) NOT NULL',
        'relocation_year int',
        'housing_mode varchar(24) NOT NULL',
        'status varchar(16) NOT NULL',
        'households int NOT NULL',
        'persons int NOT NULL',
      ],
      keys: ['area_code', 'station_id', 'relocation_mode', 'relocation_year', 'housing_mode', 'status'],
      select: `SELECT h.area_code, h.station_id, h.relocation_mode, ${YEAR}, h.housing_mode, h.status, count(DISTINCT h.id)::int, count(p.id)::int
        FROM {s}.household h LEFT JOIN {s}.person p ON p.household_id = h.id AND p.status = 'ACTIVE'
       WHERE TRUE {areas}
       GROUP BY 1, 2, 3, 4, 5, 6`,
      restriction: 'h.area_code = ANY (areas)',
    },
  ],
  watched: [
    // a person's change recounts its household's area too (the household counts its active members)
    {
      table: 'person',
      areas: (rows) => `SELECT area_code::text FROM ${rows} UNION SELECT h.area_code::text FROM {s}.household h WHERE h.id IN (SELECT household_id FROM ${rows})`,
    },
    // a household's change recounts its members' areas too (its station or mode is theirs)
    {
      table: 'household',
      areas: (rows) => `SELECT area_code::text FROM ${rows} UNION SELECT p.area_code::text FROM {s}.person p WHERE p.household_id IN (SELECT id FROM ${rows})`,
    },
  ],
};

export const HouseholdsStatisticsRollups1765300000000 = rollupMigration(
  'HouseholdsStatisticsRollups1765300000000',
  HOUSEHOLDS_ROLLUPS_1765300000000.specs,
  HOUSEHOLDS_ROLLUPS_1765300000000.watched,
);
