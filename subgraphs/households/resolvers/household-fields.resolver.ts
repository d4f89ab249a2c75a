import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { AdminArea } from '../entities/admin-area.entity';
import { Household } from '../entities/household.entity';
import { Person } from '../entities/person.entity';
import { PowerStation } from '../entities/power-station.entity';
import type { HouseholdsContext } from '../households.context';

@Resolver(() => Household)
export class HouseholdFieldsResolver {
  @FieldResolver(() => PowerStation, { description: 'Power station whose reservoir displaced the household · 所属电站' })
  station(@Root() h: Household, @Ctx() ctx: HouseholdsContext) {
    return ctx.loaders.station.load(h.stationId);
  }

  @FieldResolver(() => AdminArea, { nullable: true, description: 'Village/community before relocation · 原居住地' })
  originalArea(@Root() h: Household, @Ctx() ctx: HouseholdsContext) {
    // the village left behind may lie outside a community worker's area: then there is nothing to show
    return ctx.loaders.area.load(h.originalAreaCode).catch(() => null);
  }

  @FieldResolver(() => AdminArea, { description: 'Resident group the household lives in now · 现居住地（居民小组）' })
  currentArea(@Root() h: Household, @Ctx() ctx: HouseholdsContext) {
    return ctx.loaders.area.load(h.areaCode);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Head of household · 户主' })
  async head(@Root() h: Household, @Ctx() ctx: HouseholdsContext): Promise<Person | null> {
    if (!h.headId) return null;
    const members = await ctx.loaders.members.load(h.id);
    return members.find((m) => m.id === h.headId) ?? null;
  }

  @FieldResolver(() => [Person], { description: 'Active members, eldest first · 在册家庭成员' })
  members(@Root() h: Household, @Ctx() ctx: HouseholdsContext): Promise<Person[]> {
    return ctx.loaders.members.load(h.id);
  }

  @FieldResolver(() => Int, { description: 'Number of active members · 在册人数' })
  async memberCount(@Root() h: Household, @Ctx() ctx: HouseholdsContext): Promise<number> {
    return (await ctx.loaders.members.load(h.id)).length;
  }
}
