import { authChecker } from '../../platform/security/auth-checker';
import { changeHistoryResolver } from '../../platform/history/change-history.resolver';
import { buildFederatedSchema } from '../../platform/graphql/federated-schema';
import { importResolvers } from '../../platform/imports/import.resolver';
import { Allocation } from './entities/allocation.entity';
import { LandParcel } from './entities/land-parcel.entity';
import { OriginalHouse } from './entities/original-house.entity';
import { AdminAreaStub } from './entities/admin-area.stub';
import { HouseholdStub } from './entities/household.stub';
import { LAND_HOUSING_SHEETS } from './imports/sheets';
import type { LandHousingContext } from './land-housing.context';
import { landHousingReferences } from './land-housing.references';
import { AllocationFieldsResolver } from './resolvers/allocation-fields.resolver';
import { AllocationMutationResolver } from './resolvers/allocation-mutation.resolver';
import { AllocationResolver } from './resolvers/allocation.resolver';
import { AreaFieldsResolver } from './resolvers/area-fields.resolver';
import { BuildingFieldsResolver } from './resolvers/building-fields.resolver';
import { FlatFieldsResolver } from './resolvers/flat-fields.resolver';
import { HouseholdFieldsResolver } from './resolvers/household-fields.resolver';
import { OriginalHouseFieldsResolver } from './resolvers/house-fields.resolver';
import { LandParcelFieldsResolver } from './resolvers/parcel-fields.resolver';
import { SiteFieldsResolver } from './resolvers/site-fields.resolver';
import { SiteMutationResolver } from './resolvers/site-mutation.resolver';
import { SiteResolver } from './resolvers/site.resolver';
import { StatisticsResolver } from './resolvers/statistics.resolver';
import { SurveyMutationResolver } from './resolvers/survey-mutation.resolver';
import { SurveyResolver } from './resolvers/survey.resolver';
import { UnitFieldsResolver } from './resolvers/unit-fields.resolver';

/** The land-housing subgraph's federated schema and SDL (no database needed). */
export function buildLandHousingSchema() {
  return buildFederatedSchema<LandHousingContext>({
    resolvers: [
      SurveyResolver,
      LandParcelFieldsResolver,
      OriginalHouseFieldsResolver,
      SiteResolver,
      SiteFieldsResolver,
      BuildingFieldsResolver,
      UnitFieldsResolver,
      FlatFieldsResolver,
      AllocationResolver,
      AllocationFieldsResolver,
      HouseholdFieldsResolver,
      AreaFieldsResolver,
      SurveyMutationResolver,
      SiteMutationResolver,
      StatisticsResolver,
      AllocationMutationResolver,
      changeHistoryResolver(Allocation, 'allocation'),
      changeHistoryResolver(LandParcel, 'land_parcel'),
      changeHistoryResolver(OriginalHouse, 'original_house'),
      ...importResolvers('land-housing', LAND_HOUSING_SHEETS),
    ],
    orphanedTypes: [HouseholdStub, AdminAreaStub],
    referenceResolvers: landHousingReferences,
    authChecker,
  });
}
