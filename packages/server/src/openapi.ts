import { checkReport, isReportOk, RULES, reportJsonSchema, statutoryCells } from '@nianbao/model';
import { failingFixtures, seedReport } from '@nianbao/model/fixtures';
import { PROBLEM_STATUS, type ProblemCode, problem } from './problem.js';

/*
 * The OpenAPI 3.1 document of the service. The Report schema is the model's JSON Schema (`reportJsonSchema()`, the
 * one `nianbao schema` prints), not restated; rule ids and severities come from the model's `RULES`; the examples
 * are the model's fixtures and what the checker really says about them.
 */

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json | undefined };
type Schema = { readonly [key: string]: Json | undefined };

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

const localized: Schema = {
  type: 'object',
  required: ['zh', 'en'],
  properties: { zh: { type: 'string' }, en: { type: 'string' } },
};

function problemResponse(description: string, codes: readonly ProblemCode[]): Schema {
  const first = codes[0] ?? 'internal';
  return {
    description,
    content: {
      'application/problem+json': {
        schema: ref('Problem'),
        example: problem(first, { zh: '（示例）', en: '(example)' }) as unknown as Json,
      },
    },
  };
}

const reportBody: Schema = {
  required: true,
  description:
    'The report as Report JSON v1, or an envelope { report, previous } with last year\'s report for the cross-year rules; or multipart parts "report" and "previous".',
  content: {
    'application/json': {
      schema: { oneOf: [ref('Report'), ref('ReportEnvelope')] },
      example: seedReport as unknown as Json,
    },
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['report'],
        properties: {
          report: { type: 'string', contentMediaType: 'application/json' },
          previous: { type: 'string', contentMediaType: 'application/json' },
        },
      },
    },
  },
};

const errors = {
  '400': problemResponse('The input cannot be read (the model\'s JSON paths in "errors").', [
    'invalid-report',
  ]),
  '408': problemResponse('The request body was not received within the request timeout.', [
    'request-timeout',
  ]),
  '413': problemResponse('The request body is over the body limit.', ['too-large']),
  '415': problemResponse('The media type is not one this route takes.', ['unsupported-type']),
  '503': problemResponse(
    'The job queue is full (see Retry-After), the job timed out, or the service is stopping.',
    ['queue-full', 'timeout', 'shutting-down'],
  ),
};

const failing = failingFixtures[0];

/** The OpenAPI 3.1 document of the service at `version`. */
export function openApiDocument(version: string): Schema {
  const { $schema: _dialect, ...report } = reportJsonSchema() as Record<string, Json>;
  const seedFindings = checkReport(seedReport);
  const failingFindings = failing ? checkReport(failing.report) : [];
  return {
    openapi: '3.1.0',
    info: {
      title: 'nianbao',
      version,
      summary: '政府信息公开工作年度报告 (国办公开办函〔2021〕30号): validate, render, import, audit',
      description:
        'Stateless HTTP service for back ends in any language. Errors are RFC 9457 problem documents with Chinese and English messages; a report that parses but fails its checks is 200 with ok: false.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/v1/validate': {
        post: {
          operationId: 'validate',
          summary: 'Check a report: table arithmetic, narrative vs tables, deadlines',
          requestBody: reportBody,
          responses: {
            '200': {
              description: 'The findings; ok is false when an error-severity finding fails.',
              content: {
                'application/json': {
                  schema: ref('ValidateResult'),
                  examples: {
                    seed: {
                      value: { ok: isReportOk(seedFindings), findings: seedFindings } as unknown as Json,
                    },
                    failing: {
                      summary: failing ? `fails ${failing.rule}` : 'fails a rule',
                      value: {
                        ok: isReportOk(failingFindings),
                        findings: failingFindings,
                      } as unknown as Json,
                    },
                  },
                },
              },
            },
            ...errors,
          },
        },
      },
      '/v1/render': {
        post: {
          operationId: 'render',
          summary: 'Render a report as PDF, HTML or DOCX',
          parameters: [
            { name: 'format', in: 'query', schema: { enum: ['pdf', 'html', 'docx'], default: 'pdf' } },
            {
              name: 'draft',
              in: 'query',
              description: 'PDF and DOCX: 草稿 watermark and a findings page',
              schema: { type: 'boolean', default: false },
            },
            {
              name: 'created',
              in: 'query',
              description:
                'PDF and DOCX: the creation date written into the file (ISO 8601), for reproducible bytes',
              schema: { type: 'string', format: 'date-time' },
            },
            {
              name: 'fragment',
              in: 'query',
              description: 'HTML: one <div class="nb-report"> with its <style> instead of a whole document',
              schema: { type: 'boolean', default: false },
            },
            {
              name: 'checks',
              in: 'query',
              description: 'HTML: cross-check rows for a review page (not for publishing)',
              schema: { type: 'boolean', default: false },
            },
          ],
          requestBody: reportBody,
          responses: {
            '200': {
              description: 'The file, with Content-Disposition naming it after the report title (UTF-8).',
              content: {
                'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } },
                'text/html': { schema: { type: 'string' } },
                'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
                  schema: { type: 'string', contentMediaType: 'application/octet-stream' },
                },
              },
            },
            ...errors,
          },
        },
      },
      '/v1/import': {
        post: {
          operationId: 'import',
          summary:
            'Read a published report (PDF, DOCX, XLSX, HTML, text, pdftotext output, markdown) into Report JSON',
          parameters: [
            {
              name: 'kind',
              in: 'query',
              schema: { enum: ['auto', 'text', 'html', 'markdown'], default: 'auto' },
            },
            {
              name: 'year',
              in: 'query',
              description: 'used only when the text states no year',
              schema: { type: 'integer' },
            },
            {
              name: 'agency',
              in: 'query',
              description: 'used only when the text names no agency',
              schema: { type: 'string' },
            },
          ],
          requestBody: {
            required: true,
            description:
              'The file\'s bytes as the body (any type but multipart), or a multipart part "file".',
            content: {
              'application/octet-stream': {
                schema: { type: 'string', contentMediaType: 'application/octet-stream' },
              },
              'text/html': { schema: { type: 'string' } },
              'text/plain': { schema: { type: 'string' } },
              'multipart/form-data': {
                schema: { type: 'object', required: ['file'], properties: { file: { type: 'string' } } },
              },
            },
          },
          responses: {
            '200': {
              description: 'The imported report.',
              content: { 'application/json': { schema: ref('ImportResult') } },
            },
            ...errors,
          },
        },
      },
      '/v1/audit': {
        post: {
          operationId: 'audit',
          summary: 'Import and check many published reports: one row each and the totals',
          parameters: [
            {
              name: 'kind',
              in: 'query',
              schema: { enum: ['auto', 'text', 'html', 'markdown'], default: 'auto' },
            },
          ],
          requestBody: {
            required: true,
            description:
              'A zip of report files (.txt .html .htm .md .markdown .docx), or multipart file parts.',
            content: {
              'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } },
              'multipart/form-data': { schema: { type: 'object' } },
            },
          },
          responses: {
            '200': {
              description: 'One row per file and the totals.',
              content: { 'application/json': { schema: ref('AuditResult') } },
            },
            ...errors,
          },
        },
      },
      '/healthz': {
        get: { operationId: 'healthz', summary: 'Alive', responses: { '200': { description: 'alive' } } },
      },
      '/readyz': {
        get: {
          operationId: 'readyz',
          summary: 'Ready: fonts loaded, workers warm, not stopping',
          responses: {
            '200': { description: 'ready' },
            '503': { description: 'not ready (starting or stopping)' },
          },
        },
      },
      '/metrics': {
        get: {
          operationId: 'metrics',
          summary: 'Prometheus metrics',
          responses: { '200': { description: 'text exposition format' } },
        },
      },
    },
    components: {
      schemas: {
        Report: report,
        ReportEnvelope: {
          type: 'object',
          required: ['report'],
          additionalProperties: false,
          properties: { report: ref('Report'), previous: ref('Report') },
        },
        LocalizedText: localized,
        Finding: {
          type: 'object',
          required: ['rule', 'severity', 'status', 'cells', 'message'],
          properties: {
            rule: { enum: RULES.map((rule) => rule.id) },
            severity: { enum: [...new Set(RULES.map((rule) => rule.severity))] },
            status: { enum: ['fail', 'uncertain'] },
            cells: { type: 'array', items: { type: 'string' } },
            expected: { type: 'number' },
            actual: { type: 'number' },
            message: ref('LocalizedText'),
          },
        },
        ValidateResult: {
          type: 'object',
          required: ['ok', 'findings'],
          properties: { ok: { type: 'boolean' }, findings: { type: 'array', items: ref('Finding') } },
        },
        ImportNote: {
          type: 'object',
          required: ['code', 'severity', 'cells', 'message'],
          properties: {
            code: { type: 'string' },
            severity: { enum: ['warning', 'info'] },
            cells: { type: 'array', items: { type: 'string' } },
            message: ref('LocalizedText'),
            line: { type: 'integer' },
            candidates: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
          },
        },
        ImportResult: {
          type: 'object',
          required: ['report', 'findings', 'confidence', 'notes', 'layouts'],
          properties: {
            report: ref('Report'),
            findings: { type: 'array', items: ref('Finding') },
            confidence: {
              type: 'object',
              description: `How each of the ${statutoryCells().length} statutory cells was obtained`,
              properties: Object.fromEntries(
                ['read', 'inferred', 'missing'].map((key) => [
                  key,
                  { type: 'array', items: { type: 'string' } },
                ]),
              ),
            },
            notes: { type: 'array', items: ref('ImportNote') },
            layouts: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        AuditRow: {
          type: 'object',
          properties: {
            file: { type: 'string' },
            ok: { type: 'boolean' },
            agency: { type: 'string' },
            year: { type: ['integer', 'null'] },
            format: { enum: ['2021', '2019', ''] },
            layouts: { type: 'string' },
            errors: { type: 'integer' },
            warnings: { type: 'integer' },
            read: { type: 'integer' },
            inferred: { type: 'integer' },
            missing: { type: 'integer' },
            reasons: { type: 'array', items: ref('LocalizedText') },
          },
        },
        AuditResult: {
          type: 'object',
          required: ['rows', 'summary'],
          properties: {
            rows: { type: 'array', items: ref('AuditRow') },
            summary: {
              type: 'object',
              properties: Object.fromEntries(
                ['files', 'imported', 'notImported', 'withErrors', 'legacy'].map((key) => [
                  key,
                  { type: 'integer' },
                ]),
              ),
            },
          },
        },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          required: ['type', 'code', 'title', 'status', 'detail', 'message'],
          properties: {
            type: { type: 'string', format: 'uri' },
            code: { enum: Object.keys(PROBLEM_STATUS) },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            message: ref('LocalizedText'),
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  part: { enum: ['report', 'previous'] },
                  path: { type: 'string' },
                  code: { type: 'string' },
                  message: ref('LocalizedText'),
                },
              },
            },
            notes: { type: 'array', items: ref('ImportNote') },
          },
        },
      },
    },
  };
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ESCAPES[ch] ?? ch);
}

/**
 * A small page listing the operations of the OpenAPI document with a curl line each: no script and nothing
 * fetched from elsewhere, so it works on an intranet without internet access.
 */
export function docsPage(document: Schema): string {
  const paths = (document.paths ?? {}) as Record<string, Record<string, { summary?: string }>>;
  const rows = Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const curl =
        method === 'post'
          ? `curl -sS -X POST --data-binary @report.json -H 'Content-Type: application/json' http://HOST${path}`
          : `curl -sS http://HOST${path}`;
      return `<tr><td><code>${method.toUpperCase()} ${escapeText(path)}</code></td><td>${escapeText(operation.summary ?? '')}</td><td><code>${escapeText(curl)}</code></td></tr>`;
    }),
  );
  const info = document.info as { title?: string; version?: string; summary?: string };
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeText(info.title ?? 'nianbao')} API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:72rem}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}code{font-size:13px}</style></head>
<body><h1>${escapeText(info.title ?? 'nianbao')} ${escapeText(info.version ?? '')}</h1><p>${escapeText(info.summary ?? '')}</p>
<p>OpenAPI 3.1: <a href="/openapi.json">/openapi.json</a></p>
<table><thead><tr><th>operation</th><th>what it does</th><th>example</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></body></html>
`;
}
