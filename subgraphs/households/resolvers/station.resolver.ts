import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AdminArea } from '../entities/admin-area.entity';
import { PowerStation } from '../entities/power-station.entity';
import type { HouseholdsContext } from '../households.context';

@Resolver(() => PowerStation)
export class StationResolver {
  @Query(() => [PowerStation], { description: 'The three power stations · 三座水电站' })
  stations(@Ctx() ctx: HouseholdsContext): Promise<PowerStation[]> {
    return ctx.dataSource.getRepository(PowerStation).find({ order: { capacityMw: 'DESC' } });
  }

  @Query(() => PowerStation, { nullable: true, description: 'One power station · 按标识查询电站' })
  station(@Arg('id', () => ID) id: string, @Ctx() ctx: HouseholdsContext): Promise<PowerStation | null> {
    return ctx.loaders.station.load(id);
  }

  @FieldResolver(() => [AdminArea], { description: 'Counties whose residents this station displaced (those you may see) · 涉及县（区、市）' })
  async affectedCounties(@Root() station: PowerStation, @Ctx() ctx: HouseholdsContext): Promise<AdminArea[]> {
    const areas = await Promise.all(station.affectedCountyCodes.filter((c) => ctx.scope.seesArea(c)).map((c) => ctx.loaders.area.load(c)));
    return areas.filter((a): a is AdminArea => a !== null);
  }
}
