import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER } from '../platform/security/identity';
import { FULL_READS_EXTENSION, parseFullReads } from '../platform/security/read-audit';
import { currentRequest, REQUEST_ID_HEADER } from '../platform/server/log';
import type { GatewayContext } from './context';

type Received = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];

/**
 * Sends each subgraph fetch with the identity the gateway signed for this request and the
 * request's id, and takes the full reads each subgraph reports out of its response (clients
 * never see them) into the request's read audit.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
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
