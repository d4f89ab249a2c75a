import { apportion } from '../../../platform/demo/apportion';
import { Random, stableUuid } from '../../../platform/demo/random';
import type { RegistrySnapshot, SnapshotHousehold } from '../../../platform/demo/registry-snapshot';
import {
  FlatCategory, HouseStructure, LandOwnerKind, LandUse, OccupancyStatus, SiteConstructionMode, SiteRelocationType,
} from '../land-housing.enums';
import { settlementOf } from '../services/settlement.rules';
import { BINJIANG, expectedLandHousingFigures, FIGURES } from './figures';
import type { AllocationRow, BuildingRow, FlatRow, LandHousingData, LandParcelRow, OriginalHouseRow, SiteRow, UnitRow } from './rows';
import { countyOf } from '../../../platform/domain/area-code';

/**
 * Deterministic land and housing rows for the registry the households subgraph generated: every
 * parcel, house and allocation points at a real household (and lies in its county), and the
 * prefecture's flooded land (310,000 mu × scale) and flooded houses (10,320,000 m² × scale) come
 * out exact to the hundredth. Every urbanisation household gets a flat at a site in its current
 * community; Binjiang's 25 buildings and 29 units hold exactly its households' flats.
 */

export const DEFAULT_SEED = 530600;

const QIAOJIA = '530622';
const SUIJIANG = '530626';
/** Share of the flooded land owned by village collectives (forest, reserve land). */
const COLLECTIVE_SHARE = 0.3;
/** Collective parcels per village at scale 1. */
const COLLECTIVE_PARCELS = 24;
/** Unallocated flats kept at a site, as a share of its households (none at Binjiang). */
const SPARE_SHARE = 0.03;

// ── small helpers ────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;

function addDays(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** Hundredths as the decimal text PostgreSQL stores: 12345 → "123.45". */
function decimal(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const hundredthsIn = (random: Random, lo: number, hi: number) => random.int(Math.round(lo * 100), Math.round(hi * 100));

interface HouseholdFacts {
  h: SnapshotHousehold;
  size: number;
  annual: boolean; // has a member on annual compensation (逐年补偿): compensated for its land
  surveyedOn: string;
  originalHundredths: number; // surveyed floor area of its houses, filled once houses exist
}

function householdFacts(random: Random, registry: RegistrySnapshot): HouseholdFacts[] {
  const size = new Map<string, number>();
  const annual = new Set<string>();
  for (const p of registry.persons) {
    size.set(p.household_id, (size.get(p.household_id) ?? 0) + 1);
    if (p.production_mode === 'ANNUAL_COMPENSATION') annual.add(p.household_id);
  }
  return registry.households.map((h) => ({
    h,
    size: size.get(h.id) ?? 1,
    annual: annual.has(h.id),
    surveyedOn: addDays(h.registered_on, -random.int(30, 365)), // the survey (实物指标调查) precedes registration
    originalHundredths: 0,
  }));
}

// ── flooded land ─────────────────────────────────────────────────────────────

interface Draft<T> { row: Omit<T, 'area_mu' | 'floor_area'>; weight: number }

function landDrafts(random: Random, facts: HouseholdFacts[]): Draft<LandParcelRow>[] {
  const drafts: Draft<LandParcelRow>[] = [];
  for (const f of facts) {
    const { h } = f;
    let n = 0;
    const add = (landUse: LandUse, weight: number) => drafts.push({
      row: {
        id: stableUuid('parcel', h.id, String(n++)), station_id: h.station_id, owner_kind: LandOwnerKind.HOUSEHOLD, household_id: h.id,
        area_code: h.area_code, county_code: h.county_code, village_code: h.original_area_code, parcel_no: '', land_use: landUse, surveyed_on: f.surveyedOn,
      },
      weight,
    });
    add(LandUse.HOMESTEAD, random.int(25, 60) / 100);
    if (f.annual) {
      for (let k = 1 + (random.chance(0.5) ? 1 : 0) + (random.chance(0.2) ? 1 : 0); k > 0; k--) add(LandUse.CULTIVATED, random.int(80, 350) / 100);
      if (random.chance(0.35)) add(LandUse.ORCHARD, random.int(50, 250) / 100);
    } else if (random.chance(0.6)) {
      add(LandUse.CULTIVATED, random.int(50, 250) / 100);
    }
    if (random.chance(0.25)) add(LandUse.FOREST, random.int(100, 600) / 100);
  }
  return drafts;
}

function collectiveDrafts(random: Random, facts: HouseholdFacts[], scale: number): Draft<LandParcelRow>[] {
  const villages = new Map<string, SnapshotHousehold>();
  for (const { h } of facts) if (!villages.has(h.original_area_code)) villages.set(h.original_area_code, h);
  const perVillage = Math.max(1, Math.round(COLLECTIVE_PARCELS * scale));
  const drafts: Draft<LandParcelRow>[] = [];
  for (const [village, first] of [...villages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (let i = 0; i < perVillage; i++) {
      drafts.push({
        row: {
          id: stableUuid('parcel', village, 'collective', String(i)), station_id: first.station_id, owner_kind: LandOwnerKind.COLLECTIVE, household_id: null,
          area_code: village, county_code: countyOf(village), village_code: village, parcel_no: '',
          land_use: random.weighted([[LandUse.FOREST, 60], [LandUse.OTHER, 25], [LandUse.CULTIVATED, 15]] as const),
          surveyed_on: addDays(first.registered_on, -random.int(200, 400)),
        },
        weight: random.int(20, 150),
      });
    }
  }
  return drafts;
}

/** Gives each draft its share of `total` hundredths, in proportion to its weight (exact sum). */
function settle<T>(drafts: Draft<T>[], total: number, column: 'area_mu' | 'floor_area'): T[] {
  const parts = apportion(total, drafts.map((d) => d.weight));
  return drafts.map((d, i) => {
    if (parts[i] < 1) throw new RangeError(`cannot spread ${total / 100} over ${drafts.length} records at this scale`);
    return { ...d.row, [column]: decimal(parts[i]) } as T;
  });
}

/** Parcel numbers (地块编号): 0001, 0002 … inside each village, in survey order. */
function numberParcels(parcels: LandParcelRow[]): void {
  const last = new Map<string, number>();
  for (const p of parcels) {
    const n = (last.get(p.village_code) ?? 0) + 1;
    last.set(p.village_code, n);
    p.parcel_no = String(n).padStart(4, '0');
  }
}

// ── original houses ──────────────────────────────────────────────────────────

const STRUCTURES_BY_ERA: Record<'older' | 'recent', readonly (readonly [HouseStructure, number])[]> = {
  // Xiluodu and Xiangjiaba surveyed around 2006–2010; Baihetan around 2017–2019
  older: [[HouseStructure.EARTH_WOOD, 30], [HouseStructure.BRICK_WOOD, 30], [HouseStructure.BRICK_CONCRETE, 35], [HouseStructure.FRAME, 5]],
  recent: [[HouseStructure.BRICK_CONCRETE, 50], [HouseStructure.FRAME, 20], [HouseStructure.BRICK_WOOD, 18], [HouseStructure.EARTH_WOOD, 12]],
};

function houseDrafts(random: Random, facts: HouseholdFacts[]): Draft<OriginalHouseRow>[] {
  const drafts: Draft<OriginalHouseRow>[] = [];
  for (const f of facts) {
    const { h } = f;
    const era = STRUCTURES_BY_ERA[h.station_id === 'BAIHETAN' ? 'recent' : 'older'];
    let n = 0;
    const add = (structure: HouseStructure, weight: number) => drafts.push({
      row: {
        id: stableUuid('house', h.id, String(n++)), household_id: h.id, area_code: h.area_code, county_code: h.county_code,
        village_code: h.original_area_code, house_no: String(n), structure, surveyed_on: f.surveyedOn,
      },
      weight,
    });
    add(random.weighted(era), 60 + 35 * Math.min(f.size, 6) + random.int(0, 60));
    if (random.chance(0.15)) add(random.weighted(era), random.int(40, 100));
    if (random.chance(0.55)) add(HouseStructure.SHED, random.int(10, 40));
  }
  return drafts;
}

// ── sites, buildings, units, flats, allocations ──────────────────────────────

interface FlatSpec { household: HouseholdFacts | null; area: number; category: FlatCategory; swapped: number | null }
interface UnitPlan { count: number; perFloor: number }
interface BuildingPlan { floors: number; units: UnitPlan[] }

/** Floor area of a flat for a household of `size`, in m². */
const FLAT_SIZES: Record<number, [number, number]> = { 1: [45, 60], 2: [60, 75], 3: [75, 95], 4: [90, 110], 5: [105, 125], 6: [115, 140] };

class SiteBuilder {
  readonly sites: SiteRow[] = [];
  readonly buildings: BuildingRow[] = [];
  readonly units: UnitRow[] = [];
  readonly flats: FlatRow[] = [];
  readonly allocations: AllocationRow[] = [];

  constructor(private readonly random: Random) {}

  /** A flat for an urbanisation household: basic (swapped) or guaranteed housing at Qiaojia, standard elsewhere. */
  urbanFlat(f: HouseholdFacts, maxExtra: number): FlatSpec {
    const random = this.random;
    const [lo, hi] = FLAT_SIZES[Math.min(f.size, 6)];
    let area = hundredthsIn(random, lo, hi);
    const swaps = f.h.housing_mode === 'UNIFIED';
    const category = f.h.county_code === QIAOJIA ? (swaps ? FlatCategory.BASIC : FlatCategory.GUARANTEED) : FlatCategory.STANDARD;
    if (!swaps) return { household: f, area, category, swapped: null };
    let swapped = random.chance(0.25) ? area : area + random.int(-2000, 1500);
    swapped = Math.max(100, Math.min(swapped, f.originalHundredths));
    if (area - swapped > maxExtra) area = swapped + random.int(0, maxExtra);
    return { household: f, area, category, swapped };
  }

  spareFlat(countyCode: string): FlatSpec {
    const [lo, hi] = FLAT_SIZES[this.random.int(2, 5)];
    const category = countyCode === QIAOJIA ? (this.random.chance(0.8) ? FlatCategory.BASIC : FlatCategory.GUARANTEED) : FlatCategory.STANDARD;
    return { household: null, area: hundredthsIn(this.random, lo, hi), category, swapped: null };
  }

  /** Binjiang: exactly its 25 buildings and 29 units, its flats spread evenly over the units. */
  fixedPlan(flats: number, buildings: number, units: number): BuildingPlan[] {
    const twoUnits = new Set(this.random.shuffle([...Array(buildings).keys()]).slice(0, units - buildings));
    const counts = apportion(flats, Array(units).fill(1));
    let next = 0;
    return Array.from({ length: buildings }, (_, b) => {
      const plans = counts.slice(next, (next += twoUnits.has(b) ? 2 : 1)).map((count) => ({ count, perFloor: Math.max(2, Math.ceil(count / 18)) }));
      return { floors: Math.max(1, ...plans.map((u) => Math.ceil(u.count / u.perFloor))), units: plans };
    });
  }

  /** Mid-rise blocks of 1–3 units, 6–18 storeys, filled until every flat has a place. */
  towerPlan(flats: number): BuildingPlan[] {
    const plans: BuildingPlan[] = [];
    for (let left = flats; left > 0;) {
      const floors = this.random.int(6, 18);
      const perFloor = this.random.int(2, 4);
      const units: UnitPlan[] = [];
      for (let u = this.random.weighted([[1, 30], [2, 50], [3, 20]] as const); u > 0 && left > 0; u--) {
        const count = Math.min(left, floors * perFloor);
        units.push({ count, perFloor });
        left -= count;
      }
      plans.push({ floors, units });
    }
    return plans;
  }

  /** Helped-built houses at a rural site: one building, one unit, one home per household. */
  housePlan(homes: number): BuildingPlan[] {
    return Array.from({ length: homes }, () => ({ floors: this.random.int(2, 3), units: [{ count: 1, perFloor: 1 }] }));
  }

  addSite(site: SiteRow, plans: BuildingPlan[], specs: FlatSpec[]): void {
    this.sites.push(site);
    const place = { site_id: site.id, area_code: site.area_code, county_code: site.county_code };
    let next = 0;
    plans.forEach((plan, b) => {
      const building: BuildingRow = { id: stableUuid('building', site.id, String(b + 1)), ...place, number: `${b + 1}幢`, floors: plan.floors };
      this.buildings.push(building);
      plan.units.forEach((unitPlan, u) => {
        const unit: UnitRow = { id: stableUuid('unit', building.id, String(u + 1)), ...place, building_id: building.id, number: `${u + 1}单元` };
        this.units.push(unit);
        for (let i = 0; i < unitPlan.count; i++) {
          const floor = Math.floor(i / unitPlan.perFloor) + 1;
          const number = `${pad2(floor)}${pad2((i % unitPlan.perFloor) + 1)}`;
          const spec = specs[next++];
          const flat: FlatRow = {
            id: stableUuid('flat', unit.id, number), ...place, unit_id: unit.id, building_id: building.id, floor, number,
            floor_area: decimal(spec.area), category: spec.category,
          };
          this.flats.push(flat);
          if (spec.household) this.allocate(flat, spec);
        }
      });
    });
    if (next !== specs.length) throw new Error(`${site.name}: ${specs.length} flats planned, ${next} placed`);
  }

  private allocate(flat: FlatRow, spec: FlatSpec): void {
    const random = this.random;
    const h = spec.household!.h;
    const moved = h.relocated_on;
    const allocatedOn = addDays(moved ?? h.registered_on, -random.int(60, 240));
    const handedOverOn = moved ? addDays(moved, -random.int(3, 45)) : null;
    const occupancy = moved ? random.weighted([[OccupancyStatus.OCCUPIED, 88], [OccupancyStatus.RENTED_OUT, 7], [OccupancyStatus.VACANT, 5]] as const) : null;
    this.allocations.push({
      id: stableUuid('allocation', flat.id),
      flat_id: flat.id,
      household_id: h.id,
      area_code: h.area_code,
      site_area_code: flat.area_code,
      county_code: h.county_code,
      swapped_area: spec.swapped === null ? null : decimal(spec.swapped),
      allocated_area: flat.floor_area,
      settlement: settlementOf(spec.area / 100, spec.swapped === null ? null : spec.swapped / 100),
      allocated_on: allocatedOn,
      handed_over_on: handedOverOn,
      occupied_on: occupancy && occupancy !== OccupancyStatus.VACANT ? moved : null,
      occupancy_status: occupancy,
    });
  }
}

function buildSites(random: Random, registry: RegistrySnapshot, facts: HouseholdFacts[]): SiteBuilder {
  const builder = new SiteBuilder(random);
  const names = new Map(registry.areas.map((a) => [a.code, a.name]));
  const binjiang = registry.areas.find((a) => a.name === BINJIANG.name && a.county_code === BINJIANG.countyCode)?.code;
  const byCommunity = new Map<string, HouseholdFacts[]>();
  for (const f of facts) {
    const code = f.h.area_code.slice(0, 12);
    const members = byCommunity.get(code);
    if (members) members.push(f);
    else byCommunity.set(code, [f]);
  }
  for (const [community, members] of [...byCommunity].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = names.get(community) ?? community;
    const county = countyOf(community);
    const urban = members.filter((f) => f.h.relocation_mode === 'URBANISATION');
    if (urban.length) {
      const maxExtra = county === SUIJIANG ? 1000 : 2000;
      let specs = random.shuffle(urban.map((f) => builder.urbanFlat(f, maxExtra)));
      const fixed = community === binjiang;
      if (!fixed) {
        const spares = Array.from({ length: Math.round(urban.length * SPARE_SHARE) }, () => builder.spareFlat(county));
        specs = random.shuffle([...specs, ...spares]);
      }
      const plans = fixed ? builder.fixedPlan(specs.length, FIGURES.binjiang.buildings, FIGURES.binjiang.units) : builder.towerPlan(specs.length);
      builder.addSite({
        id: stableUuid('site', community, SiteRelocationType.URBAN), name: `${name.replace(/社区$/, '')}安置点`, area_code: community, county_code: county,
        relocation_type: SiteRelocationType.URBAN, construction_mode: SiteConstructionMode.UNIFIED, capacity: specs.length, max_extra_area: decimal(maxExtra),
      }, plans, specs);
    }
    const centralised = members.filter((f) => f.h.relocation_mode === 'CENTRALISED');
    if (centralised.length) {
      const specs = centralised.map((f): FlatSpec => ({
        household: f, area: (90 + 25 * Math.min(f.size, 6)) * 100 + random.int(0, 4000), category: FlatCategory.STANDARD, swapped: null,
      }));
      builder.addSite({
        id: stableUuid('site', community, SiteRelocationType.CENTRALISED_RURAL), name: `${name}集中安置点`, area_code: community, county_code: county,
        relocation_type: SiteRelocationType.CENTRALISED_RURAL, construction_mode: SiteConstructionMode.INFRASTRUCTURE_UNIFIED,
        capacity: specs.length, max_extra_area: null,
      }, builder.housePlan(specs.length), specs);
    }
  }
  return builder;
}

/** The land-housing demo for a registry: the same registry and seed always give the same rows. */
export function generateLandHousingData(registry: RegistrySnapshot, options: { scale: number; seed?: number }): LandHousingData {
  const random = new Random(options.seed ?? DEFAULT_SEED).fork('land-housing');
  const figures = expectedLandHousingFigures(options.scale);
  const facts = householdFacts(random.fork('households'), registry);

  const landRandom = random.fork('land');
  const landTotal = Math.round(figures.prefecture.floodedLandMu * 100);
  const collectiveTotal = Math.round(landTotal * COLLECTIVE_SHARE);
  const parcels = [
    ...settle<LandParcelRow>(landDrafts(landRandom, facts), landTotal - collectiveTotal, 'area_mu'),
    ...settle<LandParcelRow>(collectiveDrafts(landRandom, facts, options.scale), collectiveTotal, 'area_mu'),
  ];
  numberParcels(parcels);

  const houses = settle<OriginalHouseRow>(houseDrafts(random.fork('houses'), facts), Math.round(figures.prefecture.originalFloorArea * 100), 'floor_area');
  const byHousehold = new Map(facts.map((f) => [f.h.id, f]));
  for (const house of houses) byHousehold.get(house.household_id)!.originalHundredths += Math.round(Number(house.floor_area) * 100);

  const sites = buildSites(random.fork('sites'), registry, facts);
  return {
    householdRefs: registry.households.map((h) => ({ id: h.id, area_code: h.area_code, county_code: h.county_code })),
    parcels,
    houses,
    sites: sites.sites,
    buildings: sites.buildings,
    units: sites.units,
    flats: sites.flats,
    allocations: sites.allocations,
  };
}
