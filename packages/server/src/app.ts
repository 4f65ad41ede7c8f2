import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import multipart from '@fastify/multipart';
import { type AuditRow, auditRow, auditSummary, type ImportKind, type ImportResult } from '@nianbao/import';
import { checkReport, isReportOk, reportTitle } from '@nianbao/model';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { unzipSync } from 'fflate';
import {
  mediaType,
  type Part,
  readParts,
  readReportInput,
  tooLarge,
  tooLargeProblem,
  unsupported,
} from './body.js';
import type { Job, JobResult, RenderJob } from './jobs.js';
import { createMetrics } from './metrics.js';
import { docsPage, openApiDocument } from './openapi.js';
import { JobCancelledError, JobTimeoutError, QueueFullError, WorkerCrashError, WorkPool } from './pool.js';
import { fail, type Problem, ProblemError, problem } from './problem.js';

/** How a service is sized and limited. Every field has a default. */
export interface ServerOptions {
  /** Worker threads for renders and imports. @default the machine's available parallelism */
  readonly workers?: number;
  /** Jobs that may wait for a worker; one more is answered 503 with Retry-After. @default 8 per worker */
  readonly queue?: number;
  /** Largest request body (a multipart body's parts together), in bytes. @default 20 MB */
  readonly bodyLimit?: number;
  /** Deadline of one render or import, waiting for a worker included, in milliseconds. @default 30 000 */
  readonly jobTimeoutMs?: number;
  /** Time the client has to send the whole request, in milliseconds (slow bodies get 408). @default 30 000 */
  readonly requestTimeoutMs?: number;
  /** Files one audit takes at most. @default 1000 */
  readonly maxAuditFiles?: number;
  /** Structured JSON logs (pino) at this level, or false for none. @default 'info' */
  readonly logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | false;
  /** Where the logs go. @default stdout */
  readonly logStream?: { write(line: string): unknown };
}

/** A running service: the Fastify instance (for `listen`, `inject`) and how to stop it. */
export interface NianbaoServer {
  /** The Fastify instance; `listen()` it, or `inject()` requests in tests. */
  readonly app: FastifyInstance;
  /** The options in force, defaults filled in. */
  readonly options: Required<Omit<ServerOptions, 'logStream'>>;
  /**
   * Stops gracefully: `/readyz` turns 503, no new connection is accepted, requests in flight finish, then the
   * workers end.
   */
  close(): Promise<void>;
}

/** The default request body limit: 20 MB, the command line's file limit. */
export const DEFAULT_BODY_LIMIT: number = 20 * 1024 * 1024;

const MIME = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** File names an audit picks out of a zip or multipart body. */
const AUDIT_FILE = /\.(?:txt|html?|md|markdown|docx)$/i;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

function sendProblem(reply: FastifyReply, value: Problem): FastifyReply {
  if (value.status === 503) reply.header('retry-after', value.code === 'shutting-down' ? '5' : '1');
  return reply.code(value.status).type('application/problem+json').send(JSON.stringify(value));
}

/** A query flag: absent → false; `1`, `true` or empty → true; `0`, `false` → false; anything else is a 400. */
function flag(query: Record<string, unknown>, name: string): boolean {
  const value = query[name];
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === '' || value === 'true' || value === '1') return true;
  fail('bad-parameter', {
    zh: `参数 ${name} 应为 true 或 false，实为 "${String(value)}"`,
    en: `parameter ${name} must be true or false, got "${String(value)}"`,
  });
}

function importKind(value: unknown, type: string): ImportKind {
  if (value === undefined) {
    // The body's media type says what it is when the query does not.
    if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
    if (type === 'text/markdown') return 'markdown';
    return 'auto';
  }
  if (value === 'text' || value === 'html' || value === 'markdown' || value === 'auto') return value;
  fail('bad-parameter', {
    zh: `参数 kind 只能是 text、html、markdown 或 auto，实为 "${String(value)}"`,
    en: `parameter kind must be text, html, markdown or auto, got "${String(value)}"`,
  });
}

function importMeta(query: Record<string, unknown>): { agency?: string; year?: number } | undefined {
  const meta: { agency?: string; year?: number } = {};
  if (query.year !== undefined) {
    const year = Number(query.year);
    if (!Number.isInteger(year)) {
      fail('bad-parameter', {
        zh: `参数 year 应为整数年份，实为 "${String(query.year)}"`,
        en: `parameter year must be a whole year, got "${String(query.year)}"`,
      });
    }
    meta.year = year;
  }
  if (typeof query.agency === 'string' && query.agency.trim() !== '') meta.agency = query.agency.trim();
  return Object.keys(meta).length > 0 ? meta : undefined;
}

function createdDate(value: unknown): number {
  if (value === undefined) return Date.now();
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    fail('bad-parameter', {
      zh: `参数 created 应为 ISO 8601 日期时间，实为 "${String(value)}"`,
      en: `parameter created must be an ISO 8601 date-time, got "${String(value)}"`,
    });
  }
  return time;
}

/** `attachment; filename="report.pdf"; filename*=UTF-8''…`: an ASCII name for old clients, the title for the rest. */
function disposition(kind: 'attachment' | 'inline', title: string, ext: string): string {
  return `${kind}; filename="report.${ext}"; filename*=UTF-8''${encodeURIComponent(`${title}.${ext}`)}`;
}

/** An AbortSignal that fires when the client goes away before the answer is sent. */
function clientGone(request: FastifyRequest, reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  request.raw.once('aborted', () => controller.abort());
  return controller.signal;
}

/** Writes a 408 problem on a socket whose request did not arrive in time (Node's own answer has no body). */
function clientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const value = timeout
    ? problem('request-timeout', {
        zh: '请求体未能在时限内收到',
        en: 'the request was not received within the time limit',
      })
    : problem('malformed-multipart', { zh: '无法解析的 HTTP 请求', en: 'the HTTP request cannot be parsed' });
  const body = JSON.stringify(timeout ? value : { ...value, code: 'unreadable', status: 400 });
  const status = timeout ? '408 Request Timeout' : '400 Bad Request';
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Creates the service: starts and warms the worker pool, registers the routes, and resolves once it is ready to
 * `listen`. Nothing is kept between requests and nothing is written to disk.
 */
export async function createServer(options: ServerOptions = {}): Promise<NianbaoServer> {
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const settings: Required<Omit<ServerOptions, 'logStream'>> = {
    workers,
    queue: Math.max(0, options.queue ?? workers * 8),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    jobTimeoutMs: options.jobTimeoutMs ?? 30_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    maxAuditFiles: options.maxAuditFiles ?? 1000,
    logLevel: options.logLevel ?? 'info',
  };
  let pool: WorkPool | undefined;
  let closing = false;
  const metrics = createMetrics(() => pool);

  const app = Fastify({
    logger:
      settings.logLevel === false
        ? false
        : { level: settings.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: settings.bodyLimit,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    clientErrorHandler: clientError,
    // Node checks request deadlines every connectionsCheckingInterval (30 s by default): far too coarse for a
    // 30 s limit, so the server is made here with a check every second.
    serverFactory: (handler): Server =>
      createHttpServer(
        {
          requestTimeout: settings.requestTimeoutMs,
          headersTimeout: Math.min(settings.requestTimeoutMs, 60_000),
          connectionsCheckingInterval: Math.min(1000, settings.requestTimeoutMs),
        },
        handler as (request: IncomingMessage, response: ServerResponse) => void,
      ),
  });

  // Bodies arrive as bytes; each route decides what they may be (so a wrong type is a 415 with the route's list).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: {
      fileSize: settings.bodyLimit,
      fieldSize: settings.bodyLimit,
      files: settings.maxAuditFiles,
      parts: settings.maxAuditFiles + 16,
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.requests.inc({
      route: request.routeOptions.url ?? 'unmatched',
      method: request.method,
      status: String(reply.statusCode),
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem('not-found', {
        zh: `没有这个地址：${request.method} ${request.url}`,
        en: `no such route: ${request.method} ${request.url}`,
      }),
    ),
  );

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error.problem);
    if (error instanceof QueueFullError) {
      return sendProblem(
        reply,
        problem('queue-full', {
          zh: `等待处理的任务已满（${settings.queue} 个），请稍后重试`,
          en: `the job queue is full (${settings.queue} waiting); retry shortly`,
        }),
      );
    }
    if (error instanceof JobTimeoutError) {
      return sendProblem(
        reply,
        problem('timeout', {
          zh: `任务超过 ${settings.jobTimeoutMs} 毫秒未完成，已停止`,
          en: `the job took longer than ${settings.jobTimeoutMs} ms and was stopped`,
        }),
      );
    }
    if (error instanceof JobCancelledError) {
      // The client is gone (or the service is stopping): nobody reads this answer, but the status is logged.
      return sendProblem(
        reply,
        problem('shutting-down', { zh: '任务在开始前被取消', en: 'the job was cancelled before it started' }),
      );
    }
    if (error instanceof WorkerCrashError) {
      // The thread that held the job crashed (it has been replaced): this job fails, with the crash's reason.
      request.log.error({ err: error }, 'worker crashed');
      return sendProblem(reply, problem('internal', error.text));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return sendProblem(reply, tooLargeProblem(settings.bodyLimit));
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
      return sendProblem(
        reply,
        problem('unreadable', { zh: '请求体无法读取', en: 'the request body cannot be read' }),
      );
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, {
        ...problem('unreadable', {
          zh: `请求无法处理：${error.message}`,
          en: `the request cannot be handled: ${error.message}`,
        }),
        status: error.statusCode,
      });
    }
    // A bug: logged with its stack, answered without it.
    request.log.error({ err: error }, 'internal error');
    return sendProblem(
      reply,
      problem('internal', {
        zh: `内部错误（请求 ${request.id}）`,
        en: `internal error (request ${request.id})`,
      }),
    );
  });

  const run = async (job: Job, signal: AbortSignal): Promise<JobResult> => {
    if (!pool || closing) {
      fail('shutting-down', { zh: '服务正在停止', en: 'the service is shutting down' });
    }
    return pool.run(job, signal);
  };

  const document = openApiDocument(version());
  const documentText = JSON.stringify(document);
  const docs = docsPage(document);

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (!pool || closing) return reply.code(503).send({ status: closing ? 'stopping' : 'starting' });
    return { status: 'ready', workers: settings.workers };
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  app.get('/openapi.json', async (_request, reply) => reply.type('application/json').send(documentText));
  app.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docs));

  app.post('/v1/validate', async (request) => {
    const { report, previous } = await readReportInput(request, settings.bodyLimit);
    const findings = checkReport(report, previous ? { previous } : {});
    // The same object `nianbao validate --json` prints for one file; a failing report is an answer, not an error.
    return { ok: isReportOk(findings), findings };
  });

  app.post('/v1/render', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const format = query.format ?? 'pdf';
    if (format !== 'pdf' && format !== 'html' && format !== 'docx') {
      fail('bad-parameter', {
        zh: `参数 format 应为 pdf、html 或 docx，实为 "${String(format)}"`,
        en: `parameter format must be pdf, html or docx, got "${String(format)}"`,
      });
    }
    const draft = flag(query, 'draft');
    const fragment = flag(query, 'fragment');
    const checks = flag(query, 'checks');
    const created = createdDate(query.created);
    const { report, previous } = await readReportInput(request, settings.bodyLimit);
    const job: RenderJob =
      format === 'html'
        ? { kind: 'html', report, fragment, checks }
        : { kind: format, report, draft, created, ...(previous ? { previous } : {}) };
    const stop = metrics.renderSeconds.startTimer({ format });
    const result = await run(job, clientGone(request, reply));
    stop();
    if (result.kind !== 'file') throw new Error(`render job answered ${result.kind}`);
    for (const warning of result.warnings) request.log.warn({ warning }, 'render warning');
    const title = reportTitle(report.meta);
    return reply
      .type(MIME[format])
      .header('content-disposition', disposition(format === 'html' ? 'inline' : 'attachment', title, format))
      .send(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
  });

  const importOne = async (
    bytes: Uint8Array,
    kind: ImportKind,
    meta: { agency?: string; year?: number } | undefined,
    signal: AbortSignal,
  ): Promise<ImportResult> => {
    const result = await run({ kind: 'import', bytes, importKind: kind, ...(meta ? { meta } : {}) }, signal);
    if (result.kind !== 'import') throw new Error(`import job answered ${result.kind}`);
    return result.result;
  };

  app.post('/v1/import', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const type = mediaType(request);
    let bytes: Uint8Array;
    let partType = type;
    if (type === 'multipart/form-data') {
      const parts = await readParts(request, settings.bodyLimit);
      const file = parts.find((part) => part.field === 'file');
      if (!file) {
        fail('unreadable', {
          zh: 'multipart 请求体缺少名为 file 的部分',
          en: 'the multipart body has no part named file',
        });
      }
      bytes = file.bytes;
      partType = file.mimetype.toLowerCase();
    } else {
      bytes = request.body instanceof Uint8Array ? request.body : new Uint8Array();
    }
    const result = await importOne(
      bytes,
      importKind(query.kind, partType),
      importMeta(query),
      clientGone(request, reply),
    );
    if (!result.ok) {
      const reasons = result.notes.map((note) => note.message);
      fail(
        'not-imported',
        {
          zh: `无法导入：${reasons.map((r) => r.zh).join('；')}`,
          en: `nothing could be imported: ${reasons.map((r) => r.en).join('; ')}`,
        },
        { notes: result.notes },
      );
    }
    const { ok: _ok, ...answer } = result;
    return answer;
  });

  app.post('/v1/audit', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const type = mediaType(request);
    let files: Part[];
    if (type === 'multipart/form-data') {
      files = (await readParts(request, settings.bodyLimit)).filter((part) => part.filename !== undefined);
    } else if (type === 'application/zip' || type === 'application/x-zip-compressed') {
      files = unzip(
        request.body instanceof Uint8Array ? request.body : new Uint8Array(),
        settings.bodyLimit,
        settings.maxAuditFiles,
      );
    } else {
      unsupported(type, ['application/zip', 'multipart/form-data']);
    }
    if (files.length === 0) {
      fail('unreadable', {
        zh: '没有找到报告文件（.txt .html .htm .md .markdown .docx）',
        en: 'no report files found (.txt .html .htm .md .markdown .docx)',
      });
    }
    if (files.length > settings.maxAuditFiles) {
      fail('too-large', {
        zh: `一次最多审核 ${settings.maxAuditFiles} 个文件，实为 ${files.length} 个`,
        en: `an audit takes at most ${settings.maxAuditFiles} files, got ${files.length}`,
      });
    }
    const kind = importKind(query.kind, '');
    // One signal for all the files: a client that leaves takes its whole audit's waiting jobs with it.
    const signal = clientGone(request, reply);
    // As many files at once as there are workers: an audit shares the pool with other requests instead of
    // filling the waiting line by itself.
    const rows: AuditRow[] = new Array(files.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(settings.workers, files.length) }, async () => {
        while (next < files.length) {
          const index = next++;
          const file = files[index] as Part;
          const name = file.filename ?? file.field;
          rows[index] = auditRow(name, await importOne(file.bytes, kind, undefined, signal));
        }
      }),
    );
    return { rows, summary: auditSummary(rows) };
  });

  pool = await WorkPool.start({
    workers: settings.workers,
    queue: settings.queue,
    timeoutMs: settings.jobTimeoutMs,
  });

  return {
    app,
    options: settings,
    async close() {
      if (closing) return;
      closing = true;
      await app.close();
      await pool?.close();
    },
  };
}

/** The report files of a zip, in name order; a zip that cannot be read is a 400, one too large when unpacked a 413. */
function unzip(bytes: Uint8Array, limit: number, maxFiles: number): Part[] {
  let total = 0;
  let count = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      // Sizes are checked from the directory before anything is inflated, and an entry never inflates past the
      // size it declares, so a zip bomb is refused without being unpacked.
      filter: (file) => {
        if (file.name.endsWith('/') || file.name.startsWith('__MACOSX/') || !AUDIT_FILE.test(file.name))
          return false;
        total += file.originalSize;
        count += 1;
        if (total > limit) tooLarge(limit);
        if (count > maxFiles) {
          fail('too-large', {
            zh: `一次最多审核 ${maxFiles} 个文件`,
            en: `an audit takes at most ${maxFiles} files`,
          });
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    fail('unreadable', {
      zh: `zip 文件无法读取：${error instanceof Error ? error.message : String(error)}`,
      en: `the zip cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  return Object.keys(entries)
    .sort()
    .map((name) => ({
      field: name,
      filename: name,
      mimetype: 'application/octet-stream',
      bytes: entries[name] as Uint8Array,
    }));
}
