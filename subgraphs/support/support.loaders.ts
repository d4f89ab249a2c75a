import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { BaseContext } from '../../platform/graphql/context';
import { forbidden } from '../../platform/graphql/errors';
import { existingKeys, forbiddenIfExists, groupLoader, rowLoader } from '../../platform/graphql/loaders';
import { queryNamed, tableOf } from '../../platform/db/raw-sql';
import { isUuid } from '../../platform/graphql/validation';
import { pagesByParent } from '../../platform/graphql/pagination';
import type { Scope } from '../../platform/security/scope';
import { Entitlement } from './entities/entitlement.entity';
import { LedgerEntry } from './entities/ledger-entry.entity';
import { PaymentCycle } from './entities/payment-cycle.entity';
import { PaymentLine } from './entities/payment-line.entity';
import { RegistryHousehold, RegistryPerson } from './entities/registry.entity';
import { SubsidyCard } from './entities/subsidy-card.entity';
import { ProjectFund, SupportProject } from './entities/support-project.entity';
import { Verification, VerificationEntry } from './entities/verification.entity';
import { LineStatus } from './support.enums';
import { computeIndicators, indicatorKey, type SupportIndicators } from './services/indicators.service';
import type { CycleReconciliation } from './services/support-query.service';

/** Rows about people: visible inside the jurisdiction only. */
export function scoped<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, scope: Scope, alias: string): SelectQueryBuilder<T> {
  return scope.apply(dataSource.getRepository(entity).createQueryBuilder(alias), `${alias}.area_code`);
}

/** Standards and projects serve their area and everything below it: visible inside the jurisdiction or from below. */
export function scopedShared<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, scope: Scope, alias: string): SelectQueryBuilder<T> {
  const { clause, params } = scope.condition(`${alias}.area_code`, `shared_${alias}`);
  return dataSource.getRepository(entity).createQueryBuilder(alias)
    .where(`(${clause} OR ${alias}.area_code = ANY(:shared_${alias}_ancestors))`, { ...params, [`shared_${alias}_ancestors`]: scope.ancestorList() });
}

/** Per-request loaders: every lookup, list field and aggregate batches through these (one statement per batch). */
export function createSupportLoaders({ dataSource, scope }: BaseContext) {
  const byId = <T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>, shared = false) => rowLoader<string, T>(
    (ids) => (shared ? scopedShared : scoped)(dataSource, entity, scope, 'x').andWhere('x.id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany(),
    (row) => row.id,
    forbiddenIfExists(existingKeys(dataSource, entity, 'id', true), () => forbidden()),
  );
  const groups = <T extends ObjectLiteral>(entity: EntityTarget<T>, column: string, keyOf: (row: T) => string, order: string) => groupLoader<string, T>(
    (ids) => scoped(dataSource, entity, scope, 'x').andWhere(`x.${column} = ANY(:ids)`, { ids: ids.filter(isUuid) }).orderBy(order).addOrderBy('x.id').getMany(),
    keyOf,
  );
  return {
    cycle: byId(PaymentCycle),
    line: byId(PaymentLine),
    verification: byId(Verification),
    verificationEntry: byId(VerificationEntry),
    project: byId(SupportProject, true),
    /** A person of the registry projection; FORBIDDEN outside the jurisdiction (for `Person` references). */
    person: rowLoader<string, RegistryPerson>(
      (ids) => scoped(dataSource, RegistryPerson, scope, 'x').andWhere('x.person_id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany(),
      (row) => row.personId,
      forbiddenIfExists(existingKeys(dataSource, RegistryPerson, 'person_id', true), () => forbidden()),
    ),
    household: rowLoader<string, RegistryHousehold>(
      (ids) => scoped(dataSource, RegistryHousehold, scope, 'x').andWhere('x.household_id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany(),
      (row) => row.householdId,
      forbiddenIfExists(existingKeys(dataSource, RegistryHousehold, 'household_id', true), () => forbidden()),
    ),
    entitlementsOfPerson: groupLoader<string, Entitlement>(
      (ids) => scoped(dataSource, Entitlement, scope, 'x').andWhere('x.person_id = ANY(:ids)', { ids: ids.filter(isUuid) }).orderBy('x.scheme').getMany(),
      (row) => row.personId,
    ),
    cardOfPerson: rowLoader<string, SubsidyCard>(
      (ids) => scoped(dataSource, SubsidyCard, scope, 'x').andWhere('x.person_id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany(),
      (row) => row.personId,
    ),
    linesOfPerson: groups(PaymentLine, 'person_id', (r) => r.personId, 'x.year'),
    linesOfHousehold: groups(PaymentLine, 'household_id', (r) => r.householdId, 'x.year'),
    ledgerOfLine: groups(LedgerEntry, 'line_id', (r) => r.lineId, 'x.recorded_at'),
    entriesOfPerson: groups(VerificationEntry, 'person_id', (r) => r.personId, 'x.year'),
    fundsOfProject: groupLoader<string, ProjectFund>(
      (ids) => scopedShared(dataSource, ProjectFund, scope, 'x').andWhere('x.project_id = ANY(:ids)', { ids: ids.filter(isUuid) }).orderBy('x.year').getMany(),
      (row) => row.projectId,
    ),
    /** Where each line stands with the bank, from its returns and ledger entries: one statement per batch. */
    lineStatus: new DataLoader<string, LineStatus>(async (ids) => {
      const cond = scope.condition('l.area_code', 'line_scope');
      const rows = await queryNamed<{ id: string; paid: boolean | null; failed: boolean; reversed: boolean }>(dataSource,
        `SELECT l.id, b.paid, coalesce(bool_or(e.kind = 'FAILURE'), false) AS failed, coalesce(bool_or(e.kind = 'REVERSAL'), false) AS reversed
           FROM ${tableOf(dataSource, PaymentLine)} l
           LEFT JOIN "${dataSource.getMetadata(PaymentLine).schema}".bank_return b ON b.line_id = l.id
           LEFT JOIN ${tableOf(dataSource, LedgerEntry)} e ON e.line_id = l.id AND e.kind <> 'PAYMENT'
          WHERE l.id = ANY(:ids) AND ${cond.clause} GROUP BY l.id, b.paid`, { ids: ids.filter(isUuid), ...cond.params });
      const by = new Map(rows.map((r) => [r.id, r.reversed ? LineStatus.REVERSED : r.failed ? LineStatus.FAILED : r.paid ? LineStatus.PAID : LineStatus.PENDING]));
      return ids.map((id) => by.get(id) ?? LineStatus.PENDING);
    }),
    /** The auditor's reconciliation row of each cycle (view `cycle_reconciliation`): one statement per batch. */
    reconciliation: new DataLoader<string, CycleReconciliation | null>(async (ids) => {
      const cond = scope.condition('r.area_code', 'recon_scope');
      const rows = await queryNamed<Record<keyof CycleReconciliation, unknown> & { cycle_id: string; lines: number; balanced: boolean }>(dataSource,
        `SELECT r.cycle_id, r.lines, r.lines_fen::text AS "linesFen", r.payments_fen::text AS "paymentsFen", r.failures_fen::text AS "failuresFen",
                r.reversals_fen::text AS "reversalsFen", r.net_fen::text AS "netFen", r.balanced
           FROM "${dataSource.getMetadata(PaymentCycle).schema}".cycle_reconciliation r WHERE r.cycle_id = ANY(:ids) AND ${cond.clause}`, { ids: ids.filter(isUuid), ...cond.params });
      const money = (v: unknown) => Number(v);
      const by = new Map(rows.map((r) => [r.cycle_id, {
        lines: r.lines, linesFen: money(r.linesFen), paymentsFen: money(r.paymentsFen), failuresFen: money(r.failuresFen),
        reversalsFen: money(r.reversalsFen), netFen: money(r.netFen), balanced: r.balanced,
      }]));
      return ids.map((id) => by.get(id) ?? null);
    }),
    /** A cycle's lines, a page per cycle, every cycle of the list in one statement (by the line's id). */
    linesOfCycle: pagesByParent<PaymentLine>({
      base: () => scoped(dataSource, PaymentLine, scope, 'x'),
      parent: (key) => `x.cycle_id = ${key}::uuid`,
      sort: { column: 'x.id', key: (row) => row.id },
      load: (ids) => scoped(dataSource, PaymentLine, scope, 'x').andWhere('x.id = ANY(:ids)', { ids }).getMany(),
    }),
    /** An area's projects (in it and below it), a page per area, every area of the list in one statement. */
    projectsOfArea: pagesByParent<SupportProject>({
      base: () => scopedShared(dataSource, SupportProject, scope, 'x'),
      parent: (key) => `x.area_code::text ^@ ${key}`,
      sort: { column: 'x.id', key: (row) => row.id },
      load: (ids) => scopedShared(dataSource, SupportProject, scope, 'x').andWhere('x.id = ANY(:ids)', { ids }).getMany(),
    }),
    /** Keyed `code|year`: one SQL statement computes the indicators of every area asked in the batch. */
    indicators: new DataLoader<string, SupportIndicators>((keys) => computeIndicators(dataSource, scope, keys)),
    indicatorKey,
  };
}

export type SupportLoaders = ReturnType<typeof createSupportLoaders>;
