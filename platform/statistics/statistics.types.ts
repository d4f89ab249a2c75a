import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { registerEnum } from '../graphql/enums';

/** Age bands of the statistics (age in whole years at the table's reference date). */
export enum AgeBand {
  AGE_0_15 = 'AGE_0_15',
  AGE_16_59 = 'AGE_16_59',
  AGE_60_PLUS = 'AGE_60_PLUS',
}

registerEnum(AgeBand, 'AgeBand', 'Age band · 年龄段', {
  AGE_0_15: 'Children, 0–15 · 0–15 岁',
  AGE_16_59: 'Working age, 16–59 · 16–59 岁',
  AGE_60_PLUS: '60 and over · 60 岁及以上',
});

/** Every cell type's `suppressed` field says this. */
export const SUPPRESSED_DESCRIPTION =
  'Counts fewer units than the threshold, or would let one be recovered by subtraction: measures withheld · 小数保护：本格数值不公布';

/** `XxxStatistics` table type for a cell type: the cells, the total and how many were suppressed. */
export function StatisticsTableType<C extends { suppressed: boolean }, D extends string>(cellType: ClassType<C>, dimensionEnum: Record<string, D>, name: string, description: string) {
  @ObjectType(`${name}Statistics`, { description })
  class Table {
    @Field(() => [dimensionEnum], { description: 'Dimensions the cells are grouped by · 分组维度' })
    groupBy: D[];

    @Field(() => [cellType], { description: 'One cell per combination of dimension values present (empty combinations are left out) · 各分组格' })
    rows: C[];

    @Field(() => cellType, {
      nullable: true,
      description: 'All cells together, suppressed ones included; empty when publishing it would reveal a suppressed cell · 合计（可能导致小数反推时不公布）',
    })
    total: C | null;

    @Field(() => Int, { description: 'Cells whose measures are withheld · 被保护（不公布）的格数' })
    suppressedCells: number;

    @Field(() => Int, { nullable: true, description: 'Smallest count published (SUPPRESSION_MIN_CELL); empty when you see exact counts · 公布的最小计数（精确可见时为空）' })
    minCell: number | null;
  }
  return Table;
}

/**
 * What every cell type starts with: the area dimensions (as the subgraph's `AdminArea`: its own
 * entity in households, a key stub elsewhere, resolved by the gateway) and `suppressed`. Each
 * subgraph's cell type extends it with its other dimensions and its measures.
 */
export function StatisticsCellBase<A extends object>(areaType: ClassType<A>, name: string) {
  @ObjectType(`${name}StatisticsCellBase`, { description: 'Cell fields every statistics table has · 统计格公共字段' })
  abstract class Base {
    @Field(() => areaType, { nullable: true, description: 'County · 县（区、市）' })
    county?: A;

    @Field(() => areaType, { nullable: true, description: 'Township · 乡（镇、街道）' })
    township?: A;

    @Field(() => areaType, { nullable: true, description: 'Village or community · 村（社区）' })
    community?: A;

    @Field({ description: SUPPRESSED_DESCRIPTION })
    suppressed: boolean;
  }
  return Base;
}
