import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../platform/config';
import { ErrorCode } from '../../platform/graphql/errors';
import type { GatewayContext } from '../context';
import { scheduleReadAuditMaintenance } from './read-audit.partitions';
import { writeFullReads } from './read-audit.store';

/**
 * Writes a request's full reads (collected from every subgraph response) to the read audit, one row
 * per request, before the response leaves. Fails closed: when the audit cannot be written — or
 * there is no gateway database to write it to — the data is not delivered, only an internal error.
 */
export function readAuditPlugin(dataSource: DataSource | undefined, retentionMonths = loadConfig().readAuditRetentionMonths): ApolloServerPlugin<GatewayContext> {
  return {
    /** The months ahead made and expired months dropped, at start and daily (read-audit.partitions.ts). */
    async serverWillStart() {
      if (!dataSource) return;
      const maintenance = scheduleReadAuditMaintenance(dataSource, retentionMonths);
      await maintenance.done;
      return {
        async serverWillStop() {
          maintenance.stop();
        },
      };
    },
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName, request }) {
          const reads = contextValue.fullReads?.reads ?? [];
          if (!reads.length) return;
          try {
            if (!dataSource) throw new Error('no gateway database for the read audit');
            await writeFullReads(dataSource, {
              identity: contextValue.identity,
              operationName: operationName ?? request.operationName ?? null,
              clientAddress: contextValue.clientAddress ?? null,
            }, reads);
          } catch (error) {
            console.error(`read audit not written, response withheld: ${error instanceof Error ? error.message : error}`);
            response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: '服务器内部错误，请稍后再试 · Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] },
            };
            response.http.status = 500;
          }
        },
      };
    },
  };
}
