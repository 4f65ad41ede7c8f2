import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { WorkPool } from './pool.js';

/** The service's Prometheus metrics, in a registry of its own (two services in one process never mix). */
export interface Metrics {
  readonly registry: Registry;
  /** Requests answered, by route template, method and status. */
  readonly requests: Counter<'route' | 'method' | 'status'>;
  /** Seconds from asking the pool to having the file, by format. */
  readonly renderSeconds: Histogram<'format'>;
}

/** Creates the registry; the queue gauges read the pool when scraped. */
export function createMetrics(pool: () => WorkPool | undefined): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'nianbao_' });
  const requests = new Counter({
    name: 'nianbao_http_requests_total',
    help: 'HTTP requests answered, by route template, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const renderSeconds = new Histogram({
    name: 'nianbao_render_seconds',
    help: 'Seconds to render one report (waiting for a worker included), by format',
    labelNames: ['format'] as const,
    // A warm PDF takes tenths of a second; the upper buckets show queueing.
    buckets: [0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6],
    registers: [registry],
  });
  new Gauge({
    name: 'nianbao_queue_depth',
    help: 'Jobs waiting for a free worker thread',
    registers: [registry],
    collect() {
      this.set(pool()?.queued ?? 0);
    },
  });
  new Gauge({
    name: 'nianbao_jobs_running',
    help: 'Jobs running on a worker thread',
    registers: [registry],
    collect() {
      this.set(pool()?.running ?? 0);
    },
  });
  return { registry, requests, renderSeconds };
}
