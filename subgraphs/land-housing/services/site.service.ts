import { randomUUID } from 'node:crypto';
import { conflict, forbidden, Problems } from '../../../platform/graphql/errors';
import { inTransaction } from '../../../platform/db/transaction';
import { checkId, checkInt, checkName, checkText } from '../../../platform/graphql/validation';
import { Building } from '../entities/building.entity';
import { BuildingUnit } from '../entities/building-unit.entity';
import { Flat } from '../entities/flat.entity';
import { ResettlementSite } from '../entities/resettlement-site.entity';
import type { CreateBuildingInput, CreateFlatsInput, CreateSiteInput } from '../inputs/site.input';
import { SiteConstructionMode } from '../land-housing.enums';
import type { LandHousingContext } from '../land-housing.context';
import { checkAmount, checkCode } from './land-housing.validation';
import { loadForChange } from '../../../platform/db/load-for-change';
import { countyOf } from '../../../platform/domain/area-code';

const MAX_FLATS_PER_CALL = 500;

export async function createSite(ctx: LandHousingContext, input: CreateSiteInput): Promise<ResettlementSite> {
  const problems = new Problems();
  checkName(problems, 'input.name', input.name, '名称', 64);
  const areaCode = checkCode(problems, 'input.areaCode', input.areaCode, 12, '所在社区');
  checkInt(problems, 'input.capacity', input.capacity, 1, 100_000, '设计安置户数');
  const unified = input.constructionMode === SiteConstructionMode.UNIFIED;
  const hasExtra = input.maxExtraArea !== undefined && input.maxExtraArea !== null;
  if (hasExtra && !unified) problems.add('input.maxExtraArea', '只有统建安置点才有置换增购面积', 'maxExtraArea applies only to unified (floor-area swap) sites');
  if (hasExtra && input.maxExtraArea !== 0) checkAmount(problems, 'input.maxExtraArea', input.maxExtraArea, '增购面积', '平方米', 0.01, 100);
  problems.throwIfAny();
  if (!ctx.scope.covers(areaCode)) throw forbidden();

  const name = input.name.trim();
  return inTransaction(
    ctx,
    async (manager) => {
      if (await manager.existsBy(ResettlementSite, { areaCode, name })) throw conflict('input.name', '该社区已有同名安置点', 'The community already has a site of this name');
      const id = randomUUID();
      await manager.insert(ResettlementSite, {
        id, name, areaCode, countyCode: countyOf(areaCode), relocationType: input.relocationType, constructionMode: input.constructionMode,
        capacity: input.capacity, maxExtraArea: unified ? input.maxExtraArea ?? 0 : null,
      });
      return manager.findOneByOrFail(ResettlementSite, { id });
    },
    () => conflict('input.name', '该社区已有同名安置点', 'The community already has a site of this name'),
  );
}

export async function createBuilding(ctx: LandHousingContext, input: CreateBuildingInput): Promise<Building> {
  const problems = new Problems();
  checkId(problems, 'input.siteId', input.siteId);
  checkText(problems, 'input.number', input.number, '幢号', 16);
  checkInt(problems, 'input.floors', input.floors, 1, 60, '层数');
  checkInt(problems, 'input.units', input.units, 1, 12, '单元数');
  problems.throwIfAny();

  const number = input.number.trim();
  const taken = () => conflict('input.number', '该安置点已有此幢号', 'The site already has a building of this number');
  return inTransaction(
    ctx,
    async (manager) => {
      const site = await loadForChange(manager, ctx, ResettlementSite, { id: input.siteId.toLowerCase(), field: 'input.siteId', what: ['该安置点', 'Resettlement site'] });
      if (await manager.existsBy(Building, { siteId: site.id, number })) throw taken();
      const place = { siteId: site.id, areaCode: site.areaCode, countyCode: site.countyCode };
      const building = { id: randomUUID(), ...place, number, floors: input.floors };
      await manager.insert(Building, building);
      await manager.insert(
        BuildingUnit,
        Array.from({ length: input.units }, (_, i) => ({ id: randomUUID(), ...place, buildingId: building.id, number: `${i + 1}单元` })),
      );
      return manager.findOneByOrFail(Building, { id: building.id });
    },
    taken,
  );
}

export async function createFlats(ctx: LandHousingContext, input: CreateFlatsInput): Promise<Flat[]> {
  const problems = new Problems();
  checkId(problems, 'input.unitId', input.unitId);
  if (input.flats.length < 1 || input.flats.length > MAX_FLATS_PER_CALL) {
    problems.add('input.flats', `每次须登记 1–${MAX_FLATS_PER_CALL} 套`, `flats must hold 1 to ${MAX_FLATS_PER_CALL} flats`);
  }
  const numbers = new Map<string, number>();
  input.flats.forEach((flat, i) => {
    const path = `input.flats[${i}]`;
    checkInt(problems, `${path}.floor`, flat.floor, 1, 60, '楼层');
    checkText(problems, `${path}.number`, flat.number, '房号', 16);
    checkAmount(problems, `${path}.floorArea`, flat.floorArea, '建筑面积', '平方米', 10, 500);
    const number = flat.number?.trim();
    if (number && numbers.has(number)) problems.add(`${path}.number`, `房号与第 ${numbers.get(number)! + 1} 套重复`, `${path}.number repeats flats[${numbers.get(number)}]`);
    else if (number) numbers.set(number, i);
  });
  problems.throwIfAny();

  return inTransaction(
    ctx,
    async (manager) => {
      const unit = await loadForChange(manager, ctx, BuildingUnit, { id: input.unitId.toLowerCase(), field: 'input.unitId', what: ['该单元', 'Unit'] });
      const building = await manager.findOneByOrFail(Building, { id: unit.buildingId });
      const later = new Problems();
      input.flats.forEach((flat, i) => {
        if (flat.floor > building.floors) later.add(`input.flats[${i}].floor`, `楼层超出该楼栋层数（${building.floors} 层）`, `floor is above the building’s ${building.floors} storeys`);
      });
      later.throwIfAny();
      const existing = await manager
        .getRepository(Flat)
        .createQueryBuilder('f')
        .select('f.number', 'number')
        .where('f.unit_id = :unit AND f.number = ANY(:numbers)', { unit: unit.id, numbers: [...numbers.keys()] })
        .getRawOne<{ number: string }>();
      if (existing) throw conflict(`input.flats[${numbers.get(existing.number)}].number`, '该单元已有此房号', 'The unit already has a flat of this number');
      const place = { unitId: unit.id, buildingId: unit.buildingId, siteId: unit.siteId, areaCode: unit.areaCode, countyCode: unit.countyCode };
      const rows = input.flats.map((flat) => ({ id: randomUUID(), ...place, floor: flat.floor, number: flat.number.trim(), floorArea: flat.floorArea, category: flat.category }));
      await manager.insert(Flat, rows);
      return manager.getRepository(Flat).createQueryBuilder('f').where('f.id = ANY(:ids)', { ids: rows.map((r) => r.id) }).orderBy('f.floor').addOrderBy('f.number').getMany();
    },
    () => conflict('input.flats', '该单元已有其中的房号', 'The unit already has one of these flat numbers'),
  );
}
