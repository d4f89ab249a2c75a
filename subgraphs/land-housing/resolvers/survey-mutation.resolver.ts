import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import { LandParcel } from '../entities/land-parcel.entity';
import { OriginalHouse } from '../entities/original-house.entity';
import { RecordLandParcelInput, RecordOriginalHouseInput } from '../inputs/survey.input';
import type { LandHousingContext } from '../land-housing.context';
import { recordLandParcel, recordOriginalHouse } from '../services/survey.service';

@Resolver()
export class SurveyMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => LandParcel, { description: 'Record a surveyed flooded land parcel (a household’s or a village collective’s) · 登记淹没土地' })
  recordLandParcel(@Arg('input', { description: 'The parcel as surveyed · 实物调查的地块' }) input: RecordLandParcelInput, @Ctx() ctx: LandHousingContext): Promise<LandParcel> {
    return recordLandParcel(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => OriginalHouse, { description: 'Record a surveyed original house of a household · 登记原有房屋' })
  recordOriginalHouse(@Arg('input', { description: 'The house as surveyed · 实物调查的房屋' }) input: RecordOriginalHouseInput, @Ctx() ctx: LandHousingContext): Promise<OriginalHouse> {
    return recordOriginalHouse(ctx, input);
  }
}
