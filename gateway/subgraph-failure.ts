import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, parse, type DocumentNode, type GraphQLError, type SelectionSetNode } from 'graphql';
import { ErrorCode } from '../platform/graphql/errors';
import { currentRequest, errorFields, logger } from '../platform/server/log';

export type SubgraphFailureCode = typeof ErrorCode.SUBGRAPH_UNAVAILABLE | typeof ErrorCode.SUBGRAPH_TIMEOUT;

const log = logger('gateway');

/**
 * What went wrong with a subgraph fetch, when it is the subgraph's fault rather than the
 * request's: it did not answer within the timeout (TIMEOUT), refused or dropped the connection,
 * or answered 5xx (UNAVAILABLE). Anything else is not a subgraph failure (undefined).
 */
export function subgraphFailureOf(error: unknown): SubgraphFailureCode | undefined {
  // by name, not instanceof: fetch's errors may come from another realm
  const { name, message } = (error ?? {}) as { name?: string; message?: string };
  if (name === 'TimeoutError') return ErrorCode.SUBGRAPH_TIMEOUT;
  if (name === 'TypeError' && message === 'fetch failed') return ErrorCode.SUBGRAPH_UNAVAILABLE;
  const response = (error as GraphQLError | undefined)?.extensions?.response as { status?: number } | undefined;
  if (response?.status && response.status >= 500) return ErrorCode.SUBGRAPH_UNAVAILABLE;
  return undefined;
}

/** The first field a fetch asks for (inside `_entities … on T` for an entity fetch). */
function firstField(selectionSet: SelectionSetNode | undefined): (string | number)[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) return selection.name.value === '_entities' ? ['_entities', 0, ...firstField(selection.selectionSet)] : [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return firstField(selection.selectionSet);
  }
  return [];
}

function pathOf(document: DocumentNode | undefined): (string | number)[] {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation && 'selectionSet' in operation ? firstField(operation.selectionSet) : [];
}

/**
 * The answer of a failed subgraph fetch: no data, one error naming the service and (through the
 * gateway, which places it in the client's answer) the path of the first field it would have
 * filled; the other subgraphs' fields are still delivered. Logged with the cause; nothing of
 * the cause (URL, body, stack) goes to the client.
 */
export function subgraphFailure(service: string, code: SubgraphFailureCode, options: GraphQLDataSourceProcessOptions, cause: unknown) {
  const [zh, en] =
    code === ErrorCode.SUBGRAPH_TIMEOUT
      ? [`子图 ${service} 未能及时响应，部分数据缺失`, `The ${service} service did not answer in time: part of the data is missing`]
      : [`子图 ${service} 暂不可用，部分数据缺失`, `The ${service} service is unavailable: part of the data is missing`];
  const path = pathOf(('document' in options && options.document) || parse(options.request.query ?? '{ _unknown }'));
  const at = 'pathInIncomingRequest' in options ? (options.pathInIncomingRequest ?? []).join('.') : '';
  log.warn({ requestId: currentRequest()?.requestId, subgraph: service, code, at, ...errorFields(cause), stack: undefined }, 'subgraph failed');
  return {
    data: null,
    errors: [{ message: `${zh} · ${en}`, path, extensions: { code, service, messageZh: zh, messageEn: en } }],
  };
}
