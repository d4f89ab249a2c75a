import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Problems } from '../../../platform/graphql/errors';
import { isAreaCodeShape, normalizeAreaCode } from '../../../platform/graphql/validation';
import { likePrefix } from '../../../platform/db/raw-sql';
import { checkText } from '../../../platform/graphql/validation';
import { applyAreaFilter } from '../../../platform/security/scope';
import { AdminArea } from '../entities/admin-area.entity';
import { AreaLevel } from '../households.enums';
import type { HouseholdsContext } from '../households.context';
import { visibleAreas } from '../households.loaders';

function checkCode(code: string, field: string): string {
  const normalized = normalizeAreaCode(code);
  const problems = new Problems();
  if (!isAreaCodeShape(normalized)) problems.add(field, '区划代码须为 6、9、12 或 15 位数字', 'An area code has 6, 9, 12 or 15 digits');
  problems.throwIfAny();
  return normalized;
}

@Resolver(() => AdminArea)
export class AreaResolver {
  @Query(() => AdminArea, { nullable: true, description: 'One area by code (old codes such as 530630 are mapped) · 按代码查询区划' })
  area(@Arg('code', { description: 'Area code · 区划代码' }) code: string, @Ctx() ctx: HouseholdsContext): Promise<AdminArea | null> {
    return ctx.loaders.area.load(checkCode(code, 'code'));
  }

  @Query(() => [AdminArea], {
    description: 'Areas by name, level and/or parent, inside your jurisdiction; whole-name matches first · 按名称、层级或上级查询区划（全称匹配在前）',
  })
  areas(
    @Ctx() ctx: HouseholdsContext,
    @Arg('level', () => AreaLevel, { nullable: true, description: 'Level · 层级' }) level?: AreaLevel,
    @Arg('parentCode', () => String, { nullable: true, description: 'Parent area code · 上级区划代码' }) parentCode?: string,
    @Arg('withinCode', () => String, { nullable: true, description: 'Only areas at or below this code · 仅此区划及其下级' }) withinCode?: string,
    @Arg('name', () => String, { nullable: true, description: 'The whole name or its beginning, e.g. 邱家屿 finds 邱家屿社区 · 名称（全称或开头，如“邱家屿”）' }) name?: string,
  ): Promise<AdminArea[]> {
    const qb = visibleAreas(ctx.dataSource, ctx.scope);
    if (name !== undefined && name !== null) {
      const problems = new Problems();
      checkText(problems, 'name', name, '名称', 50);
      problems.throwIfAny();
      qb.andWhere('a.name LIKE :prefix', { prefix: likePrefix(name.trim()) }).addOrderBy('CASE WHEN a.name = :exact THEN 0 ELSE 1 END').setParameter('exact', name.trim());
    }
    if (level) qb.andWhere('a.level = :level', { level });
    if (parentCode) qb.andWhere('a.parent_code = :parent', { parent: checkCode(parentCode, 'parentCode') });
    if (withinCode) applyAreaFilter(ctx.scope, qb, 'a.code', withinCode, 'withinCode');
    return qb.addOrderBy('a.code').limit(5000).getMany();
  }
}
