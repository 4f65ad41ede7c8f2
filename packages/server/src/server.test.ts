import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReportDocx } from '@nianbao/docx';
import { auditRow, importDocument, importReport } from '@nianbao/import';
import {
  checkReport,
  isReportOk,
  parseReport,
  type Report,
  reportJsonSchema,
  reportTitle,
} from '@nianbao/model';
import { busyPreviousReport, busyReport, failingFixtures, seedReport } from '@nianbao/model/fixtures';
import { renderReportPdf } from '@nianbao/pdf/node';
import { renderReportHtml } from '@nianbao/react/server';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type NianbaoServer } from './index.js';

/*
 * A real service listening on 127.0.0.1 (port 0), its real worker threads (the package's built worker), real
 * requests over HTTP: nothing is mocked. Answers are compared with the libraries called in this process.
 */

const CREATED = '2023-01-20T00:00:00.000Z';
const CORPUS = join(import.meta.dirname, '..', '..', 'import', 'fixtures', 'corpus');
const BODY_LIMIT = 2 * 1024 * 1024;

let service: NianbaoServer;
let base: string;

beforeAll(async () => {
  service = await createServer({
    workers: 2,
    queue: 32,
    bodyLimit: BODY_LIMIT,
    requestTimeoutMs: 1500,
    logLevel: false,
  });
  base = await service.app.listen({ port: 0, host: '127.0.0.1' });
  // Starting warms each thread with a real render: well over the default 10 s on a loaded machine.
}, 120_000);
afterAll(async () => {
  await service?.close();
});

function post(path: string, body: BodyInit, type?: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    body,
    ...(type ? { headers: { 'content-type': type } } : {}),
    ...(signal ? { signal } : {}),
  });
}

const json = (value: unknown): string => JSON.stringify(value);

async function problemOf(response: Response): Promise<{
  code: string;
  status: number;
  message: { zh: string; en: string };
  errors?: { part: string; path: string; code: string }[];
}> {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json(; charset=utf-8)?$/);
  const body = await response.json();
  expect(body.status).toBe(response.status);
  expect(body.type).toContain(body.code);
  expect(body.message.zh).not.toBe('');
  expect(body.message.en).not.toBe('');
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
  return body;
}

/** A corpus file's report text (after its provenance header). */
async function corpusText(name: string): Promise<string> {
  const raw = await readFile(join(CORPUS, name), 'utf8');
  return raw.slice(raw.indexOf('\n\n') + 2);
}

describe('health, readiness, metrics, OpenAPI', () => {
  it('is alive and ready once the workers are warm', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', workers: 2 });
  });

  it('serves an OpenAPI 3.1 document whose Report schema is the model’s', async () => {
    const document = await (await fetch(`${base}/openapi.json`)).json();
    expect(document.openapi).toBe('3.1.0');
    const { $schema: _dialect, ...schema } = reportJsonSchema() as Record<string, unknown>;
    expect(document.components.schemas.Report).toEqual(schema);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/validate', '/v1/render', '/v1/import', '/v1/audit']),
    );
    const example = document.paths['/v1/validate'].post.requestBody.content['application/json'].example;
    expect(example).toEqual(JSON.parse(JSON.stringify(seedReport)));
    // Every reference points at a schema the document defines.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(document.components.schemas, name).toHaveProperty(name as string);
    const docs = await fetch(`${base}/docs`);
    expect(await docs.text()).toContain('/v1/render');
  });

  it('counts requests by route and status and exposes the queue', async () => {
    await fetch(`${base}/healthz`);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/nianbao_http_requests_total\{route="\/healthz",method="GET",status="200"\} \d+/);
    expect(text).toContain('nianbao_queue_depth 0');
    expect(text).toContain('# TYPE nianbao_render_seconds histogram');
  });

  it('answers an unknown route with a 404 problem and every answer with a request id', async () => {
    const response = await fetch(`${base}/v2/nothing`);
    expect(response.status).toBe(404);
    expect((await problemOf(response)).code).toBe('not-found');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('POST /v1/validate', () => {
  it('answers the checker’s findings for the seed, the busy report and every failing fixture', async () => {
    const cases: { report: Report; previous?: Report }[] = [
      { report: seedReport },
      { report: busyReport, previous: busyPreviousReport },
      ...failingFixtures.map((f) => ({ report: f.report, ...(f.previous ? { previous: f.previous } : {}) })),
    ];
    for (const { report, previous } of cases) {
      const body = previous ? json({ report, previous }) : json(report);
      const response = await post('/v1/validate', body, 'application/json');
      // A fixture the contract refuses (a negative amount) is unreadable, as `nianbao validate` says too.
      const parsed = parseReport(JSON.parse(json(report)));
      if (!parsed.ok) {
        const problem = await problemOf(response);
        expect(problem.errors).toEqual(parsed.errors.map((error) => ({ part: 'report', ...error })));
        continue;
      }
      expect(response.status).toBe(200);
      const findings = checkReport(report, previous ? { previous } : {});
      expect(await response.json()).toEqual(JSON.parse(json({ ok: isReportOk(findings), findings })));
    }
  });

  it('takes the report and last year’s as multipart parts', async () => {
    const form = new FormData();
    form.append('report', new Blob([json(busyReport)], { type: 'application/json' }), 'report.json');
    form.append('previous', json(busyPreviousReport));
    const response = await post('/v1/validate', form);
    const findings = checkReport(busyReport, { previous: busyPreviousReport });
    expect(await response.json()).toEqual(JSON.parse(json({ ok: isReportOk(findings), findings })));
  });

  it('answers 400 with the model’s JSON paths for a report that is not Report JSON v1', async () => {
    const broken = { ...seedReport, meta: { ...seedReport.meta, year: 'last year' } };
    const problem = await problemOf(await post('/v1/validate', json(broken), 'application/json'));
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('invalid-report');
    expect(problem.errors?.[0]).toMatchObject({ part: 'report', path: 'meta.year' });

    const previous = await problemOf(
      await post(
        '/v1/validate',
        json({ report: seedReport, previous: { formatVersion: '2021' } }),
        'application/json',
      ),
    );
    expect(previous.errors?.every((error) => error.part === 'previous')).toBe(true);

    const syntax = await problemOf(await post('/v1/validate', '{"meta": ', 'application/json'));
    expect(syntax.errors?.[0]?.code).toBe('json-syntax');
  });

  it('answers 400 for bytes that are not UTF-8 (GBK) and for an empty body', async () => {
    const gbk = new Uint8Array([0x7b, 0x22, 0xc4, 0xea, 0xb1, 0xa8, 0x22, 0x7d]);
    const problem = await problemOf(await post('/v1/validate', gbk, 'application/json'));
    expect(problem).toMatchObject({ status: 400, code: 'unreadable' });
    expect(problem.message.en).toContain('GBK');
    expect((await problemOf(await post('/v1/validate', '', 'application/json'))).code).toBe('unreadable');
  });

  it('answers 415 for a media type it does not take', async () => {
    const problem = await problemOf(await post('/v1/validate', json(seedReport), 'text/csv'));
    expect(problem.status).toBe(415);
    expect(problem.message.en).toContain('application/json');
  });

  it('answers 413 over the body limit, for a plain and a multipart body', async () => {
    const big = json({ ...seedReport, meta: { ...seedReport.meta, title: 'x'.repeat(BODY_LIMIT) } });
    const plain = await problemOf(await post('/v1/validate', big, 'application/json'));
    expect(plain).toMatchObject({ status: 413, code: 'too-large' });
    const form = new FormData();
    form.append('report', new Blob([big]), 'report.json');
    expect((await problemOf(await post('/v1/validate', form))).status).toBe(413);
  });

  it('answers 400 for a malformed multipart body', async () => {
    const boundary = 'nianbao-boundary';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="report"\r\n\r\n{"formatVersion"`;
    const response = await post('/v1/validate', body, `multipart/form-data; boundary=${boundary}`);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ status: 400, code: 'malformed-multipart' });
    const noPart = new FormData();
    noPart.append('other', 'x');
    expect((await problemOf(await post('/v1/validate', noPart))).status).toBe(400);
  });

  it('answers 408 to a body that trickles in slower than the request timeout', async () => {
    const url = new URL(base);
    const started = performance.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(
          'POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"for',
        );
      });
      let text = '';
      // One byte now and then, never the whole body.
      const drip = setInterval(() => socket.write(' '), 200);
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => {
        clearInterval(drip);
        resolve(text);
      });
      socket.on('error', (error) => {
        clearInterval(drip);
        if (text) resolve(text);
        else reject(error);
      });
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('application/problem+json');
    expect(answer).toContain('"code":"request-timeout"');
    // Cut off near the 1.5 s limit, not after the body's 1000 bytes would have taken 200 s.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('POST /v1/render', () => {
  it('answers the library’s PDF bytes (plain and draft) with a UTF-8 file name', async () => {
    for (const [report, draft] of [
      [seedReport, false],
      [busyReport, true],
    ] as const) {
      const response = await post(
        `/v1/render?format=pdf&draft=${draft}&created=${CREATED}`,
        json(report),
        'application/json',
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(`${reportTitle(report.meta)}.pdf`)}`,
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      const library = await renderReportPdf(report, {
        creationDate: new Date(CREATED),
        ...(draft ? { draft } : {}),
        onWarning: () => undefined,
      });
      expect(Buffer.from(bytes).equals(Buffer.from(library))).toBe(true);
    }
  });

  it('answers the library’s DOCX and HTML', async () => {
    const docx = await post(
      `/v1/render?format=docx&created=${CREATED}`,
      json(seedReport),
      'application/json',
    );
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const docxLibrary = await renderReportDocx(seedReport, {
      creationDate: new Date(CREATED),
      onWarning: () => undefined,
    });
    // A .docx is a zip whose entries carry the time they were zipped: the same document is the same entries.
    expect(unzipSync(new Uint8Array(await docx.arrayBuffer()))).toEqual(unzipSync(docxLibrary));

    for (const query of ['', '&fragment=true', '&checks=1']) {
      const html = await post(`/v1/render?format=html${query}`, json(busyReport), 'application/json');
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(html.headers.get('content-disposition')).toMatch(/^inline; /);
      const library = renderReportHtml(busyReport, {
        fragment: query.includes('fragment'),
        checks: query.includes('checks'),
      });
      expect(await html.text()).toBe(library.endsWith('\n') ? library : `${library}\n`);
    }
  });

  it('answers 400 for a bad format, flag or date', async () => {
    for (const query of ['format=odt', 'draft=maybe', 'created=yesterday']) {
      const problem = await problemOf(
        await post(`/v1/render?${query}`, json(seedReport), 'application/json'),
      );
      expect(problem).toMatchObject({ status: 400, code: 'bad-parameter' });
    }
  });

  it('renders 20 reports at once, each identical to the library’s bytes', async () => {
    const library = Buffer.from(
      await renderReportPdf(seedReport, { creationDate: new Date(CREATED), onWarning: () => undefined }),
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(`/v1/render?created=${CREATED}`, json(seedReport), 'application/json').then(
          async (response) => ({
            status: response.status,
            bytes: Buffer.from(await response.arrayBuffer()),
          }),
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.bytes.equals(library)).toBe(true);
    }
    // And one of them is a PDF poppler reads.
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-server-'));
    try {
      await writeFile(join(dir, 'a.pdf'), answers[0]?.bytes ?? Buffer.alloc(0));
      expect(execFileSync('pdfinfo', [join(dir, 'a.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+\d+/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('POST /v1/import', () => {
  it('reads a published page into the same answer as importReport', async () => {
    const html = renderReportHtml(seedReport);
    const response = await post('/v1/import', html, 'text/html');
    expect(response.status).toBe(200);
    const result = importReport(new TextEncoder().encode(html), { kind: 'html' });
    if (!result.ok) throw new Error('the seed page must import');
    const { ok: _ok, ...expected } = result;
    expect(await response.json()).toEqual(JSON.parse(json(expected)));
  });

  it('reads a PDF (the library’s own print of the seed) into the same answer as importDocument', async () => {
    const pdf = await renderReportPdf(seedReport, { creationDate: new Date(0) });
    const response = await post('/v1/import', pdf, 'application/pdf');
    expect(response.status).toBe(200);
    const result = await importDocument(pdf);
    if (!result.ok) throw new Error('the seed PDF must import');
    const { ok: _ok, ...expected } = result;
    expect(await response.json()).toEqual(JSON.parse(json(expected)));
    expect(result.layouts).toMatchObject({ t3: 'pdf' });
  });

  it('takes a multipart file part and the caller’s year and agency', async () => {
    const text = await corpusText('012-pingtan-2020-FORMAT2019.txt');
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'text/plain' }), '平潭.txt');
    const response = await post('/v1/import?year=2020', form);
    expect(response.status).toBe(200);
    const answer = await response.json();
    const expected = importReport(new TextEncoder().encode(text), { kind: 'auto', meta: { year: 2020 } });
    if (!expected.ok) throw new Error('the 2019 fixture must import');
    expect(answer.report).toEqual(JSON.parse(json(expected.report)));
    expect(answer.notes.some((note: { code: string }) => note.code === 'format-legacy')).toBe(true);
  });

  it('answers 400 with the importer’s notes when nothing can be imported, and for a bad year', async () => {
    const problem = await problemOf(await post('/v1/import', '   ', 'text/plain'));
    expect(problem).toMatchObject({ status: 400, code: 'not-imported' });
    const bad = await problemOf(await post('/v1/import?year=twenty', 'x', 'text/plain'));
    expect(bad.code).toBe('bad-parameter');
  });
});

describe('POST /v1/audit', () => {
  it('answers a zip of reports with the rows and totals of @nianbao/import', async () => {
    const names = ['001-pingtan-2021.txt', '012-pingtan-2020-FORMAT2019.txt'];
    const files: Record<string, Uint8Array> = {};
    for (const name of names) files[`reports/${name}`] = new TextEncoder().encode(await corpusText(name));
    files['reports/empty.txt'] = new Uint8Array();
    files['reports/readme.pdf'] = new Uint8Array([1, 2, 3]);
    const response = await post('/v1/audit', zipSync(files), 'application/zip');
    expect(response.status).toBe(200);
    const answer = await response.json();
    const rows = Object.keys(files)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => auditRow(name, importReport(files[name] as Uint8Array)));
    expect(answer.rows).toEqual(JSON.parse(json(rows)));
    expect(answer.summary).toEqual({
      files: 3,
      imported: 2,
      notImported: 1,
      withErrors: rows.filter((r) => r.ok && r.errors > 0).length,
      legacy: 1,
    });
  });

  it('takes multipart file parts', async () => {
    const form = new FormData();
    form.append('files', new Blob([renderReportHtml(seedReport)]), 'seed.html');
    form.append('files', new Blob([await corpusText('001-pingtan-2021.txt')]), 'pingtan.txt');
    const answer = await (await post('/v1/audit', form)).json();
    expect(answer.rows.map((row: { file: string }) => row.file)).toEqual(['seed.html', 'pingtan.txt']);
    expect(answer.summary.imported).toBe(2);
  });

  it('answers 400 for a body that is not a zip and 415 for another type', async () => {
    expect((await problemOf(await post('/v1/audit', 'PK no zip', 'application/zip'))).status).toBe(400);
    expect((await problemOf(await post('/v1/audit', json(seedReport), 'application/json'))).status).toBe(415);
  });
});
