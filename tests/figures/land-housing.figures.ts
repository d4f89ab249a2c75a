import { DEMO_IDENTITIES } from '../../gateway/demo-identities';
import { expectedFigures } from '../../subgraphs/households/demo/figures';
import { DEMO_AREAS, PREFECTURE_CODE } from '../../subgraphs/households/demo/geography';
import { expectedLandHousingFigures } from '../../subgraphs/land-housing/demo/figures';
import type { FigureCheck } from './index';

/** The land and housing figures of DOMAIN.md, asked of the demo through the gateway. */
const FIGURES_QUERY = `query ($prefecture: String!, $binjiang: String!) {
  prefecture: area(code: $prefecture) { inventory { floodedLandMu originalFloorArea landByUse { mu } } }
  binjiang: area(code: $binjiang) {
    name
    inventory { buildings units flats flatsByStatus { status flats } }
    resettlementSites { buildings { units { number } } }
  }
  binjiangHouseholds: households(filter: { areaCode: $binjiang }) { totalCount }
}`;

const PREFECTURE_INVENTORY = `query ($prefecture: String!) { area(code: $prefecture) { inventory {
  floodedLandMu householdLandMu collectiveLandMu landByUse { landUse parcels mu } originalHouses originalFloorArea
  housesByStructure { structure houses floorArea } sites buildings units flats flatsByStatus { status flats floorArea } } } }`;

export const landHousingFigures: FigureCheck = {
  title: 'the flooded land and houses, and Binjiang’s buildings, units and flats',
  async run(env, scale) {
    const f = expectedLandHousingFigures(scale);
    const res = await env.query(DEMO_IDENTITIES.prefecture, FIGURES_QUERY, { prefecture: PREFECTURE_CODE, binjiang: DEMO_AREAS.binjiang });
    expect(res.errors).toBeUndefined();
    const d = res.data;
    const prefecture = d.prefecture.inventory;
    expect({ floodedLandMu: prefecture.floodedLandMu, originalFloorArea: prefecture.originalFloorArea }).toEqual(f.prefecture);
    expect(prefecture.landByUse.reduce((sum: number, u: { mu: number }) => sum + Math.round(u.mu * 100), 0)).toBe(f.prefecture.floodedLandMu * 100);
    expect(d.binjiang.name).toBe('滨江社区');
    const sites = d.binjiang.resettlementSites;
    expect({
      buildings: d.binjiang.inventory.buildings,
      units: d.binjiang.inventory.units,
    }).toEqual(f.binjiang);
    expect(sites.flatMap((s: { buildings: { units: unknown[] }[] }) => s.buildings.flatMap((b) => b.units))).toHaveLength(f.binjiang.units);
    // a flat for each of Binjiang's households, every one of them allocated
    expect(d.binjiangHouseholds.totalCount).toBe(expectedFigures(scale).binjiang.households);
    expect(d.binjiang.inventory.flats).toBe(d.binjiangHouseholds.totalCount);
    const unallocated = d.binjiang.inventory.flatsByStatus.find((s: { status: string }) => s.status === 'UNALLOCATED').flats;
    expect(unallocated).toBe(0);
    // the published values themselves, so that a change to the spec cannot pass silently
    expect(expectedLandHousingFigures(1)).toEqual({ prefecture: { floodedLandMu: 310_000, originalFloorArea: 10_320_000 }, binjiang: { buildings: 25, units: 29 } });

    // timing of the prefecture-wide inventory (every total, all three stations), through the gateway
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = process.hrtime.bigint();
      const timed = await env.query(DEMO_IDENTITIES.prefecture, PREFECTURE_INVENTORY, { prefecture: PREFECTURE_CODE });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      expect(timed.data.area.inventory.floodedLandMu).toBe(f.prefecture.floodedLandMu);
    }
    console.log(`[${env.engine}] prefecture-wide AdminArea.inventory through the gateway: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  },
};
