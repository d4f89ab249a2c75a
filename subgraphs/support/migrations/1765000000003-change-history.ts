import { changeHistoryMigration, changeHistoryPerStatementMigration, type TrackedTable } from '../../../platform/history/change-history';

/**
 * Tables whose changes are kept. Not the registry projection (a copy of the households
 * subgraph's records, whose history is kept there), nor lines and the ledger (frozen and
 * append-only: they are their own history), nor the bank's returns (appended by imports).
 */
export const SUPPORT_TRACKED: TrackedTable[] = ['subsidy_card', 'entitlement_change', 'verification', 'verification_entry', 'payment_standard', 'payment_cycle', 'support_project', 'project_fund']
  .map((table) => ({ table, key: table === 'subsidy_card' ? 'person_id' : table === 'project_fund' ? 'project_id' : 'id' }));

export const SupportChangeHistory1765000000003 = changeHistoryMigration('SupportChangeHistory1765000000003', SUPPORT_TRACKED);
export const SupportChangeHistoryPerStatement1765000000004 = changeHistoryPerStatementMigration('SupportChangeHistoryPerStatement1765000000004', SUPPORT_TRACKED);
