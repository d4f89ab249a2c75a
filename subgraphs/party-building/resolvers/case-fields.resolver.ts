import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { today } from '../../../platform/graphql/validation';
import { Cadre } from '../entities/cadre.entity';
import { CaseTransition } from '../entities/case-transition.entity';
import { GovernanceCase } from '../entities/governance-case.entity';
import { Grid } from '../entities/grid.entity';
import { HouseholdStub, householdRef } from '../entities/household.stub';
import { OPEN_STATUSES } from '../party-building.enums';
import type { PartyBuildingContext } from '../party-building.context';

@Resolver(() => GovernanceCase)
export class GovernanceCaseFieldsResolver {
  @FieldResolver(() => HouseholdStub, { nullable: true, description: 'Household concerned · 涉及移民户' })
  household(@Root() c: GovernanceCase) {
    return c.householdId ? householdRef(c.householdId) : null;
  }

  @FieldResolver(() => Grid, { nullable: true, description: 'Grid · 网格' })
  grid(@Root() c: GovernanceCase, @Ctx() ctx: PartyBuildingContext) {
    return c.gridId ? ctx.loaders.grid.load(c.gridId) : null;
  }

  @FieldResolver(() => Cadre, { nullable: true, description: 'First responsible person (首问责任制) · 首问责任人' })
  firstResponsible(@Root() c: GovernanceCase, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.cadre.load(c.firstResponsibleId).catch(() => null);
  }

  @FieldResolver(() => Cadre, { nullable: true, description: 'Handler it was assigned to · 承办人' })
  assignee(@Root() c: GovernanceCase, @Ctx() ctx: PartyBuildingContext) {
    return c.assigneeId ? ctx.loaders.cadre.load(c.assigneeId).catch(() => null) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Still being handled and past its deadline, as of today · 是否超期未办结' })
  overdue(@Root() c: GovernanceCase): boolean {
    return OPEN_STATUSES.includes(c.status) && c.deadline < today();
  }

  @FieldResolver(() => [CaseTransition], { description: 'Every move along the flow, oldest first · 流转记录' })
  transitions(@Root() c: GovernanceCase, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.caseTransitions.load(c.id);
  }
}
