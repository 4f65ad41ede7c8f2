/*
 * When an app bundler pairs this module with a React other than the one its `react-dom/server` drives (a Next.js
 * App Router Route Handler bundles react-dom/server with the app's own React while the components get the React of
 * the server runtime), every hook reads a dispatcher that was never set and rendering fails with
 * "Cannot read properties of null (reading 'useMemo')". `renderReportHtml` then renders with the copy of this
 * package that Node itself resolves from the app (node_modules/@nianbao/react with its own react and react-dom),
 * where the two match. Only Node has such a copy; elsewhere the error stands.
 */
import type * as Server from './server.js';

const DEPTH = Symbol.for('@nianbao/react/node-copy-depth');

/** Whether `error` is a hook that found no dispatcher: the React of the components is not the renderer's. */
export function isForeignReact(error: unknown): boolean {
  return error instanceof TypeError && /\(reading 'use[A-Za-z]*'\)/.test(error.message);
}

/** Runs `render` with the server entry Node resolves from the working directory, or undefined where none. */
export function withNodeCopy<T>(render: (server: typeof Server) => T): T | undefined {
  const proc = globalThis.process;
  const state = globalThis as { [DEPTH]?: number };
  if (typeof proc?.getBuiltinModule !== 'function' || (state[DEPTH] ?? 0) > 0) return undefined;
  let server: typeof Server;
  try {
    const { createRequire } = proc.getBuiltinModule('node:module');
    const { join } = proc.getBuiltinModule('node:path');
    // require() of an ES module: Node >= 20.19 (this package's engines).
    server = createRequire(join(proc.cwd(), 'package.json'))('@nianbao/react/server') as typeof Server;
  } catch {
    return undefined;
  }
  state[DEPTH] = (state[DEPTH] ?? 0) + 1;
  try {
    return render(server);
  } finally {
    state[DEPTH] = (state[DEPTH] ?? 1) - 1;
  }
}
