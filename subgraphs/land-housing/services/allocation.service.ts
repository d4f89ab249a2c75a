import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { conflict, Problems } from '../../../platform/graphql/errors';
import { cents } from '../../../platform/db/decimal';
import { tableOf } from '../../../platform/db/raw-sql';
import { inTransaction } from '../../../platform/db/transaction';
import { checkId, today } from '../../../platform/graphql/validation';
import { Allocation } from '../entities/allocation.entity';
import { Flat } from '../entities/flat.entity';
import { OriginalHouse } from '../entities/original-house.entity';
import { ResettlementSite } from '../entities/resettlement-site.entity';
import type { AllocateFlatInput, ChangeOccupancyInput, HandOverFlatInput } from '../inputs/allocation.input';
import { OccupancyStatus } from '../land-housing.enums';
import type { LandHousingContext } from '../land-housing.context';
import { scopedAllocations } from '../land-housing.loaders';
import { checkAllocation, checkHandoverDate, checkSameCounty, checkSwap } from './allocation.validation';
import { checkRequiredDate } from './land-housing.validation';
import { householdForRecord } from './household-ref.service';
import { settlementOf } from './settlement.rules';
import { loadForChange } from '../../../platform/db/load-for-change';

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

export async function allocateFlat(ctx: LandHousingContext, input: AllocateFlatInput): Promise<Allocation> {
  const problems = new Problems();
  checkAllocation(problems, 'input', input);
  problems.throwIfAny();
  const swapped = input.swappedArea ?? null;

  return inTransaction(
    ctx,
    async (manager) => {
      const flat = await loadForChange(manager, ctx, Flat, { id: input.flatId.toLowerCase(), field: 'input.flatId', what: ['该安置房', 'Flat'] });
      const ref = await householdForRecord(manager, ctx, input.householdId.toLowerCase(), 'input');
      if (await manager.existsBy(Allocation, { flatId: flat.id })) throw taken();
      const site = await manager.findOneByOrFail(ResettlementSite, { id: flat.siteId });
      const later = new Problems();
      checkSameCounty(later, 'input.householdId', ref.countyCode, site.countyCode);
      checkSwap(later, 'input.swappedArea', site, flat, swapped, await unswappedHundredths(manager, ref.id));
      later.throwIfAny();
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
  return loadForChange(manager, ctx, scopedAllocations(ctx.dataSource, ctx.scope), { id: id.toLowerCase(), field: 'input.allocationId', what: ['该分配记录', 'Allocation'] });
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
    else checkHandoverDate(later, 'input.handedOverOn', input.handedOverOn, allocation.allocatedOn);
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
