import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode } from '../platform/graphql/errors';
import { IDENTITY_HEADER } from '../platform/security/identity';
import { FULL_READS_EXTENSION, parseFullReads } from '../platform/security/read-audit';
import { currentRequest, REQUEST_ID_HEADER } from '../platform/server/log';
import { countSharedRead, observeSubgraphFetch, type FetchOutcome } from '../platform/server/metrics';
import type { GatewayContext } from './context';
import { callerKey, InFlightReads, isRead } from './in-flight';
import { subgraphFailure, subgraphFailureOf } from './subgraph-failure';
import { subgraphFetcher } from './subgraph-fetcher';

type Response = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;

/** A response as the subgraph sent it: its data and errors copied for each request that shares it, the HTTP response itself not. */
function copyResponse({ http, ...body }: Response): Response {
  return { ...structuredClone(body), http };
}

/**
 * One subgraph as the gateway calls it: each fetch carries the identity the gateway signed for
 * this request and the request's id, and is given `timeoutMs` to answer; the full reads the
 * subgraph reports are taken out of its response (clients never see them) into the request's
 * read audit. A read identical to one already in flight to this subgraph for the same caller
 * (`in-flight.ts`) waits for that one's answer instead of being sent again; each request still
 * takes the full reads of its own copy into its own audit. A subgraph that is down, too slow or answering 5xx fails only its part of the
 * answer, with an error naming it and the path (`subgraph-failure.ts`).
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly inFlight = new InFlightReads<Response>(copyResponse, () => countSharedRead(this.service));

  constructor(
    private readonly service: string,
    url: string,
    timeoutMs: number,
  ) {
    // no cache hints are kept from subgraph answers: nothing here caches responses
    super({ url, honorSubgraphCacheControlHeader: false });
    this.fetcher = subgraphFetcher(timeoutMs) as never;
  }

  /** Each fetch is timed into `resettlement_subgraph_fetch_duration_seconds{subgraph, outcome}`. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Response> {
    const started = process.hrtime.bigint();
    let outcome: FetchOutcome = 'failed';
    try {
      const response = this.fullReadsTaken(await this.send(options), options.context as Partial<GatewayContext> | undefined);
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

  /** The subgraph's answer: sent, or shared with the identical read of the same caller already in flight. */
  private send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Response> {
    const { request } = options;
    const identity = (options.context as Partial<GatewayContext> | undefined)?.identity;
    if (!identity || !request.query || !isRead(request.query)) return super.process(options);
    const key = `${callerKey(identity)}\n${JSON.stringify([request.operationName ?? null, request.query, request.variables ?? null])}`;
    return this.inFlight.share(key, () => super.process(options));
  }

  /** Reads the subgraph reports go to the request's read audit, out of the response. */
  private fullReadsTaken(response: Response, context: Partial<GatewayContext> | undefined): Response {
    const reads = response.extensions?.[FULL_READS_EXTENSION];
    if (reads === undefined) return response;
    // a malformed report fails this fetch: its data is not delivered unaudited
    const parsed = parseFullReads(reads);
    if (!context?.fullReads) throw new Error('full reads outside a request');
    context.fullReads.merge(parsed);
    const { [FULL_READS_EXTENSION]: _taken, ...rest } = response.extensions!;
    return { ...response, extensions: Object.keys(rest).length ? rest : undefined };
  }
}
