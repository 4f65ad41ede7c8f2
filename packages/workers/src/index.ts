/**
 * @nianbao/workers — the one worker-thread pool of nianbao, on piscina: PDF render batches (@nianbao/pdf), bulk
 * import and audit (@nianbao/import) and the HTTP service (@nianbao/server) run their work on it. Node only.
 */
export { compiledExecArgv } from './exec-argv.js';
export {
  JobCancelledError,
  JobTimeoutError,
  poolSize,
  QueueFullError,
  WorkerCrashError,
  WorkerPool,
  WorkerPoolError,
  type WorkerPoolOptions,
  WorkerStartError,
  type WorkerText,
} from './pool.js';
