/*
 * The parent's Node flags a worker thread must not inherit. Pure string handling, tested on its own; the pool
 * passes what is left to every thread it starts.
 */

/** Flags a worker must not inherit, and whether each takes the next argument as its value. */
const NOT_FOR_WORKERS: ReadonlyMap<string, boolean> = new Map([
  // Export conditions: a `@nianbao/source` condition inherited from a dev or test process would point the
  // compiled worker at TypeScript sources Node cannot load.
  ['--conditions', true],
  ['-C', true],
  // A parent started with `node -e` / `--input-type=module`: a worker refuses these ("--input-type can only be
  // used with string input") and would never start.
  ['--input-type', true],
  ['--eval', true],
  ['-e', true],
  ['--print', true],
  ['-p', true],
]);

/** The parent's Node flags minus those a worker running a compiled script must not inherit (see above). */
export function compiledExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] ?? '';
    const equals = arg.indexOf('=');
    const takesValue = NOT_FOR_WORKERS.get(equals > 0 ? arg.slice(0, equals) : arg);
    if (takesValue === undefined) out.push(arg);
    else if (takesValue && equals < 0) i += 1;
  }
  return out;
}
