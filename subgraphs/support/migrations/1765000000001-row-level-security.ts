import { APP_ROLE, inScope, isAncestor, rowLevelSecurityMigration } from '../../../platform/security/row-level-security';

/** Tables the serving role reads and writes, each row inside the caller's jurisdiction. */
export const TABLES = [
  'registry_household', 'registry_person', 'subsidy_card', 'entitlement_change', 'verification', 'verification_entry',
  'payment_standard', 'payment_cycle', 'payment_line', 'bank_return', 'support_project', 'project_fund',
];
/** Standards and projects serve their area and everything below it (read from below, written inside). */
const SHARED = new Set(['payment_standard', 'support_project', 'project_fund']);

/**
 * The serving role and its policies, as in every subgraph. The ledger is secured too, but the
 * serving role may only read and append to it (`1765000000002-ledger.ts` refuses the rest for
 * everyone): it is granted SELECT and INSERT here, nothing else.
 */
export const SupportRowLevelSecurity1765000000001 = rowLevelSecurityMigration('SupportRowLevelSecurity1765000000001', {
  tables: TABLES,
  secured: [
    ...TABLES.map((table) => (SHARED.has(table) ? { table, using: `${inScope('area_code')} OR ${isAncestor('area_code')}`, check: inScope('area_code') } : { table })),
    { table: 'ledger_entry' },
  ],
  probes: [
    { table: 'registry_person', column: 'person_id', type: 'uuid' },
    { table: 'registry_household', column: 'household_id', type: 'uuid' },
    { table: 'verification', column: 'id', type: 'uuid' },
    { table: 'verification_entry', column: 'id', type: 'uuid' },
    { table: 'payment_standard', column: 'id', type: 'uuid' },
    { table: 'payment_cycle', column: 'id', type: 'uuid' },
    { table: 'payment_line', column: 'id', type: 'uuid' },
    { table: 'ledger_entry', column: 'id', type: 'uuid' },
    { table: 'support_project', column: 'id', type: 'uuid' },
  ],
  extra: {
    up: [`GRANT SELECT, INSERT ON {s}.ledger_entry TO ${APP_ROLE}`, `GRANT SELECT ON {s}.entitlement TO ${APP_ROLE}`],
    down: [`REVOKE ALL ON {s}.entitlement FROM ${APP_ROLE}`, `REVOKE ALL ON {s}.ledger_entry FROM ${APP_ROLE}`],
  },
});
