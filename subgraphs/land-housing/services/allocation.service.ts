import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { conflict, Problems } from '../../shared/errors';
import { cents } from '../../shared/decimal';
import { tableOf } from '../../shared/raw-sql';
import { inTransaction } from '../../shared/transaction';
import { today } from '../../shared/validation';
import { Allocation } from '../entities/allocation.entity';
import { Flat } from '../entities/flat.entity';
import { HouseholdRef } from '../entities/household-ref.entity';
import { OriginalHouse } from '../entities/original-house.entity';
import { ResettlementSite } from '../entities/resettlement-site.entity';
import type { AllocateFlatInput, ChangeOccupancyInput, HandOverFlatInput } from '../inputs/allocation.input';
import { FlatCategory, OccupancyStatus, SiteConstructionMode } from '../land-housing.enums';
import type { LandHousingContext } from '../land-housing.context';
import { scoped, scopedAllocations } from '../land-housing.loaders';
import { checkAmount, checkId, checkRequiredDate } from './checks';
import { checkHouseholdInput, householdForRecord } from './household-ref.service';
import { settlementOf } from './settlement';
import { loadForChange } from './load-for-change';

const taken = () => conflict('input.flatId', '该房源已分配', 'The flat is already allocated');

/** Surveyed original floor area of a household not yet swapped for a flat, in hundredths of m². */
async function unswappedHundredths(manager: EntityManager, householdId: string): Promise<number> {
  const [row] = await manager.query(
    `SELECT COALESCE((SELECT sum(floor_area) FROM ${tableOf(manager.connection, OriginalHouse)} WHERE household_id = $1), 0)
          - COALESCE((SELECT sum(swapped_area) FROM ${tableOf(manager.connection, Allocation)} WHERE household_id = $1), 0) AS left`,
    [householdId],
  );
  return cents(Number(row.left));
}

/**
 * The site's rules for an area swap (房屋面积置换): only unified sites swap; basic housing is
 * allocated against a swap, guaranteed housing without one (standard flats either way); the swap
 * cannot exceed the household's surveyed floor area not yet swapped; and the flat may exceed the
 * swap by at most the site's `maxExtraArea`.
 */
async function checkSwap(manager: EntityManager, problems: Problems, site: ResettlementSite, flat: Flat, household: HouseholdRef, isNew: boolean, swapped: number | null) {
  const field = 'input.swappedArea';
  const unified = site.constructionMode === SiteConstructionMode.UNIFIED;
  let refused: [zh: string, en: string] | undefined;
  if (swapped !== null && !unified) refused = ['该安置点非统建，不进行房屋面积置换', 'This site is not a unified (floor-area swap) site: omit swappedArea'];
  else if (swapped !== null && flat.category === FlatCategory.GUARANTEED) refused = ['保障住房不进行面积置换', 'Guaranteed housing is allocated without a swap: omit swappedArea'];
  else if (swapped === null && flat.category === FlatCategory.BASIC) refused = ['基本住房须以原房屋面积置换，请填写置换面积', 'Basic housing is allocated against a swap: give swappedArea'];
  if (refused) problems.add(field, ...refused);
  if (swapped === null || refused) return;
  const left = isNew ? 0 : await unswappedHundredths(manager, household.id);
  if (cents(swapped) > left) {
    problems.add(field, `置换面积超过该户尚未置换的实调面积（${left / 100} 平方米）`, `swappedArea exceeds the household’s unswapped surveyed floor area (${left / 100} m²)`);
  }
  const extra = cents(flat.floorArea) - cents(swapped);
  if (extra > cents(site.maxExtraArea ?? 0)) {
    problems.add(field, `安置房面积超出置换面积 ${extra / 100} 平方米，超过该安置点允许的 ${site.maxExtraArea ?? 0} 平方米`, `The flat exceeds the swap by ${extra / 100} m², more than the site’s ${site.maxExtraArea ?? 0} m²`);
  }
}

export async function allocateFlat(ctx: LandHousingContext, input: AllocateFlatInput): Promise<Allocation> {
  const problems = new Problems();
  checkId(problems, 'input.flatId', input.flatId);
  const householdArea = checkHouseholdInput(problems, 'input', input);
  checkAmount(problems, 'input.swappedArea', input.swappedArea, '置换面积', '平方米', 0.01, 2_000);
  checkRequiredDate(problems, 'input.allocatedOn', input.allocatedOn, '分配日期');
  problems.throwIfAny();
  const swapped = input.swappedArea ?? null;

  return inTransaction(
    ctx,
    async (manager) => {
      const flat = await loadForChange(manager, Flat, scoped(ctx.dataSource, ctx.scope, Flat, 'f'), 'f', input.flatId.toLowerCase(), 'input.flatId', ['该安置房', 'Flat']);
      const { ref, isNew } = await householdForRecord(manager, ctx, input.householdId.toLowerCase(), householdArea, 'input');
      if (await manager.existsBy(Allocation, { flatId: flat.id })) throw taken();
      const site = await manager.findOneByOrFail(ResettlementSite, { id: flat.siteId });
      const later = new Problems();
      if (site.countyCode !== ref.countyCode) {
        later.add('input.householdId', `该户属 ${ref.countyCode}，不能分配 ${site.countyCode} 的安置房`, `The household belongs to county ${ref.countyCode}, the flat to ${site.countyCode}`);
      }
      await checkSwap(manager, later, site, flat, ref, isNew, swapped);
      later.throwIfAny();
      if (isNew) await manager.insert(HouseholdRef, ref);
      const id = randomUUID();
      await manager.insert(Allocation, {
        id, flatId: flat.id, householdId: ref.id, areaCode: ref.areaCode, siteAreaCode: flat.areaCode, countyCode: ref.countyCode,
        swappedArea: swapped, allocatedArea: flat.floorArea, settlement: settlementOf(flat.floorArea, swapped),
        allocatedOn: input.allocatedOn, handedOverOn: null, occupiedOn: null, occupancyStatus: null,
      });
      return manager.findOneByOrFail(Allocation, { id });
    },
    taken,
  );
}

function loadAllocation(manager: EntityManager, ctx: LandHousingContext, id: string): Promise<Allocation> {
  return loadForChange(manager, Allocation, scopedAllocations(ctx.dataSource, ctx.scope), 'a', id.toLowerCase(), 'input.allocationId', ['该分配记录', 'Allocation']);
}

export async function handOverFlat(ctx: LandHousingContext, input: HandOverFlatInput): Promise<Allocation> {
  const problems = new Problems();
  checkId(problems, 'input.allocationId', input.allocationId);
  checkRequiredDate(problems, 'input.handedOverOn', input.handedOverOn, '交房日期');
  problems.throwIfAny();
  return inTransaction(ctx, async (manager) => {
    const allocation = await loadAllocation(manager, ctx, input.allocationId);
    const later = new Problems();
    if (allocation.handedOverOn) later.add('input.allocationId', `该房已于 ${allocation.handedOverOn} 交房`, `The flat was handed over on ${allocation.handedOverOn}`);
    else if (input.handedOverOn < allocation.allocatedOn) later.add('input.handedOverOn', `交房日期不能早于分配日期（${allocation.allocatedOn}）`, `handedOverOn cannot precede allocatedOn (${allocation.allocatedOn})`);
    later.throwIfAny();
    await manager.update(Allocation, { id: allocation.id }, {
      handedOverOn: input.handedOverOn,
      occupancyStatus: input.status,
      occupiedOn: input.status === OccupancyStatus.OCCUPIED ? input.handedOverOn : null,
    });
    return manager.findOneByOrFail(Allocation, { id: allocation.id });
  });
}

export async function changeOccupancy(ctx: LandHousingContext, input: ChangeOccupancyInput): Promise<Allocation> {
  const problems = new Problems();
  checkId(problems, 'input.allocationId', input.allocationId);
  const since = input.since ?? today();
  checkRequiredDate(problems, 'input.since', since, '变更日期');
  problems.throwIfAny();
  return inTransaction(ctx, async (manager) => {
    const allocation = await loadAllocation(manager, ctx, input.allocationId);
    const later = new Problems();
    if (!allocation.handedOverOn) later.add('input.allocationId', '该房尚未交房', 'The flat has not been handed over yet');
    else if (since < allocation.handedOverOn) later.add('input.since', `变更日期不能早于交房日期（${allocation.handedOverOn}）`, `since cannot precede handedOverOn (${allocation.handedOverOn})`);
    else if (allocation.occupancyStatus === input.status) later.add('input.status', '入住状态未变化', 'The flat already has this status');
    later.throwIfAny();
    const firstOccupied = input.status === OccupancyStatus.OCCUPIED && !allocation.occupiedOn;
    await manager.update(Allocation, { id: allocation.id }, { occupancyStatus: input.status, ...(firstOccupied ? { occupiedOn: since } : {}) });
    return manager.findOneByOrFail(Allocation, { id: allocation.id });
  });
}
