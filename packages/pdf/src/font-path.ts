/*
 * Where a font file shipped in a package (`@nianbao/fonts/…`) is on this machine, in a way that survives bundling.
 * An app bundler (Next.js, webpack, esbuild) may move this module into a chunk of its own, rewrite or drop
 * `import.meta.resolve`, or leave `import.meta.url` pointing at the original file; each way of resolving is tried
 * in turn and only a file that exists is taken. Node's modules are reached through `process.getBuiltinModule`, so
 * importing this in a browser costs nothing and needs no polyfill.
 */

interface NodeModules {
  readonly url: typeof import('node:url');
  readonly module: typeof import('node:module');
  readonly fs: typeof import('node:fs');
  readonly path: typeof import('node:path');
}

function nodeModules(): NodeModules | undefined {
  const proc = globalThis.process;
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  return {
    url: proc.getBuiltinModule('node:url'),
    module: proc.getBuiltinModule('node:module'),
    fs: proc.getBuiltinModule('node:fs'),
    path: proc.getBuiltinModule('node:path'),
  };
}

/** Whether this runs in Node (or a runtime with Node's modules), where default font files can be read by path. */
export function hasNodeFiles(): boolean {
  return nodeModules() !== undefined;
}

/** This module's own URL where the bundler left a usable one. */
function ownUrl(): string | undefined {
  try {
    const url = import.meta.url;
    return typeof url === 'string' && url.startsWith('file:') ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The local path of a font file shipped in a package, or undefined where there is none (a browser, or the package
 * is not installed where any resolution below looks). Tried in order, keeping the first file that exists:
 * `import.meta.resolve` (unbundled Node), `require.resolve` from this module's URL (bundlers that keep it, e.g.
 * webpack and Turbopack point it at the file in node_modules), then from the working directory (the app's own
 * node_modules, where npm installs `@nianbao/fonts` as a dependency of `@nianbao/pdf`).
 */
export function packagedFontPath(specifier: string): string | undefined {
  const node = nodeModules();
  if (!node) return undefined;
  const exists = (path: string | undefined): path is string => {
    try {
      return path !== undefined && node.fs.statSync(path).isFile();
    } catch {
      return false;
    }
  };
  const attempts: (() => string | undefined)[] = [
    () => {
      if (typeof import.meta.resolve !== 'function') return undefined;
      const url = import.meta.resolve(specifier);
      return url.startsWith('file:') ? node.url.fileURLToPath(url) : undefined;
    },
    () => {
      const url = ownUrl();
      return url ? node.module.createRequire(url).resolve(specifier) : undefined;
    },
    () => node.module.createRequire(node.path.join(process.cwd(), 'package.json')).resolve(specifier),
  ];
  for (const attempt of attempts) {
    try {
      const path = attempt();
      if (exists(path)) return path;
    } catch {
      // not resolvable this way: try the next
    }
  }
  return undefined;
}

/** Why the default font `specifier` cannot be used here, and what to do instead, for the environment at hand. */
export function missingFontMessage(specifier: string): string {
  if (!hasNodeFiles()) {
    return (
      `@nianbao/pdf: there are no default font files in a browser (${specifier}): pass \`fonts\` with a URL or ` +
      "the bytes of a font for every role (in Vite: import url from '@nianbao/fonts/NotoSerifSC-Regular.ttf?url')"
    );
  }
  return (
    `@nianbao/pdf: cannot find the default font ${specifier} (looked from ${ownUrl() ?? 'this bundle'} and from ` +
    `${process.cwd()}). Install @nianbao/fonts beside @nianbao/pdf (npm install @nianbao/fonts). If a bundler ` +
    "copied @nianbao/pdf into your build, keep it external (Next.js: serverExternalPackages: ['@nianbao/pdf']), " +
    'or pass `fonts` with a file path for every role.'
  );
}
