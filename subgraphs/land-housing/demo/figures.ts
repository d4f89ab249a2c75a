/**
 * The land and housing figures from the seeds (DOMAIN.md) that the demo reproduces exactly.
 * Areas scale with the data set (to the hundredth); Binjiang's buildings and units are
 * physical facts and do not, like the households subgraph's resident groups.
 */
export const FIGURES = Object.freeze({
  prefecture: { floodedLandMu: 310_000, originalFloorArea: 10_320_000 }, // 淹没土地31万亩, 淹没房屋1032万平方米
  binjiang: { buildings: 25, units: 29 }, // 滨江社区 25幢 29个单元
});

/** Binjiang community (滨江社区, 玉屏街道, 巧家县), found in the registry by name and county. */
export const BINJIANG = { name: '滨江社区', countyCode: '530622' } as const;

export interface LandHousingFigures {
  prefecture: { floodedLandMu: number; originalFloorArea: number };
  binjiang: { buildings: number; units: number };
}

/** Rounds to hundredths (the precision areas are stored with). */
const hundredths = (x: number) => Math.round(x * 100) / 100;

/** The figures a data set generated at `scale` reproduces. */
export function expectedLandHousingFigures(scale = 1): LandHousingFigures {
  return {
    prefecture: {
      floodedLandMu: hundredths(FIGURES.prefecture.floodedLandMu * scale),
      originalFloorArea: hundredths(FIGURES.prefecture.originalFloorArea * scale),
    },
    binjiang: { ...FIGURES.binjiang },
  };
}
