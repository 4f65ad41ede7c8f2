import type { LocalizedText, ParseIssue, Report } from '@nianbao/model';
import { parseReport, parseReportJson } from '@nianbao/model';
import { decodeJsonBytes } from '@nianbao/model/core';
import type { FastifyRequest } from 'fastify';
import { fail, type Problem, ProblemError, type ProblemIssue, problem } from './problem.js';

/*
 * Reading what a request carries: a Report JSON document (a JSON body, a JSON envelope `{ report, previous }`, or
 * the multipart parts `report` and `previous`), or input files (a body, or multipart file parts). Multipart parts
 * are counted against the same body limit as a plain body.
 */

/** The media types a report body may have. */
export function isJsonType(type: string): boolean {
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

/** The request's media type without parameters, lower-cased; `''` when there is none. */
export function mediaType(request: FastifyRequest): string {
  const header = request.headers['content-type'] ?? '';
  return header.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** A named part of a multipart body with its bytes. */
export interface Part {
  readonly field: string;
  /** The client's file name (a file part) or undefined (a field). */
  readonly filename?: string;
  readonly mimetype: string;
  readonly bytes: Uint8Array;
}

/** Every part of a multipart body, file parts as bytes, their sizes added up against `limit`. */
export async function readParts(request: FastifyRequest, limit: number): Promise<Part[]> {
  const parts: Part[] = [];
  let total = 0;
  const add = (part: Part): void => {
    total += part.bytes.length;
    if (total > limit) tooLarge(limit);
    parts.push(part);
  };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        add({
          field: part.fieldname,
          filename: part.filename,
          mimetype: part.mimetype,
          bytes: new Uint8Array(await part.toBuffer()),
        });
      } else {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        add({ field: part.fieldname, mimetype: part.mimetype, bytes: new TextEncoder().encode(value) });
      }
    }
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (status === 413) tooLarge(limit);
    if (error instanceof ProblemError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    fail('malformed-multipart', {
      zh: `multipart 请求体无法解析：${reason}`,
      en: `the multipart body cannot be parsed: ${reason}`,
    });
  }
  return parts;
}

/** The 413 problem of a body (or its parts together) over `limit` bytes. */
export function tooLargeProblem(limit: number): Problem {
  const mb = (limit / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
  return problem('too-large', {
    zh: `请求体超过 ${mb} MB 的上限`,
    en: `the request body is over the ${mb} MB limit`,
  });
}

/** Answers 413 for a body (or its parts together) over `limit` bytes. */
export function tooLarge(limit: number): never {
  throw new ProblemError(tooLargeProblem(limit));
}

const PART_NAMES: Readonly<Record<'report' | 'previous', LocalizedText>> = {
  report: { zh: '报告', en: 'the report' },
  previous: { zh: '上年报告（previous）', en: "last year's report (previous)" },
};

function located(part: 'report' | 'previous', errors: readonly ParseIssue[]): ProblemIssue[] {
  return errors.map((error) => ({ part, ...error }));
}

/** Parses one report's text; answers 400 with the model's located issues when it is not Report JSON v1. */
function parseText(part: 'report' | 'previous', bytes: Uint8Array): Report {
  const text = decodeJsonBytes(bytes, PART_NAMES[part]);
  if (!text.ok) {
    fail('unreadable', text.message, {
      errors: [{ part, path: '', code: text.code, message: text.message }],
    });
  }
  const parsed = parseReportJson(text.text);
  if (!parsed.ok) return invalid(part, parsed.errors);
  return parsed.report;
}

function invalid(part: 'report' | 'previous', errors: readonly ParseIssue[]): never {
  const first = errors[0]?.message ?? { zh: '无法解析', en: 'cannot be parsed' };
  const name = PART_NAMES[part];
  fail(
    'invalid-report',
    {
      zh: `${name.zh}不符合 Report JSON v1（${errors.length} 处）：${first.zh}`,
      en: `${name.en} is not Report JSON v1 (${errors.length} problem(s)): ${first.en}`,
    },
    { errors: located(part, errors) },
  );
}

function isEnvelope(value: unknown): value is { report: unknown; previous?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'report' in value &&
    !('meta' in value) &&
    Object.keys(value).every((key) => key === 'report' || key === 'previous')
  );
}

/** A report and, when given, last year's. */
export interface ReportInput {
  readonly report: Report;
  readonly previous?: Report;
}

/**
 * The report (and last year's) a validate or render request carries. Answers 400 for what cannot be read, with the
 * model's JSON paths, and 415 for a media type that is neither JSON nor multipart.
 */
export async function readReportInput(request: FastifyRequest, limit: number): Promise<ReportInput> {
  const type = mediaType(request);
  if (type === 'multipart/form-data') {
    const parts = await readParts(request, limit);
    const report = parts.find((part) => part.field === 'report');
    if (!report) {
      fail('invalid-report', {
        zh: 'multipart 请求体缺少名为 report 的部分',
        en: 'the multipart body has no part named report',
      });
    }
    const previous = parts.find((part) => part.field === 'previous');
    return {
      report: parseText('report', report.bytes),
      ...(previous ? { previous: parseText('previous', previous.bytes) } : {}),
    };
  }
  if (!isJsonType(type)) unsupported(type, ['application/json', 'multipart/form-data']);
  const bytes = request.body instanceof Uint8Array ? request.body : new Uint8Array();
  const text = decodeJsonBytes(bytes, PART_NAMES.report);
  if (!text.ok) {
    fail('unreadable', text.message, {
      errors: [{ part: 'report', path: '', code: text.code, message: text.message }],
    });
  }
  // An envelope is told apart by its keys; anything else is read as the report itself, by the model's own parser
  // (which locates a syntax error by line and column).
  let value: unknown;
  try {
    value = JSON.parse(text.text.replace(/^\uFEFF/, ''));
  } catch {
    value = undefined;
  }
  if (isEnvelope(value)) {
    const report = parseReport(value.report);
    if (!report.ok) invalid('report', report.errors);
    if (value.previous === undefined) return { report: report.report };
    const previous = parseReport(value.previous);
    if (!previous.ok) invalid('previous', previous.errors);
    return { report: report.report, previous: previous.report };
  }
  return { report: parseText('report', bytes) };
}

/** Answers 415 naming the media types the route takes. */
export function unsupported(type: string, accepted: readonly string[]): never {
  const got = type === '' ? '（无）' : type;
  fail('unsupported-type', {
    zh: `不支持的媒体类型 ${got}；应为 ${accepted.join('、')}`,
    en: `unsupported media type ${type === '' ? '(none)' : type}; expected ${accepted.join(', ')}`,
  });
}
