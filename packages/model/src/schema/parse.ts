import { z } from 'zod';
import type { LocalizedText, Report } from '../types.js';
import {
  got,
  issue,
  missingIssue,
  type ParseIssue,
  type ParseIssueCode,
  unknownKeyIssue,
  valueIssue,
} from './issues.js';
import { findDeepNesting, findJsonSyntaxError, lineColumn, numberTexts } from './json-text.js';
import { formatPath, type PathSegment } from './path.js';
import { type Role, reportZodSchema, roleOf } from './report-schema.js';

export type { ParseIssue, ParseIssueCode } from './issues.js';

/** The outcome of parsing: the report, or every problem found (never just the first). */
export type ParseResult = { ok: true; report: Report } | { ok: false; errors: ParseIssue[] };

/** How deep `parseReportJson` lets arrays and objects nest (a report nests 6 deep). */
const MAX_JSON_DEPTH = 256;

/** The largest JSON text `parseReportJson` reads (a real report is well under 1 MB). */
const MAX_JSON_BYTES = 20 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface SchemaNode {
  /** The schema at the path with optional/nullable unwrapped; undefined when the path leaves the schema. */
  schema: z.ZodType | undefined;
  role: Role | undefined;
}

function unwrap(schema: z.ZodType): SchemaNode {
  let current = schema;
  let role = roleOf(current);
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
    role ??= roleOf(current);
  }
  return { schema: current, role };
}

/** The literal `type` values of a discriminated union's options. */
function optionTypes(union: z.ZodDiscriminatedUnion): { type: string; option: z.ZodObject }[] {
  const out: { type: string; option: z.ZodObject }[] = [];
  for (const option of union.options) {
    if (!(option instanceof z.ZodObject)) continue;
    const literal = option.shape.type;
    if (literal instanceof z.ZodLiteral && typeof literal.value === 'string') {
      out.push({ type: literal.value, option });
    }
  }
  return out;
}

/**
 * Walks the schema along a path, choosing the block kind by the input's own `type`, to learn what the
 * value at the path should have been.
 */
function nodeAt(root: z.ZodType, segments: readonly PathSegment[], input: unknown): SchemaNode {
  let node = unwrap(root);
  let value = input;
  for (const segment of segments) {
    let schema = node.schema;
    if (schema instanceof z.ZodDiscriminatedUnion) {
      const options = optionTypes(schema);
      const type = isRecord(value) ? value.type : undefined;
      const chosen = options.find((option) => option.type === type);
      if (!chosen) {
        return segment === 'type'
          ? { schema: undefined, role: { kind: 'block-type', values: options.map((option) => option.type) } }
          : { schema: undefined, role: undefined };
      }
      schema = chosen.option;
    }
    let next: z.ZodType | undefined;
    if (
      schema instanceof z.ZodObject &&
      typeof segment === 'string' &&
      Object.hasOwn(schema.shape, segment)
    ) {
      next = schema.shape[segment] as z.ZodType;
    } else if (schema instanceof z.ZodArray && typeof segment === 'number') {
      next = schema.element as z.ZodType;
    }
    if (!next) return { schema: undefined, role: undefined };
    node = unwrap(next);
    value =
      isRecord(value) || Array.isArray(value) ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  }
  // A block whose `type` is valid: its keys are those of the chosen kind (for unknown-key suggestions).
  if (node.schema instanceof z.ZodDiscriminatedUnion && isRecord(value)) {
    const type = value.type;
    const chosen = optionTypes(node.schema).find((option) => option.type === type);
    if (chosen) return { schema: chosen.option, role: node.role };
  }
  return node;
}

function shapeKeys(schema: z.ZodType | undefined): string[] | undefined {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}

type Location =
  | { found: true; value: unknown }
  | { found: false; parent: Record<string, unknown> | undefined };

function locate(input: unknown, segments: readonly PathSegment[]): Location {
  let value = input;
  let parent: unknown;
  for (const segment of segments) {
    parent = value;
    const container =
      isRecord(value) || Array.isArray(value) ? (value as Record<PathSegment, unknown>) : undefined;
    if (!container || !Object.hasOwn(container, segment)) {
      return { found: false, parent: isRecord(parent) ? parent : undefined };
    }
    value = container[segment];
  }
  return { found: true, value };
}

function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}

/** The most issues a parse reports; the rest are counted in one closing `too-many-issues` issue, as compilers do. */
export const MAX_PARSE_ISSUES = 100;

/** Looks up how the user wrote the number at a dotted path, when that differs from the parsed value. */
type NumberText = (path: string) => string | undefined;

/*
 * Every step here costs time linear in the input: an object's keys are read once per zod issue (not once per
 * unknown key), and once MAX_PARSE_ISSUES issues are worded the rest are only counted.
 */
function collectIssues(
  input: Record<string, unknown>,
  zodIssues: readonly z.core.$ZodIssue[],
  numberText: NumberText | undefined,
): ParseIssue[] {
  const root = reportZodSchema();
  const out: ParseIssue[] = [];
  const seen = new Set<string>();
  let more = 0;
  const full = (): boolean => out.length >= MAX_PARSE_ISSUES;
  const push = (found: ParseIssue): void => {
    const key = `${found.code}\u0000${found.path}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(found);
  };
  for (const zodIssue of zodIssues) {
    const segments = toSegments(zodIssue.path);
    if (full()) {
      // Counted, not worded: an unknown key is one issue per key, anything else one per path.
      if (zodIssue.code === 'unrecognized_keys') more += zodIssue.keys.length;
      else {
        const key = `\u0001${formatPath(segments)}`;
        if (!seen.has(key)) {
          seen.add(key);
          more += 1;
        }
      }
      continue;
    }
    const node = nodeAt(root, segments, input);
    if (zodIssue.code === 'unrecognized_keys') {
      const location = locate(input, segments);
      const object = location.found && isRecord(location.value) ? location.value : {};
      const allowed = shapeKeys(node.schema) ?? [];
      const absent = allowed.filter((k) => !Object.hasOwn(object, k));
      for (const [index, key] of zodIssue.keys.entries()) {
        if (full()) {
          more += zodIssue.keys.length - index;
          break;
        }
        push(unknownKeyIssue(segments, key, allowed, absent));
      }
      continue;
    }
    const location = locate(input, segments);
    if (!location.found && location.parent) {
      const siblings = shapeKeys(nodeAt(root, segments.slice(0, -1), input).schema) ?? [];
      push(missingIssue(segments, node.role, location.parent, siblings));
      continue;
    }
    const value = location.found ? location.value : undefined;
    const written = typeof value === 'number' ? numberText?.(formatPath(segments)) : undefined;
    push(valueIssue(segments, value, node.role, shapeKeys(node.schema), zodIssue.message, written));
  }
  if (more > 0) {
    out.push(
      textIssue('too-many-issues', {
        zh: `另有 ${grouped(more)} 处问题未列出（只列出前 ${MAX_PARSE_ISSUES} 处）`,
        en: `${grouped(more)} more problems not listed (only the first ${MAX_PARSE_ISSUES} are)`,
      }),
    );
  }
  return out;
}

function parseUnchecked(input: unknown, numberText?: NumberText): ParseResult {
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [issue([], 'wrong-type', got({ zh: '应为 JSON 对象', en: 'must be a JSON object' }, input))],
    };
  }
  const result = reportZodSchema().safeParse(input);
  if (result.success) return { ok: true, report: result.data };
  const errors = collectIssues(input, result.error.issues, numberText);
  // zod found a problem; should the mapping ever lose it, still fail rather than report success.
  if (errors.length === 0)
    errors.push(issue([], 'invalid', { zh: '不是有效的报告', en: 'is not a valid report' }));
  return { ok: false, errors };
}

/**
 * Checks that a value is a Report JSON v1 document. Returns the report (the same data: nothing coerced,
 * defaulted or dropped) or every problem found, each with a dotted path and a bilingual message.
 * Never throws, whatever the input.
 */
export function parseReport(input: unknown): ParseResult {
  return parseGuarded(input, undefined);
}

function parseGuarded(input: unknown, numberText: NumberText | undefined): ParseResult {
  try {
    return parseUnchecked(input, numberText);
  } catch (error) {
    // Hostile inputs (throwing getters, revoked proxies) end here rather than escaping.
    let reason: string;
    try {
      reason = String(error instanceof Error ? error.message : error);
    } catch {
      reason = 'unknown error';
    }
    return {
      ok: false,
      errors: [issue([], 'unreadable', { zh: `无法读取：${reason}`, en: `could not be read: ${reason}` })],
    };
  }
}

/** An issue about the text as a whole (path ``), worded without the "root" prefix. */
function textIssue(code: ParseIssueCode, message: LocalizedText): ParseIssue {
  return { path: '', code, message };
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Parses Report JSON text (a UTF-8 BOM is accepted). Syntax errors carry the line and column (code
 * `json-syntax`); text over 20 MB is refused unread (code `too-large`), and so is text nesting arrays or
 * objects more than 256 deep (code `too-deep`, located). At most 100 issues are listed, then a count
 * (code `too-many-issues`). Never throws.
 */
export function parseReportJson(text: string): ParseResult {
  if (typeof text !== 'string') {
    return {
      ok: false,
      errors: [
        issue(
          [],
          'wrong-type',
          got({ zh: '应为 JSON 文本（字符串）', en: 'must be JSON text (a string)' }, text),
        ),
      ],
    };
  }
  const bytes = utf8Length(text);
  if (bytes > MAX_JSON_BYTES) {
    return {
      ok: false,
      errors: [
        textIssue('too-large', {
          zh: `文本大小为 ${megabytes(bytes)}（${grouped(bytes)} 字节），超过 20 MB（${grouped(MAX_JSON_BYTES)} 字节）的上限，未作解析`,
          en: `the text is ${megabytes(bytes)} (${grouped(bytes)} bytes), over the 20 MB limit (${grouped(MAX_JSON_BYTES)} bytes); it was not parsed`,
        }),
      ],
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = findDeepNesting(body, MAX_JSON_DEPTH);
  if (deep !== undefined) {
    const { line, column } = lineColumn(body, deep);
    return {
      ok: false,
      errors: [
        textIssue('too-deep', {
          zh: `第 ${line} 行第 ${column} 列：数组或对象嵌套超过 ${MAX_JSON_DEPTH} 层（报告只需不到 10 层），未作解析`,
          en: `line ${line}, column ${column}: arrays or objects nested more than ${MAX_JSON_DEPTH} deep (a report needs fewer than 10); it was not parsed`,
        }),
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const problem = findJsonSyntaxError(body);
    const offset = problem?.offset ?? positionFromMessage(error) ?? 0;
    const { line, column } = lineColumn(body, offset);
    const detail = problem?.reason ?? { zh: String(error), en: String(error) };
    return {
      ok: false,
      errors: [
        textIssue('json-syntax', {
          zh: `JSON 语法错误：第 ${line} 行第 ${column} 列，${detail.zh}`,
          en: `JSON syntax error at line ${line}, column ${column}: ${detail.en}`,
        }),
      ],
    };
  }
  // Numbers as written, read from the text only when a message needs one (JSON.parse rounds 2**53 + 1).
  let written: Map<string, string> | undefined;
  return parseGuarded(value, (path) => {
    written ??= numberTexts(body);
    return written.get(path);
  });
}

/** The offset in V8's "… in JSON at position N" message; used only if our scanner disagrees with V8. */
function positionFromMessage(error: unknown): number | undefined {
  const match = error instanceof Error ? /at position (\d+)/.exec(error.message) : null;
  return match?.[1] ? Number(match[1]) : undefined;
}
