import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode } from '../platform/graphql/errors';
import { IDENTITY_HEADER } from '../platform/security/identity';
import { FULL_READS_EXTENSION, parseFullReads } from '../platform/security/read-audit';
import { currentRequest, REQUEST_ID_HEADER } from '../platform/server/log';
import { observeSubgraphFetch, type FetchOutcome } from '../platform/server/metrics';
import type { GatewayContext } from './context';
import { subgraphFailure, subgraphFailureOf } from './subgraph-failure';

type Response = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;
type Received = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];

/**
 * One subgraph as the gateway calls it: each fetch carries the identity the gateway signed for
 * this request and the request's id, and is given `timeoutMs` to answer; the full reads the
 * subgraph reports are taken out of its response (clients never see them) into the request's
 * read audit. A subgraph that is down, too slow or answering 5xx fails only its part of the
 * answer, with an error naming it and the path (`subgraph-failure.ts`).
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly service: string,
    url: string,
    timeoutMs: number,
  ) {
    super({ url });
    this.fetcher = (input, init) => fetch(input, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) }) as never;
  }

  /** Each fetch is timed into `resettlement_subgraph_fetch_duration_seconds{subgraph, outcome}`. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Response> {
    const started = process.hrtime.bigint();
    let outcome: FetchOutcome = 'failed';
    try {
      const response = await super.process(options);
      outcome = response.errors?.length ? 'errors' : 'ok';
      return response;
    } catch (error) {
      const code = subgraphFailureOf(error);
      if (!code) throw error;
      outcome = code === ErrorCode.SUBGRAPH_TIMEOUT ? 'timeout' : 'unavailable';
      return subgraphFailure(this.service, code, options, error);
    } finally {
      observeSubgraphFetch(this.service, outcome, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.forwardedIdentity) request.http?.headers.set(IDENTITY_HEADER, context.forwardedIdentity);
    const requestId = currentRequest()?.requestId;
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }

  override didReceiveResponse({ response, context }: Received): Received['response'] {
    const reads = response.extensions?.[FULL_READS_EXTENSION];
    if (reads === undefined) return response;
    // a malformed report fails this fetch: its data is not delivered unaudited
    const parsed = parseFullReads(reads);
    if (!context.fullReads) throw new Error('full reads outside a request');
    context.fullReads.merge(parsed);
    const { [FULL_READS_EXTENSION]: _taken, ...rest } = response.extensions!;
    return { ...response, extensions: Object.keys(rest).length ? rest : undefined };
  }
}
