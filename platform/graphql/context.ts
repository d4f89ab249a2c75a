import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ChangeRecord } from '../history/change-record.type';
import type { Identity } from '../security/identity';
import type { ReadAudit } from '../security/read-audit';
import type { Scope } from '../security/scope';

/** What every subgraph's request context holds; each subgraph adds its own loaders. */
export interface BaseContext {
  identity: Identity;
  scope: Scope;
  dataSource: DataSource;
  /** Where statistics and lists are read: the streaming replica when one is configured, else `dataSource`. Writes, loads for a change and data versions use `dataSource`. */
  reads: DataSource;
  /** Full reads of sensitive fields in this request (`sensitive.ts` notes them; the gateway writes them). */
  audit: ReadAudit;
  /** Records' change history (the `changes` fields), batched per request. */
  changes: DataLoader<string, ChangeRecord[]>;
}
