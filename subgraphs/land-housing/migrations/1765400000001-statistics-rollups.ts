import { rollupMigration, rollupSelect } from '../../../platform/statistics/rollups';

const FLAT_STATUS = `CASE WHEN a.id IS NULL THEN 'UNALLOCATED' WHEN a.handed_over_on IS NULL THEN 'AWAITING_HANDOVER' ELSE a.occupancy_status END`;

/**
 * Rollups for `landStatistics`, `houseStatistics` and `flatStatistics` (`rollups.ts`): parcels by the area of the
 * household that owns them (collective land by its own), station, use and owner, with their
 * flooded area; original houses by area and structure, with their floor area; each with the
 * households as bits numbered within the area (a household's land and houses lie where it lives:
 * the registry projection moves them together). Flats by where they stand (`flat_area_code`,
 * which row-level security scopes) and status, with their floor area and the households
 * allocated them: a household may be allocated flats at several sites, so these rows are
 * recounted and households numbered by the area the household lives in (`area_code`; an
 * unallocated flat's own), where all its allocations are.
 */
export const LandHousingStatisticsRollups1765400000001 = rollupMigration(
  'LandHousingStatisticsRollups1765400000001',
  [
    {
      table: 'land_rollup',
      columns: [
        'area_code varchar(15) COLLATE "C" NOT NULL',
        'station_id varchar(16) NOT NULL',
        'land_use varchar(16) NOT NULL',
        'owner_kind varchar(16) NOT NULL',
        'parcels int NOT NULL',
        'area_mu numeric(14, 2) NOT NULL',
        'households varbit',
      ],
      keys: ['area_code', 'station_id', 'land_use', 'owner_kind'],
      select: rollupSelect({
        rows: `SELECT p.area_code, p.station_id, p.land_use, p.owner_kind, p.area_mu, p.household_id FROM {s}.land_parcel p WHERE TRUE {areas}`,
        keys: ['area_code', 'station_id', 'land_use', 'owner_kind'],
        sums: ['count(*)::int', 'sum(x.area_mu)'],
        distinct: ['household_id'],
      }),
      restriction: 'p.area_code = ANY (areas)',
    },
    {
      table: 'house_rollup',
      columns: [
        'area_code varchar(15) COLLATE "C" NOT NULL',
        'structure varchar(16) NOT NULL',
        'houses int NOT NULL',
        'floor_area numeric(14, 2) NOT NULL',
        'households varbit',
      ],
      keys: ['area_code', 'structure'],
      select: rollupSelect({
        rows: `SELECT o.area_code, o.structure, o.floor_area, o.household_id FROM {s}.original_house o WHERE TRUE {areas}`,
        keys: ['area_code', 'structure'],
        sums: ['count(*)::int', 'sum(x.floor_area)'],
        distinct: ['household_id'],
      }),
      restriction: 'o.area_code = ANY (areas)',
    },
    {
      table: 'flat_rollup',
      columns: [
        'area_code varchar(15) COLLATE "C" NOT NULL',
        'flat_area_code varchar(15) COLLATE "C" NOT NULL',
        'flat_status varchar(24) NOT NULL',
        'flats int NOT NULL',
        'floor_area numeric(14, 2) NOT NULL',
        'households varbit',
      ],
      keys: ['area_code', 'flat_area_code', 'flat_status'],
      scope: 'flat_area_code',
      select: rollupSelect({
        rows: `SELECT coalesce(a.area_code, f.area_code) AS area_code, f.area_code AS flat_area_code, ${FLAT_STATUS} AS flat_status, f.floor_area, a.household_id
          FROM {s}.flat f LEFT JOIN {s}.allocation a ON a.flat_id = f.id WHERE TRUE {areas}`,
        keys: ['area_code', 'flat_area_code', 'flat_status'],
        sums: ['count(*)::int', 'sum(x.floor_area)'],
        distinct: ['household_id'],
      }),
      restriction: `coalesce(a.area_code, f.area_code) = ANY (areas)
        AND f.id = ANY (ARRAY(SELECT y.flat_id FROM {s}.allocation y WHERE y.area_code = ANY (areas) UNION ALL SELECT y.id FROM {s}.flat y WHERE y.area_code = ANY (areas)))`,
    },
  ],
  [
    { table: 'land_parcel', areas: (rows) => `SELECT area_code::text FROM ${rows}` },
    { table: 'original_house', areas: (rows) => `SELECT area_code::text FROM ${rows}` },
    { table: 'flat', areas: (rows) => `SELECT area_code::text FROM ${rows} UNION SELECT a.area_code::text FROM {s}.allocation a WHERE a.flat_id IN (SELECT id FROM ${rows})` },
    { table: 'allocation', areas: (rows) => `SELECT area_code::text FROM ${rows} UNION SELECT f.area_code::text FROM {s}.flat f WHERE f.id IN (SELECT flat_id FROM ${rows})` },
  ],
);
