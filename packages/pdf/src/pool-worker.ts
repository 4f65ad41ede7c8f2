import { parentPort } from 'node:worker_threads';
import { type RenderJob, runRenderJob } from './pool.js';

/*
 * A worker of the render pool: takes { index, job } messages, answers with a RenderJobResult. It lives for many
 * jobs so its fonts are parsed once.
 */
parentPort?.on('message', (message: { index: number; job: RenderJob }) => {
  void runRenderJob(message.job, message.index).then((result) => parentPort?.postMessage(result));
});
