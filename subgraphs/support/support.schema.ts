import { authChecker } from '../../platform/security/auth-checker';
import { changeHistoryResolver } from '../../platform/history/change-history.resolver';
import { importResolvers } from '../../platform/imports/import.resolver';
import { SUPPORT_IMPORT_ROLES, SUPPORT_SHEETS } from './imports/sheets';
import { buildFederatedSchema } from '../../platform/graphql/federated-schema';
import { PaymentCycle } from './entities/payment-cycle.entity';
import { SubsidyCard } from './entities/subsidy-card.entity';
import { Verification, VerificationEntry } from './entities/verification.entity';
import type { SupportContext } from './support.context';
import { supportReferences } from './support.references';
// the stubs load in this order: it is the order of their types in the SDL
import { PersonStub } from './entities/person.stub';
import { HouseholdStub } from './entities/household.stub';
import { AdminAreaStub } from './entities/admin-area.stub';
import { AreaFieldsResolver } from './resolvers/area-fields.resolver';
import { HouseholdFieldsResolver } from './resolvers/household-fields.resolver';
import { PaymentCycleFieldsResolver, PaymentLineFieldsResolver, SubsidyCardFieldsResolver } from './resolvers/payment-cycle-fields.resolver';
import { PaymentCycleMutationResolver } from './resolvers/payment-cycle-mutation.resolver';
import { PaymentCycleResolver } from './resolvers/payment-cycle.resolver';
import { PersonFieldsResolver } from './resolvers/person-fields.resolver';
import { ProjectResolver } from './resolvers/project.resolver';
import { StatisticsResolver } from './resolvers/statistics.resolver';
import { SubsidyCardMutationResolver } from './resolvers/subsidy-card-mutation.resolver';
import { VerificationEntryFieldsResolver } from './resolvers/verification-fields.resolver';
import { VerificationMutationResolver } from './resolvers/verification-mutation.resolver';
import { VerificationResolver } from './resolvers/verification.resolver';

/** The support subgraph's federated schema and SDL (no database needed). */
export function buildSupportSchema() {
  return buildFederatedSchema<SupportContext>({
    resolvers: [
      VerificationResolver,
      VerificationMutationResolver,
      VerificationEntryFieldsResolver,
      PaymentCycleResolver,
      PaymentCycleMutationResolver,
      PaymentCycleFieldsResolver,
      PaymentLineFieldsResolver,
      SubsidyCardFieldsResolver,
      SubsidyCardMutationResolver,
      ProjectResolver,
      StatisticsResolver,
      PersonFieldsResolver,
      HouseholdFieldsResolver,
      AreaFieldsResolver,
      ...importResolvers('support', SUPPORT_SHEETS, SUPPORT_IMPORT_ROLES),
      changeHistoryResolver(Verification, 'verification'),
      changeHistoryResolver(VerificationEntry, 'verification_entry'),
      changeHistoryResolver(PaymentCycle, 'payment_cycle'),
      changeHistoryResolver(SubsidyCard, 'subsidy_card', (card) => card.personId),
    ],
    orphanedTypes: [PersonStub, HouseholdStub, AdminAreaStub],
    referenceResolvers: supportReferences,
    authChecker,
  });
}
