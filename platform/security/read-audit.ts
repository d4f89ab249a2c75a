import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Full reads of sensitive fields, noted by field resolvers during a request and returned to the
 * gateway in the response's `extensions` under this name; the gateway writes them to its read
 * audit and strips them before the response leaves.
 */
export const FULL_READS_EXTENSION = 'fullReads';

/** One record whose sensitive fields a request read in full. */
export interface FullRead {
  /** GraphQL type of the record (`Person`, `Flat`, `EmploymentPlacement` …). */
  type: string;
  id: string;
  /** Area code of the record, so that auditors see reads in their own jurisdiction. */
  areaCode: string;
  /** Fields read in full, sorted. */
  fields: string[];
}

/** Collects a request's full reads, one entry per record. */
export class ReadAudit {
  private readonly records = new Map<string, FullRead>();

  fullRead(type: string, id: string, areaCode: string, field: string): void {
    const key = `${type}:${id}`;
    const read = this.records.get(key) ?? { type, id, areaCode, fields: [] };
    if (!read.fields.includes(field)) read.fields = [...read.fields, field].sort();
    this.records.set(key, read);
  }

  /** Adds reads reported elsewhere (the gateway merges each subgraph's). */
  merge(reads: FullRead[]): void {
    for (const read of reads) for (const field of read.fields) this.fullRead(read.type, read.id, read.areaCode, field);
  }

  get reads(): FullRead[] {
    return [...this.records.values()];
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const TEXT = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** The full reads in a subgraph response's extensions, checked; throws on anything malformed. */
export function parseFullReads(value: unknown): FullRead[] {
  if (!Array.isArray(value)) throw new Error('fullReads must be a list');
  return value.map((r: Partial<FullRead>) => {
    const ok = r && TEXT(r.type, 64) && NAME.test(r.type) && TEXT(r.id, 64) && TEXT(r.areaCode, 15)
      && Array.isArray(r.fields) && r.fields.length > 0 && r.fields.every((f) => TEXT(f, 64) && NAME.test(f));
    if (!ok) throw new Error('malformed fullReads entry');
    return { type: r.type!, id: r.id!, areaCode: r.areaCode!, fields: r.fields! };
  });
}

/** Subgraph plugin: puts the request's full reads into the response `extensions`. */
export function fullReadsPlugin(): ApolloServerPlugin<{ audit?: ReadAudit }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const reads = contextValue?.audit?.reads ?? [];
          if (!reads.length || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [FULL_READS_EXTENSION]: reads };
        },
      };
    },
  };
}
