import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AdminArea } from '../entities/admin-area.entity';
import { PowerStation } from '../entities/power-station.entity';
import type { HouseholdsContext } from '../households.context';

@Resolver(() => PowerStation)
export class StationFieldsResolver {
  @FieldResolver(() => [AdminArea], { description: 'Counties whose residents this station displaced (those you may see) · 涉及县（区、市）' })
  async affectedCounties(@Root() station: PowerStation, @Ctx() ctx: HouseholdsContext): Promise<AdminArea[]> {
    const areas = await Promise.all(station.affectedCountyCodes.filter((c) => ctx.scope.seesArea(c)).map((c) => ctx.loaders.area.load(c)));
    return areas.filter((a): a is AdminArea => a !== null);
  }
}
