import type { Express } from 'express';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import type { StatementCounter } from '../db/data-source';

/**
 * `GET /metrics` in Prometheus text format: the process's own metrics (memory, CPU, event loop)
 * and, for a subgraph, the SQL statements it has run.
 */
export function serveMetrics(app: Express, service: string, statements?: StatementCounter): void {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  if (statements) {
    new Counter({
      name: 'resettlement_sql_statements_total',
      help: 'SQL statements run by this subgraph',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(statements.count);
      },
    });
  }
  app.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
}
