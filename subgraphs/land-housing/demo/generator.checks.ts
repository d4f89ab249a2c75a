import { violations } from '../../../platform/graphql/violations';
import type { DemoData } from '../../households/demo/rows';
import { settlementOf } from '../services/settlement.rules';
import { BINJIANG, expectedLandHousingFigures } from './figures';
import { generateLandHousingData } from './generator';
import type { LandHousingData } from './rows';

const hundredths = (x: string) => Math.round(Number(x) * 100);
const total = (xs: string[]) => xs.reduce((a, x) => a + hundredths(x), 0) / 100;

function byKey<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/**
 * What the generated land and housing rows must hold at any scale: the generator's tests run these
 * at a small scale (`generator.test.ts`, `npm test`) and at full scale (`generator.full.test.ts`, `npm run test:full`).
 */
export function describeLandHousingDemo(scale: number, generate: () => DemoData | Promise<DemoData>): void {
  describe(`land-housing demo at scale ${scale}`, () => {
    let registry: DemoData;
    let data: LandHousingData;
    let binjiang: string;
    beforeAll(async () => {
      registry = await generate();
      data = generateLandHousingData(registry, { scale });
      binjiang = registry.areas.find((a) => a.name === BINJIANG.name && a.county_code === BINJIANG.countyCode)!.code;
    });

    it('reproduces the prefecture’s flooded land and houses, and Binjiang’s buildings, units and flats', () => {
      const figures = expectedLandHousingFigures(scale);
      expect(total(data.parcels.map((p) => p.area_mu))).toBe(figures.prefecture.floodedLandMu);
      expect(total(data.houses.map((h) => h.floor_area))).toBe(figures.prefecture.originalFloorArea);
      const households = registry.households.filter((h) => h.area_code.startsWith(binjiang));
      const flats = data.flats.filter((f) => f.area_code === binjiang);
      expect({
        buildings: data.buildings.filter((b) => b.area_code === binjiang).length,
        units: data.units.filter((u) => u.area_code === binjiang).length,
      }).toEqual(figures.binjiang);
      expect(flats).toHaveLength(households.length);
      const allocated = new Set(data.allocations.filter((a) => a.site_area_code === binjiang).map((a) => a.household_id));
      expect(households.every((h) => allocated.has(h.id))).toBe(true);
      if (scale === 1) expect([flats.length, figures.prefecture]).toEqual([1_661, { floodedLandMu: 310_000, originalFloorArea: 10_320_000 }]);
    });

    it('ties every parcel and house to a real household (or village) in its county', () => {
      const households = new Map(registry.households.map((h) => [h.id, h]));
      const villages = new Set(registry.households.map((h) => h.original_area_code));
      expect(violations(data.parcels, (p) => {
        if (!(hundredths(p.area_mu) > 0)) return `${p.id} has ${p.area_mu} mu`;
        if (p.owner_kind === 'COLLECTIVE') {
          return p.household_id === null && p.area_code === p.village_code && villages.has(p.village_code) && p.county_code === p.village_code.slice(0, 6) ? null : `collective ${p.id}`;
        }
        const h = households.get(p.household_id!);
        if (!h) return `${p.id} owned by unknown ${p.household_id}`;
        return h.area_code === p.area_code && h.county_code === p.county_code && h.original_area_code === p.village_code && h.station_id === p.station_id ? null : `${p.id} not where ${h.registry_no} is`;
      })).toEqual([]);
      expect(violations(data.houses, (o) => {
        const h = households.get(o.household_id);
        return h && h.area_code === o.area_code && h.original_area_code === o.village_code && hundredths(o.floor_area) > 0 ? null : `house ${o.id}`;
      })).toEqual([]);
      expect(new Set([...data.parcels, ...data.houses].map((r) => r.id)).size).toBe(data.parcels.length + data.houses.length);
      expect(data.householdRefs.map((r) => r.id)).toEqual(registry.households.map((h) => h.id));
    });

    it('gives every annual-compensation household the land it is compensated for, and every household a house', () => {
      const annual = new Set(registry.persons.filter((p) => p.production_mode === 'ANNUAL_COMPENSATION').map((p) => p.household_id));
      const farmed = new Set(data.parcels.filter((p) => p.land_use === 'CULTIVATED' || p.land_use === 'ORCHARD').map((p) => p.household_id));
      expect(violations([...annual], (id) => (farmed.has(id) ? null : `annual-compensation household ${id} has no land`))).toEqual([]);
      const housed = new Set(data.houses.map((o) => o.household_id));
      expect(registry.households.every((h) => housed.has(h.id))).toBe(true);
    });

    it('allocates every urbanisation and centralised household one flat at a site in its current community', () => {
      const allocations = byKey(data.allocations, (a) => a.household_id);
      const flats = new Map(data.flats.map((f) => [f.id, f]));
      const sites = new Map(data.sites.map((s) => [s.id, s]));
      expect(violations(registry.households, (h) => {
        const own = allocations.get(h.id) ?? [];
        const expected = h.relocation_mode === 'URBANISATION' ? 'URBAN' : h.relocation_mode === 'CENTRALISED' ? 'CENTRALISED_RURAL' : null;
        if (!expected) return own.length === 0 ? null : `${h.registry_no} (${h.relocation_mode}) has a flat`;
        if (own.length !== 1) return `${h.registry_no} has ${own.length} flats`;
        const site = sites.get(flats.get(own[0].flat_id)!.site_id)!;
        return site.area_code === h.area_code.slice(0, 12) && site.relocation_type === expected ? null : `${h.registry_no} housed at ${site.name}`;
      })).toEqual([]);
      expect(new Set(data.allocations.map((a) => a.flat_id)).size).toBe(data.allocations.length);
    });

    it('keeps every allocation within its site’s swap rules', () => {
      const flats = new Map(data.flats.map((f) => [f.id, f]));
      const sites = new Map(data.sites.map((s) => [s.id, s]));
      const original = new Map<string, number>();
      for (const o of data.houses) original.set(o.household_id, (original.get(o.household_id) ?? 0) + hundredths(o.floor_area));
      expect(violations(data.allocations, (a) => {
        const flat = flats.get(a.flat_id)!;
        const site = sites.get(flat.site_id)!;
        const swapped = a.swapped_area === null ? null : hundredths(a.swapped_area);
        if (a.allocated_area !== flat.floor_area || a.site_area_code !== flat.area_code) return `${a.id} does not match its flat`;
        if (swapped !== null && site.construction_mode !== 'UNIFIED') return `${a.id} swaps at a ${site.construction_mode} site`;
        if (flat.category === 'BASIC' && swapped === null) return `${a.id}: basic housing without a swap`;
        if (flat.category === 'GUARANTEED' && swapped !== null) return `${a.id}: guaranteed housing with a swap`;
        if (swapped !== null && swapped > original.get(a.household_id)!) return `${a.id} swaps more than the household had`;
        if (swapped !== null && hundredths(flat.floor_area) - swapped > hundredths(site.max_extra_area!)) return `${a.id} exceeds the swap by too much`;
        if (a.settlement !== settlementOf(Number(a.allocated_area), swapped === null ? null : swapped / 100)) return `${a.id} settled ${a.settlement}`;
        if (!(a.allocated_on <= a.handed_over_on! && a.handed_over_on! <= (a.occupied_on ?? '9999'))) return `${a.id} dates out of order`;
        return (a.occupancy_status === 'VACANT') === (a.occupied_on === null) ? null : `${a.id} occupancy ${a.occupancy_status} since ${a.occupied_on}`;
      })).toEqual([]);
      // Qiaojia's urban flats are basic or guaranteed housing; everywhere else, and rural houses, standard
      const qiaojiaUrban = (f: (typeof data.flats)[number]) => f.county_code === '530622' && sites.get(f.site_id)!.relocation_type === 'URBAN';
      expect(violations(data.flats, (f) => (qiaojiaUrban(f) === (f.category !== 'STANDARD') ? null : `${f.id} is ${f.category} in ${f.county_code}`))).toEqual([]);
      const settled = new Set(data.allocations.map((a) => a.settlement));
      expect([...settled].sort()).toEqual(['CASH_COMPENSATION', 'EVEN', 'NO_SWAP', 'PAY_DIFFERENCE']);
    });

    it('numbers flats uniquely in their unit, on floors their building has', () => {
      const buildings = new Map(data.buildings.map((b) => [b.id, b]));
      const units = new Map(data.units.map((u) => [u.id, u]));
      const seen = new Set<string>();
      expect(violations(data.flats, (f) => {
        const key = `${f.unit_id}/${f.number}`;
        if (seen.has(key)) return `duplicate ${key}`;
        seen.add(key);
        const unit = units.get(f.unit_id)!;
        const building = buildings.get(f.building_id)!;
        if (unit.building_id !== building.id || building.site_id !== f.site_id) return `${f.id} misplaced`;
        return f.floor >= 1 && f.floor <= building.floors ? null : `${f.id} on floor ${f.floor} of ${building.floors}`;
      })).toEqual([]);
    });
  });
}
