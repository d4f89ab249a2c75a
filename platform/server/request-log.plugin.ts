import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ErrorCode, maskError, PUBLIC_CODES } from '../graphql/errors';
import type { Identity } from '../security/identity';
import { currentRequest, errorFields, noteRequest, type Log } from './log';

/** Whether an error is one the caller caused and was told about (a coded 4xx), not a failure of ours. */
function expected(error: GraphQLError): boolean {
  const code = String(error.extensions?.code ?? '');
  return PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

/** `formatError` of the gateway and every subgraph: `maskError`, and the request id in the extensions of every error. */
export function formatClientError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const masked = maskError(formatted);
  const requestId = currentRequest()?.requestId;
  return requestId ? { ...masked, extensions: { ...masked.extensions, requestId } } : masked;
}

/**
 * On the gateway and every subgraph: notes the operation and the caller (subject, role) for the
 * request's log line, and logs each failure of ours with its stack (server side only).
 */
export function requestLogPlugin(log: Log): ApolloServerPlugin<{ identity?: Identity }> {
  return {
    async requestDidStart({ request }) {
      noteRequest({ operation: request.operationName ?? undefined });
      return {
        async didResolveOperation({ operationName, contextValue }) {
          noteRequest({ operation: operationName ?? undefined, subject: contextValue.identity?.subject, role: contextValue.identity?.role });
        },
        async didEncounterErrors({ errors, contextValue }) {
          noteRequest({ subject: contextValue?.identity?.subject, role: contextValue?.identity?.role });
          for (const error of errors) {
            if (expected(error)) continue;
            log.error({ requestId: currentRequest()?.requestId, path: error.path?.join('.'), code: error.extensions?.code, ...errorFields(error) }, 'request failed');
          }
        },
      };
    },
  };
}
