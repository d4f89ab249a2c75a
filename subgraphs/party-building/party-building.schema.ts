import { authChecker } from '../../platform/security/auth-checker';
import { changeHistoryResolver } from '../../platform/history/change-history.resolver';
import { buildFederatedSchema } from '../../platform/graphql/federated-schema';
import { importResolvers } from '../../platform/imports/import.resolver';
import { CadrePairing } from './entities/cadre-pairing.entity';
import { GovernanceCase } from './entities/governance-case.entity';
import { GridUnit } from './entities/grid-unit.entity';
// the stubs load in this order: it is the order of their types in the SDL
import { HouseholdStub } from './entities/household.stub';
import { PersonStub } from './entities/person.stub';
import { AdminAreaStub } from './entities/admin-area.stub';
import { PARTY_BUILDING_SHEETS } from './imports/sheets';
import type { PartyBuildingContext } from './party-building.context';
import { partyBuildingReferences } from './party-building.references';
import { PartyActivityFieldsResolver } from './resolvers/activity-fields.resolver';
import { PartyActivityResolver } from './resolvers/activity.resolver';
import { AreaFieldsResolver } from './resolvers/area-fields.resolver';
import { CadreFieldsResolver } from './resolvers/cadre-fields.resolver';
import { CadreResolver } from './resolvers/cadre.resolver';
import { GovernanceCaseFieldsResolver } from './resolvers/case-fields.resolver';
import { CaseMutationResolver } from './resolvers/case-mutation.resolver';
import { GovernanceCaseResolver } from './resolvers/case.resolver';
import { EngagementMutationResolver } from './resolvers/engagement-mutation.resolver';
import { GovernanceStatsFieldsResolver } from './resolvers/governance-stats-fields.resolver';
import { GridFieldsResolver } from './resolvers/grid-fields.resolver';
import { GridUnitFieldsResolver } from './resolvers/grid-unit-fields.resolver';
import { GridResolver } from './resolvers/grid.resolver';
import { HouseholdFieldsResolver } from './resolvers/household-fields.resolver';
import { PartyOrganisationFieldsResolver } from './resolvers/organisation-fields.resolver';
import { PartyOrganisationResolver } from './resolvers/organisation.resolver';
import { CadrePairingFieldsResolver } from './resolvers/pairing-fields.resolver';
import { StatisticsResolver } from './resolvers/statistics.resolver';
import { StructureMutationResolver } from './resolvers/structure-mutation.resolver';
import { CaseTransitionFieldsResolver } from './resolvers/transition-fields.resolver';
import { CadreVisitFieldsResolver } from './resolvers/visit-fields.resolver';

/** The party-building subgraph's federated schema and SDL (no database needed). */
export function buildPartyBuildingSchema() {
  return buildFederatedSchema<PartyBuildingContext>({
    resolvers: [
      PartyOrganisationResolver, PartyOrganisationFieldsResolver,
      GridResolver, GridFieldsResolver, GridUnitFieldsResolver,
      CadreResolver, CadreFieldsResolver, CadrePairingFieldsResolver, CadreVisitFieldsResolver,
      PartyActivityResolver, PartyActivityFieldsResolver,
      GovernanceCaseResolver, GovernanceCaseFieldsResolver, CaseTransitionFieldsResolver,
      HouseholdFieldsResolver, AreaFieldsResolver, GovernanceStatsFieldsResolver, StatisticsResolver,
      StructureMutationResolver, EngagementMutationResolver, CaseMutationResolver,
      ...importResolvers('party-building', PARTY_BUILDING_SHEETS),
      changeHistoryResolver(GovernanceCase, 'governance_case'), changeHistoryResolver(CadrePairing, 'cadre_pairing'), changeHistoryResolver(GridUnit, 'grid_unit'),
    ],
    orphanedTypes: [HouseholdStub, PersonStub, AdminAreaStub],
    referenceResolvers: partyBuildingReferences,
    authChecker,
  });
}
