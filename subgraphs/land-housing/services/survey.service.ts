import { randomUUID } from 'node:crypto';
import { forbidden, Problems } from '../../shared/errors';
import { isStationId, stationProblem } from '../../shared/stations';
import { inTransaction } from '../../shared/transaction';
import { HouseholdRef } from '../entities/household-ref.entity';
import { LandParcel } from '../entities/land-parcel.entity';
import { OriginalHouse } from '../entities/original-house.entity';
import type { RecordLandParcelInput, RecordOriginalHouseInput } from '../inputs/survey.input';
import { LandOwnerKind, LandUse } from '../land-housing.enums';
import type { LandHousingContext } from '../land-housing.context';
import { checkAmount, checkCode, checkRequiredDate } from './checks';
import { countyOf } from './codes';
import { checkHouseholdInput, householdForRecord } from './household-ref.service';

/** The largest single parcel or house a survey may record (collective forest runs to hundreds of mu). */
const MAX_PARCEL_MU = 10_000;
const MAX_HOUSE_M2 = 5_000;

function villageInCounty(problems: Problems, field: string, village: string, countyCode: string): void {
  if (countyOf(village) !== countyCode) {
    problems.add(field, `所在村须与该户属同一县（${countyCode}）`, `${field} must lie in the household’s county ${countyCode}`);
  }
}

export async function recordLandParcel(ctx: LandHousingContext, input: RecordLandParcelInput): Promise<LandParcel> {
  const problems = new Problems();
  if (!isStationId(input.stationId)) {
    const { field, zh, en } = stationProblem('input.stationId');
    problems.add(field, zh, en);
  }
  const village = checkCode(problems, 'input.villageCode', input.villageCode, 12, '地块所在村');
  checkAmount(problems, 'input.areaMu', input.areaMu, '面积', '亩', 0.01, MAX_PARCEL_MU);
  checkRequiredDate(problems, 'input.surveyedOn', input.surveyedOn, '调查日期');
  const householdArea = checkHouseholdInput(problems, 'input', input);
  if (!input.householdId && input.householdAreaCode) {
    problems.add('input.householdAreaCode', '集体土地无需填写农户现居住地', 'householdAreaCode applies only with householdId');
  }
  if (!input.householdId && input.landUse === LandUse.HOMESTEAD) {
    problems.add('input.landUse', '宅基地须登记到农户', 'Homestead land belongs to a household: give householdId');
  }
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    let owner: Pick<LandParcel, 'householdId' | 'areaCode' | 'countyCode' | 'ownerKind'>;
    if (input.householdId) {
      const { ref, isNew } = await householdForRecord(manager, ctx, input.householdId.toLowerCase(), householdArea, 'input');
      const later = new Problems();
      villageInCounty(later, 'input.villageCode', village, ref.countyCode);
      later.throwIfAny();
      if (isNew) await manager.insert(HouseholdRef, ref);
      owner = { householdId: ref.id, areaCode: ref.areaCode, countyCode: ref.countyCode, ownerKind: LandOwnerKind.HOUSEHOLD };
    } else {
      if (!ctx.scope.covers(village)) throw forbidden();
      owner = { householdId: null, areaCode: village, countyCode: countyOf(village), ownerKind: LandOwnerKind.COLLECTIVE };
    }
    const id = randomUUID();
    await manager.insert(LandParcel, {
      id, ...owner, stationId: input.stationId, villageCode: village, landUse: input.landUse, areaMu: input.areaMu, surveyedOn: input.surveyedOn,
    });
    return manager.findOneByOrFail(LandParcel, { id });
  });
}

export async function recordOriginalHouse(ctx: LandHousingContext, input: RecordOriginalHouseInput): Promise<OriginalHouse> {
  const problems = new Problems();
  const village = checkCode(problems, 'input.villageCode', input.villageCode, 12, '房屋所在村');
  checkAmount(problems, 'input.floorArea', input.floorArea, '实调面积', '平方米', 0.01, MAX_HOUSE_M2);
  checkRequiredDate(problems, 'input.surveyedOn', input.surveyedOn, '调查日期');
  const householdArea = checkHouseholdInput(problems, 'input', input);
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const { ref, isNew } = await householdForRecord(manager, ctx, input.householdId.toLowerCase(), householdArea, 'input');
    const later = new Problems();
    villageInCounty(later, 'input.villageCode', village, ref.countyCode);
    later.throwIfAny();
    if (isNew) await manager.insert(HouseholdRef, ref);
    const id = randomUUID();
    await manager.insert(OriginalHouse, {
      id, householdId: ref.id, areaCode: ref.areaCode, countyCode: ref.countyCode, villageCode: village,
      structure: input.structure, floorArea: input.floorArea, surveyedOn: input.surveyedOn,
    });
    return manager.findOneByOrFail(OriginalHouse, { id });
  });
}
