import type { DataSource } from 'typeorm';
import { cents } from '../../../platform/db/decimal';
import { queryNamed, tableOf } from '../../../platform/db/raw-sql';
import { cachedQueryNamed } from '../../../platform/db/data-version';
import { areaPrefix, type Scope } from '../../../platform/security/scope';
import { AreaInventory } from '../entities/area-inventory.type';
import { Allocation } from '../entities/allocation.entity';
import { Building } from '../entities/building.entity';
import { BuildingUnit } from '../entities/building-unit.entity';
import { Flat } from '../entities/flat.entity';
import { LandParcel } from '../entities/land-parcel.entity';
import { OriginalHouse } from '../entities/original-house.entity';
import { ResettlementSite } from '../entities/resettlement-site.entity';
import { FlatStatus, HouseStructure, LandOwnerKind, LandUse } from '../land-housing.enums';

export interface HouseholdTotals {
  householdId: string;
  floodedLandMu: number;
  originalFloorArea: number;
}

/** Flooded land and original floor area of each household, summed in SQL (one statement for the batch). */
export async function householdTotals(dataSource: DataSource, scope: Scope, ids: string[]): Promise<HouseholdTotals[]> {
  const land = scope.condition('p.area_code', 'tot_land');
  const house = scope.condition('o.area_code', 'tot_house');
  const rows = await queryNamed<{ id: string; land: string; floor: string }>(
    dataSource,
    `SELECT r.id,
       COALESCE((SELECT sum(p.area_mu) FROM ${tableOf(dataSource, LandParcel)} p WHERE p.household_id = r.id AND ${land.clause}), 0)::text AS land,
       COALESCE((SELECT sum(o.floor_area) FROM ${tableOf(dataSource, OriginalHouse)} o WHERE o.household_id = r.id AND ${house.clause}), 0)::text AS floor
     FROM unnest(CAST(:ids AS uuid[])) AS r(id)`,
    { ids, ...land.params, ...house.params },
  );
  return rows.map((r) => ({ householdId: r.id, floodedLandMu: Number(r.land), originalFloorArea: Number(r.floor) }));
}

type Kind = 'LAND' | 'HOUSE' | 'FLAT' | 'SITE' | 'BUILDING' | 'UNIT';

interface InventoryRow {
  code: string;
  kind: Kind;
  key: string | null;
  owner: string | null;
  n: number;
  amount: string | null;
}

/** The status a flat is in, from its allocation (alias `a`, absent when unallocated). */
export const FLAT_STATUS_SQL = `CASE WHEN a.id IS NULL THEN '${FlatStatus.UNALLOCATED}' WHEN a.handed_over_on IS NULL THEN '${FlatStatus.AWAITING_HANDOVER}' ELSE a.occupancy_status END`;

/**
 * Land and housing totals of each area and everything below it, inside the caller's
 * jurisdiction: one statement for the whole batch of areas, aggregated in SQL.
 */
export async function inventories(dataSource: DataSource, scope: Scope, codes: readonly string[]): Promise<AreaInventory[]> {
  const t = (entity: Parameters<typeof tableOf>[1]) => tableOf(dataSource, entity);
  const inScope = (alias: string) => scope.condition(`${alias}.area_code`, `inv_${alias}`);
  const [p, o, f, s, b, u] = ['p', 'o', 'f', 's', 'b', 'u'].map(inScope);
  const under = (alias: string) => `${alias}.area_code >= k.lo AND ${alias}.area_code < k.hi`;
  const rows = await cachedQueryNamed<InventoryRow>(
    dataSource,
    `WITH k AS (SELECT code, lo, lo || '~' AS hi FROM unnest(CAST(:codes AS text[]), CAST(:prefixes AS text[])) AS k(code, lo))
     SELECT k.code, 'LAND' AS kind, p.land_use AS key, p.owner_kind AS owner, count(*)::int AS n, sum(p.area_mu)::text AS amount
       FROM k JOIN ${t(LandParcel)} p ON ${under('p')} WHERE ${p.clause} GROUP BY k.code, p.land_use, p.owner_kind
     UNION ALL
     SELECT k.code, 'HOUSE', o.structure, NULL, count(*)::int, sum(o.floor_area)::text
       FROM k JOIN ${t(OriginalHouse)} o ON ${under('o')} WHERE ${o.clause} GROUP BY k.code, o.structure
     UNION ALL
     SELECT k.code, 'FLAT', ${FLAT_STATUS_SQL}, NULL, count(*)::int, sum(f.floor_area)::text
       FROM k JOIN ${t(Flat)} f ON ${under('f')} LEFT JOIN ${t(Allocation)} a ON a.flat_id = f.id WHERE ${f.clause} GROUP BY 1, 2, 3
     UNION ALL
     SELECT k.code, 'SITE', NULL, NULL, count(*)::int, NULL FROM k JOIN ${t(ResettlementSite)} s ON ${under('s')} WHERE ${s.clause} GROUP BY k.code
     UNION ALL
     SELECT k.code, 'BUILDING', NULL, NULL, count(*)::int, NULL FROM k JOIN ${t(Building)} b ON ${under('b')} WHERE ${b.clause} GROUP BY k.code
     UNION ALL
     SELECT k.code, 'UNIT', NULL, NULL, count(*)::int, NULL FROM k JOIN ${t(BuildingUnit)} u ON ${under('u')} WHERE ${u.clause} GROUP BY k.code`,
    {
      codes: [...codes],
      prefixes: codes.map(areaPrefix),
      ...p.params, ...o.params, ...f.params, ...s.params, ...b.params, ...u.params,
    },
  );
  return codes.map((code) => assemble(code, rows.filter((r) => r.code === code)));
}

/** Sums in hundredths (exact), reported in units. */
class Tally<K extends string> {
  private readonly counts = new Map<K, number>();
  private readonly hundredths = new Map<K, number>();

  constructor(keys: readonly K[]) {
    for (const k of keys) {
      this.counts.set(k, 0);
      this.hundredths.set(k, 0);
    }
  }

  add(key: K, count: number, amount: string | null): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    this.hundredths.set(key, (this.hundredths.get(key) ?? 0) + cents(Number(amount ?? 0)));
  }

  entries(): { key: K; count: number; amount: number }[] {
    return [...this.counts.keys()].map((key) => ({ key, count: this.counts.get(key)!, amount: this.hundredths.get(key)! / 100 }));
  }

  count(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  amount(): number {
    return [...this.hundredths.values()].reduce((a, b) => a + b, 0) / 100;
  }
}

function assemble(areaCode: string, rows: InventoryRow[]): AreaInventory {
  const land = new Tally(Object.values(LandUse));
  const owners = new Tally(Object.values(LandOwnerKind));
  const houses = new Tally(Object.values(HouseStructure));
  const flats = new Tally(Object.values(FlatStatus));
  const counts: Record<'SITE' | 'BUILDING' | 'UNIT', number> = { SITE: 0, BUILDING: 0, UNIT: 0 };
  for (const row of rows) {
    if (row.kind === 'LAND') {
      land.add(row.key as LandUse, row.n, row.amount);
      owners.add(row.owner as LandOwnerKind, row.n, row.amount);
    } else if (row.kind === 'HOUSE') houses.add(row.key as HouseStructure, row.n, row.amount);
    else if (row.kind === 'FLAT') flats.add(row.key as FlatStatus, row.n, row.amount);
    else counts[row.kind] += row.n;
  }
  const owned = Object.fromEntries(owners.entries().map((e) => [e.key, e.amount])) as Record<LandOwnerKind, number>;
  return {
    areaCode,
    floodedLandMu: land.amount(),
    householdLandMu: owned.HOUSEHOLD,
    collectiveLandMu: owned.COLLECTIVE,
    landByUse: land.entries().map((e) => ({ landUse: e.key, parcels: e.count, mu: e.amount })),
    originalHouses: houses.count(),
    originalFloorArea: houses.amount(),
    housesByStructure: houses.entries().map((e) => ({ structure: e.key, houses: e.count, floorArea: e.amount })),
    sites: counts.SITE,
    buildings: counts.BUILDING,
    units: counts.UNIT,
    flats: flats.count(),
    flatsByStatus: flats.entries().map((e) => ({ status: e.key, flats: e.count, floorArea: e.amount })),
  };
}
