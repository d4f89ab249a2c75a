import { Kind, parse, type ObjectTypeDefinitionNode, type StringValueNode } from 'graphql';
import type { CollectionEntry } from '../gateway/collection';
import { Random } from '../platform/demo/random';

/**
 * Requests made up for the fuzz test, from a seeded generator (the same seed, the same requests):
 * collection queries mutated as text and as structure, documents of random tokens, variables of
 * every wrong kind, headers and bodies no client should send, GET as well as POST, and direct
 * subgraph calls (entity lookups with made-up keys among them).
 */
export interface FuzzRequest {
  /** `gateway`, or the name of a subgraph called directly with a gateway-signed identity. */
  target: string;
  method: 'GET' | 'POST';
  /** Added to the URL (GET parameters). */
  search?: string;
  headers: Record<string, string>;
  /** `credentials` is replaced by the test with a real token or identity of the kind named. */
  credentials: 'officer' | 'analyst' | 'partner-role' | 'expired' | 'garbage' | 'none' | 'api-key';
  body?: string | Uint8Array<ArrayBuffer>;
  /** What made it (for the figures and for a failure's report). */
  kind: string;
}

export interface FuzzSources {
  collection: CollectionEntry[];
  supergraphSdl: string;
  subgraphs: string[];
}

const NASTY_STRINGS = [
  '', ' ', 'a\u0000b', '\u0000', 'x\ud800', '\udc00y', '\u0001\u0002', '\t\r\n', '%', '_', '%_%', '\\', "'", "' OR 1=1 --", '"; DROP TABLE x; --',
  '$1', '::text', 'NULL', 'null', 'undefined', '0', '-1', '1e309', '530622', '5306221010010', '530622101001', '530622101001001', '999999999999999',
  '王', '文笔社区', '𠀀𠀁', '🙂', '\u202e', '\ufeff', 'Ａ５３０６', 'a'.repeat(300), 'b'.repeat(70_000), '<script>alert(1)</script>', '=cmd|\' /C calc\'!A0',
  'eyJhbGciOiJub25lIn0.e30.', 'YXJyYXljb25uZWN0aW9uOjA=', 'Y3Vyc29yOi0x', '00000000-0000-0000-0000-000000000000', 'not-a-uuid', '2023-02-30', '2023-13-01', '-0001-01-01',
];
const NASTY_NUMBERS = [0, -1, 1, 2, 20, 200, 201, 1000, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 1e20, 1.5, -0.0001, 9007199254740993];
const CONTENT_TYPES = [
  'application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'application/json; charset=latin1',
  'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/graphql-response+json', '', 'application/xml', '*/*', 'application/json, text/plain',
];
const ACCEPTS = ['application/json', 'application/graphql-response+json', 'text/html', '*/*', 'multipart/mixed; deferSpec=20220824', 'text/event-stream', 'garbage/ /', ''];
const TOKENS = ['{', '}', '(', ')', ':', '$', '!', '=', '[', ']', ',', '...', '|', '&', '@', '#', '"', '"""', '\n', ' ', '\\u0000', '\u0000', '\u0001', '\u001f', '\ud800', '中',
  'query', 'mutation', 'subscription', 'fragment', 'on', 'true', 'false', 'null', '1e999', '-0', '99999999999999999999', '__typename', '__schema', '__type', '@include(if: true)', '@skip(if: $x)', '@deprecated'];

/** Field, argument, type and enum value names of the supergraph: what a mutated document puts back in. */
function schemaWords(sdl: string): { words: string[]; entities: Record<string, { type: string; key: string }[]> } {
  const document = parse(sdl);
  const words = new Set<string>();
  const entities: Record<string, { type: string; key: string }[]> = {};
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || definition.name.value.startsWith('join__') || definition.name.value.startsWith('link__')) continue;
    words.add(definition.name.value);
    if ('fields' in definition) for (const field of definition.fields ?? []) {
      words.add(field.name.value);
      if ('arguments' in field) for (const arg of field.arguments ?? []) words.add(arg.name.value);
    }
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION) for (const value of definition.values ?? []) words.add(value.name.value);
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) {
      for (const directive of (definition as ObjectTypeDefinitionNode).directives ?? []) {
        if (directive.name.value !== 'join__type') continue;
        const graph = directive.arguments?.find((a) => a.name.value === 'graph')?.value;
        const key = directive.arguments?.find((a) => a.name.value === 'key')?.value as StringValueNode | undefined;
        if (graph?.kind !== Kind.ENUM || !key) continue;
        const name = graph.value.toLowerCase().replace(/_/g, '-');
        (entities[name] ??= []).push({ type: definition.name.value, key: key.value });
      }
    }
  }
  return { words: [...words], entities };
}

export class RequestFuzzer {
  private readonly random: Random;
  private readonly words: string[];
  private readonly entities: Record<string, { type: string; key: string }[]>;

  constructor(seed: number, private readonly sources: FuzzSources) {
    this.random = new Random(seed);
    ({ words: this.words, entities: this.entities } = schemaWords(sources.supergraphSdl));
  }

  private text(): string {
    const r = this.random;
    return r.chance(0.7) ? r.pick(NASTY_STRINGS) : Array.from({ length: r.int(1, 12) }, () => String.fromCharCode(r.int(0, 0xffff))).join('');
  }

  /** A JSON value of a random kind: the wrong one, most of the time. */
  private value(depth = 0): unknown {
    const r = this.random;
    switch (r.int(0, depth > 3 ? 3 : 6)) {
      case 0: return this.text();
      case 1: return r.pick(NASTY_NUMBERS);
      case 2: return r.chance(0.5);
      case 3: return null;
      case 4: return Array.from({ length: r.int(0, 4) }, () => this.value(depth + 1));
      case 5: return Object.fromEntries(Array.from({ length: r.int(0, 4) }, () => [r.chance(0.8) ? r.pick(this.words) : this.text(), this.value(depth + 1)]));
      default: return r.pick(this.words);
    }
  }

  private variablesFor(entry: CollectionEntry): Record<string, unknown> | unknown {
    const r = this.random;
    const base = entry.variables ? (JSON.parse(entry.variables) as Record<string, unknown>) : {};
    if (r.chance(0.1)) return r.pick<unknown>(['{}', [], 5, 'x', null, true]);
    const variables: Record<string, unknown> = { ...base };
    for (const name of Object.keys(variables)) if (r.chance(0.5)) variables[name] = this.value();
    if (r.chance(0.2)) variables[r.pick(this.words)] = this.value();
    if (r.chance(0.1)) for (const name of Object.keys(variables)) delete variables[name];
    if (r.chance(0.05)) {
      let deep: unknown = 'x\u0000';
      for (let i = r.int(10, 200); i > 0; i--) deep = { a: deep };
      variables[Object.keys(variables)[0] ?? 'x'] = deep;
    }
    return variables;
  }

  /** Text-level mutations of a document: insertions, deletions, duplications, swaps, renamings. */
  private mutateText(document: string): string {
    const r = this.random;
    let text = document;
    for (let n = r.int(1, 4); n > 0; n--) {
      const at = r.int(0, text.length);
      const end = Math.min(text.length, at + r.int(1, 40));
      switch (r.int(0, 5)) {
        case 0: text = text.slice(0, at) + r.pick(TOKENS) + text.slice(at); break;
        case 1: text = text.slice(0, at) + text.slice(end); break;
        case 2: text = text.slice(0, end) + text.slice(at, end) + text.slice(end); break;
        case 3: text = text.slice(0, at) + String.fromCharCode(r.int(0, 0xffff)) + text.slice(at); break;
        case 4: text = text.replace(/\b[a-z][A-Za-z]+\b/g, (word) => (r.chance(0.1) ? r.pick(this.words) : word)); break;
        default: {
          const other = r.int(0, text.length);
          const [a, b] = at < other ? [at, other] : [other, at];
          text = text.slice(0, a) + text.slice(b, Math.min(text.length, b + 10)) + text.slice(a + 10, b) + text.slice(a, a + 10) + text.slice(b + 10);
        }
      }
    }
    return text;
  }

  /** Structural mutations: limits tried from just under to far over, extra operations, comments. */
  private mutateStructure(document: string): { query: string; operationName?: unknown } {
    const r = this.random;
    const selection = () => r.pick(['__typename', 'stations { id }', 'areas(level: COUNTY) { code }', 'households(first: 1) { totalCount }', r.pick(this.words)]);
    switch (r.int(0, 8)) {
      case 0: return { query: `{ ${Array.from({ length: r.int(1, 1200) }, (_, i) => `a${i}: ${r.chance(0.7) ? '__typename' : selection()}`).join(' ')} }` };
      case 1: {
        let nested = 'id';
        for (let i = r.int(1, 60); i > 0; i--) nested = `${r.pick(['members', 'household', 'children', 'parent', 'ofType', 'fields', 'type'])} { ${nested} }`;
        return { query: r.chance(0.5) ? `{ households(first: 1) { nodes { ${nested} } } }` : `{ __schema { types { ${nested} } } }` };
      }
      case 2: return { query: `${document}\n${'#'.repeat(r.int(1, 80_000))}` };
      case 3: return { query: `${document}\n${document.replace(/query \w+/, `query ${r.chance(0.5) ? 'Other' : ''}`)}`, operationName: r.pick([undefined, null, 'Other', 'Nope', '', 5, 'a b', { x: 1 }]) };
      case 4: return { query: document, operationName: r.pick(['Nope', '', 42, ['x'], 'x'.repeat(300), 'IntrospectionQuery']) };
      case 5: return { query: document.replace(/\}\s*$/, ` ${'@include(if: true) '.repeat(r.int(1, 40))}}`) };
      case 6: return { query: `{ ${Array.from({ length: r.int(1, 6) }, (_, i) => `s${i}: ${r.pick(['__schema { types { name } }', '__type(name: "Query") { name fields { name } }'])}`).join(' ')} }` };
      case 7: return { query: `query { ...F } fragment F on Query { ${r.chance(0.5) ? '...F' : '...G'} } fragment G on Query { ...F }` };
      default: return { query: document.replace(/"([^"]*)"/, () => JSON.stringify(this.text())) };
    }
  }

  /** Random tokens and schema words: mostly not GraphQL at all. */
  private randomDocument(): string {
    const r = this.random;
    return Array.from({ length: r.int(1, 60) }, () => (r.chance(0.5) ? r.pick(TOKENS) : r.pick(this.words))).join(r.pick([' ', '', '\n']));
  }

  /** A raw body that is not what GraphQL over HTTP expects. */
  private rawBody(valid: string): string | Uint8Array<ArrayBuffer> {
    const r = this.random;
    switch (r.int(0, 9)) {
      case 0: return valid.slice(0, r.int(0, valid.length - 1));
      case 1: return new Uint8Array(Buffer.concat([Buffer.from(valid.slice(0, 10)), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(valid.slice(10))]));
      case 2: return r.pick(['[]', '[{}]', 'null', '{}', '0', '"x"', 'true', '', ' ', '\ufeff{}']);
      case 3: return '['.repeat(r.int(100, 20_000)) + ']'.repeat(r.int(0, 100));
      case 4: return `\ufeff${valid}`;
      case 5: return valid.replace('{', '{"query": 1, ');
      case 6: return `${valid}${valid}`;
      case 7: return JSON.stringify([JSON.parse(valid), JSON.parse(valid)]);
      case 8: return `{"query": ${JSON.stringify(this.randomDocument())}, "variables": {"x": ${'{"a":'.repeat(r.int(50, 2000))}1${'}'.repeat(r.int(0, 2000))}}}`;
      default: return valid.replace(/"variables":/, '"variables": "not an object", "v":');
    }
  }

  /** An entity lookup straight on a subgraph, with keys made up. */
  private entitiesQuery(subgraph: string): { query: string; variables: unknown } {
    const r = this.random;
    const entities = this.entities[subgraph] ?? [{ type: 'AdminArea', key: 'code' }];
    const representations = Array.from({ length: r.int(0, 5) }, () => {
      const entity = r.pick(entities);
      return r.chance(0.8) ? { __typename: r.chance(0.9) ? entity.type : r.pick(this.words), [entity.key]: this.value() } : this.value();
    });
    const { type } = r.pick(entities);
    return { query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on ${type} { ${r.pick(['id', 'code', '__typename'])} } } }`, variables: r.chance(0.9) ? { representations } : this.value() };
  }

  next(): FuzzRequest {
    const r = this.random;
    const entry = r.pick(this.sources.collection);
    const target = r.chance(0.15) ? r.pick(this.sources.subgraphs) : 'gateway';
    let kind: string;
    let payload: Record<string, unknown>;
    if (target !== 'gateway' && r.chance(0.5)) {
      kind = 'entities';
      payload = this.entitiesQuery(target);
    } else {
      kind = r.weighted<string>([['collection', 1], ['variables', 4], ['text mutation', 5], ['structure mutation', 4], ['random document', 2]]);
      const variables = kind === 'variables' ? this.variablesFor(entry) : entry.variables ? JSON.parse(entry.variables) : undefined;
      if (kind === 'structure mutation') payload = { variables, ...this.mutateStructure(entry.query) };
      else if (kind === 'text mutation') payload = { query: this.mutateText(entry.query), variables };
      else if (kind === 'random document') payload = { query: this.randomDocument() };
      else payload = { query: entry.query, variables, ...(r.chance(0.3) ? { operationName: /query (\w+)/.exec(entry.query)?.[1] } : {}) };
    }
    if (r.chance(0.05)) payload.extensions = r.pick<unknown>(['x', [], { persistedQuery: { version: 1, sha256Hash: 'abc' } }, { persistedQuery: 'x' }, null]);

    const credentials = r.weighted<FuzzRequest['credentials']>([['officer', 12], ['analyst', 3], ['partner-role', 1], ['expired', 1], ['garbage', 1], ['none', 1], ['api-key', 1]]);
    const headers: Record<string, string> = { 'content-type': r.chance(0.85) ? 'application/json' : r.pick(CONTENT_TYPES) };
    if (r.chance(0.2)) headers.accept = r.pick(ACCEPTS);
    if (r.chance(0.05)) headers['apollo-require-preflight'] = 'true';
    if (r.chance(0.03)) headers['content-encoding'] = r.pick(['gzip', 'br', 'identity', 'x']);

    if (r.chance(0.08)) {
      kind = `GET ${kind}`;
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(payload)) if (value !== undefined) params.append(name, typeof value === 'string' ? value : JSON.stringify(value));
      if (r.chance(0.1)) params.append('query', '{ stations { id } }');
      if (r.chance(0.5)) headers['apollo-require-preflight'] = 'true';
      return { target, method: 'GET', search: params.toString(), headers, credentials, kind };
    }
    const valid = JSON.stringify(payload);
    if (r.chance(0.12)) return { target, method: 'POST', headers, credentials, body: this.rawBody(valid), kind: `raw body (${kind})` };
    return { target, method: 'POST', headers, credentials, body: valid, kind };
  }
}
