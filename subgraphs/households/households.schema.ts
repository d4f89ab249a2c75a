import { authChecker } from '../../platform/security/auth-checker';
import { changeHistoryResolver } from '../../platform/history/change-history.resolver';
import { buildFederatedSchema } from '../../platform/graphql/federated-schema';
import { importResolvers } from '../../platform/imports/import.resolver';
import { Household } from './entities/household.entity';
import { Person } from './entities/person.entity';
import type { HouseholdsContext } from './households.context';
import { householdsReferences } from './households.references';
import { HOUSEHOLDS_SHEETS } from './imports/sheets';
import { AreaFieldsResolver } from './resolvers/area-fields.resolver';
import { AreaResolver } from './resolvers/area.resolver';
import { HouseholdFieldsResolver } from './resolvers/household-fields.resolver';
import { HouseholdResolver } from './resolvers/household.resolver';
import { PersonFieldsResolver } from './resolvers/person-fields.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { MoveMutationResolver } from './resolvers/move-mutation.resolver';
import { RegistrationMutationResolver } from './resolvers/registration-mutation.resolver';
import { StationFieldsResolver } from './resolvers/station-fields.resolver';
import { StationResolver } from './resolvers/station.resolver';
import { StatisticsResolver } from './resolvers/statistics.resolver';

/** The households subgraph's federated schema and SDL (no database needed). */
export function buildHouseholdsSchema() {
  return buildFederatedSchema<HouseholdsContext>({
    resolvers: [
      AreaResolver,
      AreaFieldsResolver,
      StationResolver,
      StationFieldsResolver,
      HouseholdResolver,
      HouseholdFieldsResolver,
      PersonResolver,
      PersonFieldsResolver,
      RegistrationMutationResolver,
      MoveMutationResolver,
      StatisticsResolver,
      ...importResolvers('households', HOUSEHOLDS_SHEETS),
      changeHistoryResolver(Household, 'household'),
      changeHistoryResolver(Person, 'person'),
    ],
    referenceResolvers: householdsReferences,
    authChecker,
  });
}
