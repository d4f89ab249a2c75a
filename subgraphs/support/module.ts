import { defineSubgraph } from '../../platform/server/define-subgraph';
import { hasSupportData, loadSupportDemo } from './demo/load';
import { Entitlement } from './entities/entitlement.entity';
import { LedgerEntry } from './entities/ledger-entry.entity';
import { PaymentCycle } from './entities/payment-cycle.entity';
import { PaymentLine } from './entities/payment-line.entity';
import { PaymentStandard } from './entities/payment-standard.entity';
import { RegistryHousehold, RegistryPerson } from './entities/registry.entity';
import { SubsidyCard } from './entities/subsidy-card.entity';
import { ProjectFund, SupportProject } from './entities/support-project.entity';
import { Verification, VerificationEntry } from './entities/verification.entity';
import { SupportSchema1765000000000 } from './migrations/1765000000000-support-schema';
import { SupportRowLevelSecurity1765000000001 } from './migrations/1765000000001-row-level-security';
import { SupportLedger1765000000002 } from './migrations/1765000000002-ledger';
import { SupportChangeHistory1765000000003, SupportChangeHistoryPerStatement1765000000004 } from './migrations/1765000000003-change-history';
import { SupportDataVersion1765000000005 } from './migrations/1765000000005-data-version';
import { SupportImportRuns1765000000006 } from './migrations/1765000000006-import-runs';
import { SupportFiles1765000000007 } from './migrations/1765000000007-files';
import { SupportRegistryEventsProjection1765000001000 } from './migrations/1765000001000-registry-events-projection';
import { SupportRegistrations1765000001001 } from './migrations/1765000001001-registrations';
import { SupportChangeRecordsAsText1765400000005 } from './migrations/1765400000005-change-records-as-text';
import { SupportSubsidyCards1765500000001 } from './migrations/1765500000001-subsidy-cards';
import { SupportChangeRecordsAsJson1765510000005 } from './migrations/1765510000005-change-records-as-json';
import { SupportStatisticsRollups1765520000000 } from './migrations/1765520000000-statistics-rollups';
import { SUPPORT_SHEETS } from './imports/sheets';
import { loadSupportConfig, type SupportConfig } from './support.config';
import type { SupportContext } from './support.context';
import { createSupportLoaders } from './support.loaders';
import { SUPPORT_PROJECTION } from './support.projection';
import { buildSupportSchema } from './support.schema';

/** The support subgraph: post-relocation support and annual compensation — entitlements, verifications, payment cycles, the ledger, projects. */
export const supportModule = defineSubgraph<SupportContext, SupportConfig>({
  name: 'support',
  port: 4005,
  entities: [RegistryPerson, RegistryHousehold, SubsidyCard, Entitlement, Verification, VerificationEntry, PaymentStandard, PaymentCycle, PaymentLine, LedgerEntry, SupportProject, ProjectFund],
  migrations: [
    SupportSchema1765000000000,
    SupportRowLevelSecurity1765000000001,
    SupportLedger1765000000002,
    SupportChangeHistory1765000000003,
    SupportChangeHistoryPerStatement1765000000004,
    SupportDataVersion1765000000005,
    SupportImportRuns1765000000006,
    SupportFiles1765000000007,
    SupportRegistryEventsProjection1765000001000,
    SupportRegistrations1765000001001,
    SupportChangeRecordsAsText1765400000005,
    SupportSubsidyCards1765500000001,
    SupportChangeRecordsAsJson1765510000005,
    SupportStatisticsRollups1765520000000,
  ],
  schema: buildSupportSchema,
  settings: () => loadSupportConfig(),
  extendContext: (base, config) => ({ ...base, config, loaders: createSupportLoaders(base) }),
  sheets: SUPPORT_SHEETS,
  projection: SUPPORT_PROJECTION,
  demo: { hasData: hasSupportData, load: loadSupportDemo },
});
