import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER } from '../subgraphs/shared/identity';
import type { GatewayContext } from './context';

/** Sends each subgraph fetch with the identity the gateway signed for this request. */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.forwardedIdentity) request.http?.headers.set(IDENTITY_HEADER, context.forwardedIdentity);
  }
}
