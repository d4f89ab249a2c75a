import { rollupMigration, rollupSelect } from '../../../platform/statistics/rollups';

/**
 * Rollups for `landStatistics` and `houseStatistics` (`rollups.ts`): parcels by the area of the
 * household that owns them (collective land by its own), station, use and owner, with their
 * flooded area; original houses by area and structure, with their floor area; each with the
 * households as bits numbered within the area (a household's land and houses lie where it lives:
 * the registry projection moves them together).
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
  ],
  [
    { table: 'land_parcel', areas: (rows) => `SELECT area_code::text FROM ${rows}` },
    { table: 'original_house', areas: (rows) => `SELECT area_code::text FROM ${rows}` },
  ],
);
