import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/*
 * V8's code cache for one CommonJS file, the way Node 22's `module.enableCompileCache()` works for every module (Node
 * 20 has no such switch). A fresh process otherwise parses and compiles react-pdf's ~2 MB of code on every start,
 * and again each function the first render touches; the cache holds the bytecode of both, written once after the
 * first render of a machine and reused by every later process. Node only.
 *
 * Invariants: a cache is only ever used for the exact bytes it was made from (its name carries a hash of the
 * source, Node's version and architecture, and the V8 flags), because V8 itself checks little more than the source's length;
 * files are written to a temporary name and renamed, so a reader never sees half a cache; any failure to read or
 * write the cache only costs speed, never the load.
 */

/** Where a load's bytecode came from. */
export type CodeCacheState =
  /** Compiled from the cache file. */
  | 'hit'
  /** No cache file yet; one is written after the first render ({@link CachedModule.saveCache}). */
  | 'miss'
  /** A cache file was there but V8 refused it (another V8 build, damaged); it is rewritten. */
  | 'rejected'
  /** Caching is switched off (`NIANBAO_COMPILE_CACHE=0`, `NODE_DISABLE_COMPILE_CACHE=1`) or has no usable folder. */
  | 'off';

/** A CommonJS file loaded with {@link loadWithCodeCache}. */
export interface CachedModule {
  /** What the file put on `module.exports`. */
  readonly exports: unknown;
  /** How the code was compiled. */
  readonly state: CodeCacheState;
  /** The cache file (absent when caching is off). */
  readonly cacheFile: string | undefined;
  /**
   * Writes the cache now, with the bytecode of every function run so far, if this load had none to use. Call it once
   * the code has done a representative piece of work. Never throws; returns whether a file was written.
   */
  saveCache(): boolean;
}

/** Options of {@link loadWithCodeCache}. */
export interface CodeCacheOptions {
  /**
   * The cache folder. @default `NIANBAO_COMPILE_CACHE` if set to a path, else `nianbao-compile-cache-<uid>` in the
   * system temporary folder (created private to the user; not used if another user owns it or can write to it).
   */
  readonly directory?: string;
  /** The environment to read the switches from. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

const OFF = /^(0|false|off|no)$/i;

/** The cache folder to use, or undefined when caching is off. Creates the default folder private to the user. */
export function codeCacheDirectory(options: CodeCacheOptions = {}): string | undefined {
  const env = options.env ?? process.env;
  if (options.directory) return options.directory;
  const setting = env.NIANBAO_COMPILE_CACHE;
  if ((setting && OFF.test(setting)) || (env.NODE_DISABLE_COMPILE_CACHE ?? '') !== '') return undefined;
  if (setting) return setting;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = join(tmpdir(), `nianbao-compile-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return undefined;
  }
  return isPrivateDirectory(dir, uid) ? dir : undefined;
}

/**
 * Whether a shared-temp folder is safe to load bytecode from: a directory owned by this user that nobody else can
 * write to (someone who could plant a cache file could make this process run their code).
 */
export function isPrivateDirectory(dir: string, uid: number | undefined): boolean {
  try {
    const stat = statSync(dir);
    if (!stat.isDirectory()) return false;
    if (uid === undefined) return true; // Windows: the temporary folder is per user already.
    return stat.uid === uid && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Loads a CommonJS file the way `require` would (its own `require`, `module`, `exports`, `__filename`,
 * `__dirname`), compiling it from V8's code cache where one was made before. The file must not use `import()`
 * (a script compiled this way has no loader for it).
 */
export function loadWithCodeCache(file: string, options: CodeCacheOptions = {}): CachedModule {
  const bytes = readFileSync(file);
  const directory = codeCacheDirectory(options);
  const key = createHash('sha256')
    .update(bytes)
    .update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}`)
    .digest('hex')
    .slice(0, 24);
  const cacheFile = directory ? join(directory, `${key}.v8cache`) : undefined;
  const cached = readCache(cacheFile);
  // CommonJS's own wrapper; the newline keeps a last-line comment from swallowing the closing brace.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${bytes.toString('utf8')}\n});`;
  const script = new Script(wrapped, {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
  });
  const state: CodeCacheState = !cacheFile
    ? 'off'
    : !cached
      ? 'miss'
      : script.cachedDataRejected
        ? 'rejected'
        : 'hit';
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  let saved = false;
  return {
    exports: module.exports,
    state,
    cacheFile,
    saveCache(): boolean {
      if (!cacheFile || saved || state === 'hit' || state === 'off') return false;
      saved = true;
      const temp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, cacheFile);
        return true;
      } catch {
        try {
          rmSync(temp, { force: true });
        } catch {
          // Nothing was written that a reader could see; the next process tries again.
        }
        return false;
      }
    },
  };
}
