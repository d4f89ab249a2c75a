import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AdminArea } from '../entities/admin-area.entity';
import type { HouseholdsContext } from '../households.context';

@Resolver(() => AdminArea)
export class AreaFieldsResolver {
  @FieldResolver(() => AdminArea, { nullable: true, description: 'Parent area · 上级区划' })
  parent(@Root() area: AdminArea, @Ctx() ctx: HouseholdsContext): Promise<AdminArea | null> | null {
    return area.parentCode ? ctx.loaders.area.load(area.parentCode) : null;
  }

  @FieldResolver(() => [AdminArea], { description: 'Areas directly below, inside your jurisdiction · 下级区划' })
  children(@Root() area: AdminArea, @Ctx() ctx: HouseholdsContext): Promise<AdminArea[]> {
    return ctx.loaders.areaChildren.load(area.code);
  }
}
