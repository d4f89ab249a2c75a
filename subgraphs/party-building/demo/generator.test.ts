import { generateDemoData } from '../../households/demo/generator';
import { DEMO_AREAS } from '../../households/demo/geography';
import { DEMO_REFERENCE_DATE, expectedPartyBuildingFigures, FIVE_YEARS_FROM, HALF_YEAR_FROM, PARTY_BUILDING_FIGURES } from './figures';
import { generatePartyBuildingDemo } from './generator';
import type { PartyBuildingDemo } from './rows';

/** The figures counted straight from the generated rows, the way the SQL aggregates count them. */
function measure(demo: PartyBuildingDemo) {
  const resolvedBetween = (category: string, from: string, to: string, area = '') =>
    demo.cases.filter((c) => c.category === category && c.status === 'RESOLVED' && c.closed_on! >= from && c.closed_on! <= to && c.area_code.startsWith(area)).length;
  const yongshanInGrids = demo.cadres.filter((c) => c.county_code === DEMO_AREAS.yongshan && c.grid_id !== null);
  return {
    wenbi: {
      grids: demo.grids.filter((g) => g.area_code.startsWith(DEMO_AREAS.wenbi)).length,
      gridUnits: demo.units.filter((u) => u.area_code.startsWith(DEMO_AREAS.wenbi)).length,
      households: demo.householdUnits.filter((h) => h.area_code.startsWith(DEMO_AREAS.wenbi)).length,
    },
    prefecture: {
      gridProblemsResolved: resolvedBetween('GRID_PROBLEM', FIVE_YEARS_FROM, DEMO_REFERENCE_DATE),
      livelihoodTasksResolved: resolvedBetween('LIVELIHOOD_TASK', FIVE_YEARS_FROM, DEMO_REFERENCE_DATE),
    },
    binjiang: { disputesMediated: resolvedBetween('DISPUTE_MEDIATION', HALF_YEAR_FROM, DEMO_REFERENCE_DATE, DEMO_AREAS.binjiang) },
    yongshan: { cadresInGrids: yongshanInGrids.length, countyUnits: new Set(yongshanInGrids.map((c) => c.work_unit)).size },
  };
}

describe('party-building demo generator', () => {
  // the full-scale registry and demo are generated once for the tests that need them
  const built = new Map<number, { registry: ReturnType<typeof generateDemoData>; demo: PartyBuildingDemo }>();
  const build = (scale: number) => {
    if (!built.has(scale)) {
      const registry = generateDemoData({ scale });
      built.set(scale, { registry, demo: generatePartyBuildingDemo(registry, { scale }) });
    }
    return built.get(scale)!;
  };

  it.each([1, 0.02])('reproduces the figures at scale %s', (scale) => {
    const { registry, demo } = build(scale);
    expect(measure(demo)).toEqual(expectedPartyBuildingFigures(scale));
    // every household of the registry is in exactly one unit, and every unit's grid exists
    expect(new Set(demo.householdUnits.map((h) => h.household_id)).size).toBe(registry.households.length);
    const grids = new Set(demo.grids.map((g) => g.id));
    expect(demo.units.every((u) => grids.has(u.grid_id))).toBe(true);
  });

  it('uses the published values at full scale, and splits Wenbi into units of 16 or 17 households', () => {
    expect(expectedPartyBuildingFigures(1)).toEqual(PARTY_BUILDING_FIGURES);
    const { demo } = build(1);
    const sizes = new Map<string, number>();
    for (const h of demo.householdUnits) if (h.area_code.startsWith(DEMO_AREAS.wenbi)) sizes.set(h.unit_id, (sizes.get(h.unit_id) ?? 0) + 1);
    expect(new Set(sizes.values())).toEqual(new Set([16, 17]));
  });

  it('is deterministic, and records a transition for every step of every case in order', () => {
    const registry = generateDemoData({ scale: 0.01 });
    const a = generatePartyBuildingDemo(registry, { scale: 0.01 });
    const b = generatePartyBuildingDemo(registry, { scale: 0.01 });
    expect(b).toEqual(a);
    for (const c of a.cases) {
      const steps = a.transitions.filter((t) => t.case_id === c.id);
      expect(steps[0].from_status).toBeNull();
      expect(steps[steps.length - 1].to_status).toBe(c.status);
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i].from_status).toBe(steps[i - 1].to_status);
        expect(steps[i].at > steps[i - 1].at).toBe(true);
      }
    }
  });
});
