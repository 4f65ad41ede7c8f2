import type { ImportNote } from '@nianbao/import';
import type { LocalizedText, ParseIssue } from '@nianbao/model';

/*
 * Every error the service answers is an RFC 9457 problem document (`application/problem+json`): the standard
 * members (type, title, status, detail) for generic HTTP clients, plus `message` in Chinese and English and, for a
 * report that cannot be read, the model's located `errors` (JSON path, stable code, zh/en message) exactly as
 * `nianbao validate --json` prints them. Never a stack trace.
 */

/** The stable codes of the problems the service answers; each is also the fragment of its `type` URI. */
export type ProblemCode =
  | 'unreadable'
  | 'invalid-report'
  | 'not-imported'
  | 'bad-parameter'
  | 'malformed-multipart'
  | 'too-large'
  | 'unsupported-type'
  | 'request-timeout'
  | 'queue-full'
  | 'timeout'
  | 'shutting-down'
  | 'not-found'
  | 'internal';

/** Where each problem code is explained: the server's README, one heading per code. */
const PROBLEM_DOCS = 'https://github.com/nianbao/nianbao/tree/main/packages/server#errors';

/** A located reason a report part could not be read: the model's issue plus which part of the request it is in. */
export interface ProblemIssue extends ParseIssue {
  /** `report`, or `previous` for last year's report (a multipart part or an envelope member). */
  readonly part: 'report' | 'previous';
}

/** An RFC 9457 problem document as the service sends it. */
export interface Problem {
  /** A URI naming the kind of problem (the README's section on it). */
  readonly type: string;
  /** The code, stable across versions. */
  readonly code: ProblemCode;
  /** A short English summary of the kind of problem. */
  readonly title: string;
  /** The HTTP status. */
  readonly status: number;
  /** This occurrence, in Chinese then English. */
  readonly detail: string;
  /** This occurrence, per language. */
  readonly message: LocalizedText;
  /** The located reasons a report could not be read (`invalid-report`, `unreadable`). */
  readonly errors?: readonly ProblemIssue[];
  /** The importer's notes on why nothing could be imported (`not-imported`). */
  readonly notes?: readonly ImportNote[];
}

const TITLES: Readonly<Record<ProblemCode, string>> = {
  unreadable: 'Unreadable input',
  'invalid-report': 'Not a valid Report JSON v1 document',
  'not-imported': 'Nothing could be imported',
  'bad-parameter': 'Bad parameter',
  'malformed-multipart': 'Malformed multipart body',
  'too-large': 'Request body too large',
  'unsupported-type': 'Unsupported media type',
  'request-timeout': 'Request body not received in time',
  'queue-full': 'Too many jobs waiting',
  timeout: 'Job timed out',
  'shutting-down': 'The service is shutting down',
  'not-found': 'Not found',
  internal: 'Internal error',
};

/** The HTTP status of each problem code. */
export const PROBLEM_STATUS: Readonly<Record<ProblemCode, number>> = {
  unreadable: 400,
  'invalid-report': 400,
  'not-imported': 400,
  'bad-parameter': 400,
  'malformed-multipart': 400,
  'too-large': 413,
  'unsupported-type': 415,
  'request-timeout': 408,
  'queue-full': 503,
  timeout: 503,
  'shutting-down': 503,
  'not-found': 404,
  internal: 500,
};

/** Chinese and English in one line, as the command line prints them by default. */
export function bothLanguages(text: LocalizedText): string {
  return text.zh === text.en ? text.zh : `${text.zh} / ${text.en}`;
}

/** Builds the problem document of `code` for this occurrence. */
export function problem(
  code: ProblemCode,
  message: LocalizedText,
  extra: { errors?: readonly ProblemIssue[]; notes?: readonly ImportNote[] } = {},
): Problem {
  return {
    type: `${PROBLEM_DOCS}-${code}`,
    code,
    title: TITLES[code],
    status: PROBLEM_STATUS[code],
    detail: bothLanguages(message),
    message,
    ...extra,
  };
}

/** A problem thrown inside a route and answered by the error handler. */
export class ProblemError extends Error {
  /** The document to answer. */
  readonly problem: Problem;

  /** @param value the document to answer */
  constructor(value: Problem) {
    super(value.detail);
    this.name = 'ProblemError';
    this.problem = value;
  }
}

/** Throws the problem of `code`. */
export function fail(
  code: ProblemCode,
  message: LocalizedText,
  extra?: Parameters<typeof problem>[2],
): never {
  throw new ProblemError(problem(code, message, extra));
}
