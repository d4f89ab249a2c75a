import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { PowerStation } from '../entities/power-station.entity';
import type { HouseholdsContext } from '../households.context';

@Resolver(() => PowerStation)
export class StationResolver {
  @Query(() => [PowerStation], { description: 'The three power stations · 三座水电站' })
  stations(@Ctx() ctx: HouseholdsContext): Promise<PowerStation[]> {
    return ctx.dataSource.getRepository(PowerStation).find({ order: { capacityMw: 'DESC' } });
  }

  @Query(() => PowerStation, { nullable: true, description: 'One power station · 按标识查询电站' })
  station(@Arg('id', () => ID, { description: 'Station id (BAIHETAN, XILUODU, XIANGJIABA) · 电站标识' }) id: string, @Ctx() ctx: HouseholdsContext): Promise<PowerStation | null> {
    return ctx.loaders.station.load(id);
  }
}
