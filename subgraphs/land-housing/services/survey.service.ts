import { randomUUID } from 'node:crypto';
import { conflict, forbidden, Problems } from '../../../platform/graphql/errors';
import { inTransaction } from '../../../platform/db/transaction';
import { LandParcel } from '../entities/land-parcel.entity';
import { OriginalHouse } from '../entities/original-house.entity';
import type { RecordLandParcelInput, RecordOriginalHouseInput } from '../inputs/survey.input';
import { LandOwnerKind } from '../land-housing.enums';
import type { LandHousingContext } from '../land-housing.context';
import { householdForRecord } from './household-ref.service';
import { checkHouse, checkParcel, numberFromId, villageInCounty } from './survey.validation';
import { countyOf } from '../../../platform/domain/area-code';

export async function recordLandParcel(ctx: LandHousingContext, input: RecordLandParcelInput): Promise<LandParcel> {
  const problems = new Problems();
  const { village, parcelNo } = checkParcel(problems, 'input', input);
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    let owner: Pick<LandParcel, 'householdId' | 'areaCode' | 'countyCode' | 'ownerKind'>;
    if (input.householdId) {
      const ref = await householdForRecord(manager, ctx, input.householdId.toLowerCase(), 'input');
      const later = new Problems();
      villageInCounty(later, 'input.villageCode', village, ref.countyCode);
      later.throwIfAny();
      owner = { householdId: ref.id, areaCode: ref.areaCode, countyCode: ref.countyCode, ownerKind: LandOwnerKind.HOUSEHOLD };
    } else {
      if (!ctx.scope.covers(village)) throw forbidden();
      owner = { householdId: null, areaCode: village, countyCode: countyOf(village), ownerKind: LandOwnerKind.COLLECTIVE };
    }
    const id = randomUUID();
    await manager.insert(LandParcel, {
      id, ...owner, stationId: input.stationId, villageCode: village, parcelNo: parcelNo ?? numberFromId(id), landUse: input.landUse, areaMu: input.areaMu, surveyedOn: input.surveyedOn,
    });
    return manager.findOneByOrFail(LandParcel, { id });
  }, () => conflict('input.parcelNo', '该村已有此编号的地块', 'The village already has a parcel with this number'));
}

export async function recordOriginalHouse(ctx: LandHousingContext, input: RecordOriginalHouseInput): Promise<OriginalHouse> {
  const problems = new Problems();
  const { village, houseNo } = checkHouse(problems, 'input', input);
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const ref = await householdForRecord(manager, ctx, input.householdId.toLowerCase(), 'input');
    const later = new Problems();
    villageInCounty(later, 'input.villageCode', village, ref.countyCode);
    later.throwIfAny();
    const id = randomUUID();
    await manager.insert(OriginalHouse, {
      id, householdId: ref.id, areaCode: ref.areaCode, countyCode: ref.countyCode, villageCode: village, houseNo: houseNo ?? numberFromId(id),
      structure: input.structure, floorArea: input.floorArea, surveyedOn: input.surveyedOn,
    });
    return manager.findOneByOrFail(OriginalHouse, { id });
  }, () => conflict('input.houseNo', '该户已有此编号的房屋', 'The household already has a house with this number'));
}
