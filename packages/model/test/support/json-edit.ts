/*
 * Test helpers: reading and editing plain JSON-like data by ParseIssue path, without `any`.
 */
import { type PathSegment, parsePath } from '../../src/schema/path.js';

/** A JSON-like container: an object or an array, indexed by key or position. */
type Container = Record<PathSegment, unknown>;

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** A deep copy of JSON-like data (the fixtures are frozen; edits need a copy). */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** Where a ParseIssue path leads in `root`: to a value, to a missing key of an object, or nowhere. */
export type Resolved =
  | { kind: 'value'; value: unknown }
  | { kind: 'missing-key'; parent: Record<string, unknown> }
  | { kind: 'nowhere' };

/** Resolves a path; an array index within bounds counts as a location even when it is a hole. */
export function resolve(root: unknown, path: string): Resolved {
  const segments = parsePath(path);
  let node: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as PathSegment;
    if (Array.isArray(node)) {
      if (typeof segment !== 'number' || segment >= node.length) return { kind: 'nowhere' };
      node = node[segment];
    } else if (isContainer(node)) {
      if (!Object.hasOwn(node, segment)) {
        return i === segments.length - 1
          ? { kind: 'missing-key', parent: node as Record<string, unknown> }
          : { kind: 'nowhere' };
      }
      node = node[segment];
    } else {
      return { kind: 'nowhere' };
    }
  }
  return { kind: 'value', value: node };
}

function parentOf(root: unknown, path: string): { parent: Container; key: PathSegment } {
  const segments = parsePath(path);
  const key = segments.pop();
  let node: unknown = root;
  for (const segment of segments) {
    if (!isContainer(node)) throw new Error(`no container at ${path}`);
    node = node[segment];
  }
  if (!isContainer(node) || key === undefined) throw new Error(`no container at ${path}`);
  return { parent: node, key };
}

/** Sets the value at `path` in place (as an own, enumerable property, even for `__proto__`). */
export function setIn(root: unknown, path: string, value: unknown): void {
  const { parent, key } = parentOf(root, path);
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `root` with the value at `path` set (as an own, enumerable property, even for `__proto__`). */
export function withValue(root: unknown, path: string, value: unknown): unknown {
  const out = copy(root);
  setIn(out, path, value);
  return out;
}

/** A copy of `root` without the key at `path`. */
export function without(root: unknown, path: string): unknown {
  const out = copy(root);
  const { parent, key } = parentOf(out, path);
  delete parent[key];
  return out;
}

/** A copy of `root` with the key at `path` renamed (its value moved to `newKey`, last in key order). */
export function renamed(root: unknown, path: string, newKey: string): unknown {
  const out = copy(root);
  const { parent, key } = parentOf(out, path);
  const value = parent[key];
  delete parent[key];
  Object.defineProperty(parent, newKey, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Every path to an object key in `root` (array elements included), in document order. */
export function keyPaths(root: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [];
  if (Array.isArray(root)) {
    root.forEach((item, index) => {
      out.push(...keyPaths(item, [...prefix, index]));
    });
  } else if (isContainer(root)) {
    for (const key of Object.keys(root)) {
      out.push([...prefix, key]);
      out.push(...keyPaths(root[key], [...prefix, key]));
    }
  }
  return out;
}

/** Every path to an object in `root` (the root included), where a key could be added. */
export function objectPaths(root: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [];
  if (Array.isArray(root)) {
    root.forEach((item, index) => {
      out.push(...objectPaths(item, [...prefix, index]));
    });
  } else if (isContainer(root)) {
    out.push(prefix);
    for (const key of Object.keys(root)) out.push(...objectPaths(root[key], [...prefix, key]));
  }
  return out;
}
