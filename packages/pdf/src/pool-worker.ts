import { type PoolTask, type RenderJobResult, runRenderJob, warmRenderer } from './pool.js';

/*
 * A thread of the render pool (@nianbao/workers, on piscina): `ready` loads the renderer once, then each task is one
 * job. The thread lives for many jobs, so its fonts are parsed once.
 */

/** Run once when the thread starts. */
export async function ready(): Promise<void> {
  await warmRenderer();
}

/** Renders one job; never throws (a failure is a result). */
export default function run(task: PoolTask): Promise<RenderJobResult> {
  return runRenderJob(task.job, task.index);
}
