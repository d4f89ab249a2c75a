import { assertScale } from '../../../platform/demo/scale';

/**
 * The employment figures of DOMAIN.md ("Employment") that the demo reproduces. Counts scale with
 * the data set (× scale, rounded); rates and incomes do not.
 */
export interface EmploymentFigures {
  prefecture: {
    publicWelfarePostsFilled: number; // 公益性岗位 2,000+ (filled on 31 Dec 2023)
    trainingPersonTimes: number; // 实用技术、职业技能培训 ~20,000 person-times
    vocationalEducation: number; // 职业教育 ~1,000
  };
  wenbi: { minEmploymentRate: number; perCapitaNetIncome2023: number }; // 文笔社区: > 85 %, ≈ 15,000 yuan
  qiujiayu: { minPerCapitaNetIncome2023: number }; // 邱家屿社区: > 11,000 yuan
}

export const EMPLOYMENT_FIGURES: Readonly<EmploymentFigures> = Object.freeze({
  prefecture: { publicWelfarePostsFilled: 2_046, trainingPersonTimes: 20_000, vocationalEducation: 1_000 },
  wenbi: { minEmploymentRate: 0.85, perCapitaNetIncome2023: 15_000 },
  qiujiayu: { minPerCapitaNetIncome2023: 11_000 },
});

/** The year the income and post figures are stated for. */
export const FIGURE_YEAR = 2023;

export function expectedEmploymentFigures(scale = 1): EmploymentFigures {
  assertScale(scale);
  const p = EMPLOYMENT_FIGURES.prefecture;
  return {
    prefecture: {
      publicWelfarePostsFilled: Math.round(p.publicWelfarePostsFilled * scale),
      trainingPersonTimes: Math.round(p.trainingPersonTimes * scale),
      vocationalEducation: Math.round(p.vocationalEducation * scale),
    },
    wenbi: { ...EMPLOYMENT_FIGURES.wenbi },
    qiujiayu: { ...EMPLOYMENT_FIGURES.qiujiayu },
  };
}
