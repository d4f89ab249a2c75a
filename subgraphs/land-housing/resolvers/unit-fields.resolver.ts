import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Building } from '../entities/building.entity';
import { BuildingUnit } from '../entities/building-unit.entity';
import { Flat } from '../entities/flat.entity';
import type { LandHousingContext } from '../land-housing.context';

@Resolver(() => BuildingUnit)
export class UnitFieldsResolver {
  @FieldResolver(() => Building, { description: 'Building the unit belongs to · 所属楼栋' })
  building(@Root() unit: BuildingUnit, @Ctx() ctx: LandHousingContext) {
    return ctx.loaders.building.load(unit.buildingId);
  }

  @FieldResolver(() => [Flat], { description: 'Flats, by floor and number · 安置房' })
  flats(@Root() unit: BuildingUnit, @Ctx() ctx: LandHousingContext): Promise<Flat[]> {
    return ctx.loaders.flatsOfUnit.load(unit.id);
  }
}
