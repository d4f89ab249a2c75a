import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import { Grid } from '../entities/grid.entity';
import { GridUnit } from '../entities/grid-unit.entity';
import { PartyOrganisation } from '../entities/party-organisation.entity';
import { AssignHouseholdsInput, CreateGridInput, CreateGridUnitInput, CreatePartyOrganisationInput } from '../inputs/mutations.input';
import type { PartyBuildingContext } from '../party-building.context';
import { assignHouseholds, createGrid, createGridUnit, createOrganisation } from '../services/structure.service';

@Resolver()
export class StructureMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => PartyOrganisation, { description: 'Create a party organisation under its parent · 新建党组织' })
  createPartyOrganisation(@Arg('input', { description: 'The organisation · 党组织' }) input: CreatePartyOrganisationInput, @Ctx() ctx: PartyBuildingContext) {
    return createOrganisation(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => Grid, { description: 'Create a grid in a community · 新建网格' })
  createGrid(@Arg('input', { description: 'The grid · 网格' }) input: CreateGridInput, @Ctx() ctx: PartyBuildingContext) {
    return createGrid(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => GridUnit, { description: 'Create a unit in a grid · 新建网格单元' })
  createGridUnit(@Arg('input', { description: 'The unit · 网格单元' }) input: CreateGridUnitInput, @Ctx() ctx: PartyBuildingContext) {
    return createGridUnit(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => GridUnit, { description: 'Put households into a grid unit (each leaves its previous unit) · 户划入网格单元' })
  assignHouseholdsToUnit(@Arg('input', { description: 'Unit and households · 单元与移民户' }) input: AssignHouseholdsInput, @Ctx() ctx: PartyBuildingContext) {
    return assignHouseholds(ctx, input);
  }
}
