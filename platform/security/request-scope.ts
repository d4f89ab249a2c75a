import { AsyncLocalStorage } from 'node:async_hooks';
import type { Identity } from './identity';
import { Scope } from './scope';

/**
 * Who a piece of database work is done for: the request's identity and jurisdiction, and the
 * source its changes are recorded under. Every connection lent out inside it carries these as
 * settings (`zrg.scope`, `zrg.ancestors`, `zrg.subject`, `zrg.role`, `zrg.source`), which the
 * row-level-security policies and the change-history triggers read: on PostgreSQL local to each
 * transaction (`serving-connection.ts`, safe behind PgBouncer), on the embedded engine's single
 * connection for the borrower's session (`pglite-pool.ts`).
 */
export interface RequestScope {
  subject: string;
  role: string;
  /** Area-code prefixes of the jurisdiction (a row is visible when its code starts with one). */
  prefixes: string[];
  /** Areas above the jurisdiction, visible for navigation only. */
  ancestors: string[];
  source: string;
}

/** Settings names, in the order `settingsOf` gives their values. */
export const SETTINGS = ['zrg.scope', 'zrg.ancestors', 'zrg.subject', 'zrg.role', 'zrg.source'] as const;

/** One statement setting every value for the session (`$1` … `$5`): the embedded engine's single connection only. */
export const SET_SETTINGS_SQL = `SELECT ${SETTINGS.map((name, i) => `set_config('${name}', $${i + 1}, false)`).join(', ')}`;

/** A holder per request: the scope is filled in once the identity is verified. */
interface Holder {
  scope?: RequestScope;
  /** The change source of work outside any request (an import run from the command line). */
  source?: string;
}

const storage = new AsyncLocalStorage<Holder>();

export function requestScopeOf(identity: Identity, source = ''): RequestScope {
  const scope = Scope.of(identity);
  return { subject: identity.subject, role: identity.role, prefixes: scope.prefixes, ancestors: scope.ancestorList(), source };
}

/** Runs `work` (and everything it starts) with `scope` on every connection it is lent. */
export function runInRequestScope<T>(scope: RequestScope | undefined, work: () => T): T {
  return storage.run({ scope }, work);
}

/** The scope of the work running now; undefined outside any request (demo loads, migrations). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore()?.scope;
}

/** The settings for the work running now: whether it runs for a request, and the values (`SETTINGS` order). */
export function currentSettings(): { inRequest: boolean; values: string[] } {
  const holder = storage.getStore();
  const values = settingsOf(holder?.scope);
  if (!holder?.scope && holder?.source) values[4] = holder.source;
  return { inRequest: Boolean(holder?.scope), values };
}

/**
 * Runs `work` with its changes recorded under `source` (e.g. `import 123`): in a request, the
 * request's identity stays; outside one, the work runs as the owner with that source.
 */
export function withChangeSource<T>(source: string, work: () => T): T {
  const scope = currentRequestScope();
  return storage.run(scope ? { scope: { ...scope, source } } : { source }, work);
}

/** Sets the change source of the request running now (the server does: `mutation <field>`). */
export function setChangeSource(source: string): void {
  const holder = storage.getStore();
  if (holder?.scope) holder.scope = { ...holder.scope, source };
}

/** Sets the scope of the request running now (the context function does this after verifying the identity). */
export function enterRequestScope(scope: RequestScope): void {
  const holder = storage.getStore();
  if (!holder) throw new Error('enterRequestScope outside runInRequestScope');
  holder.scope = scope;
}

/** The session settings' values for `scope` (all empty outside a request: no rows visible). */
export function settingsOf(scope: RequestScope | undefined): string[] {
  if (!scope) return SETTINGS.map(() => '');
  return [scope.prefixes.join(','), scope.ancestors.join(','), scope.subject, scope.role, scope.source];
}
