import { assertScale } from '../../../platform/demo/scale';

/**
 * The figures from the seeds (DOMAIN.md, "Figures the demo data must reproduce") that the demo
 * household and person rows reproduce exactly. Counts of people and households scale with the
 * data set; counts of resident groups belong to the area tree and do not.
 */
export interface DemoFigures {
  prefecture: {
    persons: number; // 16万 resettled people
    annualCompensation: number; // production mode 逐年补偿
    urbanisation: number; // relocation mode 城镇化安置
  };
  wenbi: { households: number; persons: number; groups: number }; // 文笔社区, 蒙姑镇
  qiujiayu: {
    groups: number;
    persons: number;
    leftBehindElderly: number;
    leftBehindChildren: number;
    disabled: number;
  }; // 邱家屿社区, 玉屏街道
  binjiang: { groups: number; households: number; persons: number }; // 滨江社区, 玉屏街道
}

export const FIGURES: Readonly<DemoFigures> = Object.freeze({
  prefecture: { persons: 160_000, annualCompensation: 115_800, urbanisation: 132_800 },
  wenbi: { households: 1_590, persons: 5_100, groups: 11 },
  qiujiayu: { groups: 15, persons: 6_053, leftBehindElderly: 5, leftBehindChildren: 22, disabled: 8 },
  binjiang: { groups: 10, households: 1_661, persons: 4_484 },
});

/** Figures that are area-tree facts and do not scale. */
const UNSCALED = new Set(['groups']);

/** The figures a data set generated at `scale` reproduces: every count × scale, rounded. */
export function expectedFigures(scale = 1): DemoFigures {
  assertScale(scale);
  const scaleGroup = <T extends object>(group: T): T => {
    const out: Record<string, number> = {};
    for (const [key, value] of Object.entries(group)) {
      out[key] = UNSCALED.has(key) ? (value as number) : Math.round((value as number) * scale);
    }
    return out as T;
  };
  return {
    prefecture: scaleGroup(FIGURES.prefecture),
    wenbi: scaleGroup(FIGURES.wenbi),
    qiujiayu: scaleGroup(FIGURES.qiujiayu),
    binjiang: scaleGroup(FIGURES.binjiang),
  };
}
