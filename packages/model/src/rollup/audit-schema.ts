import { z } from 'zod';
import { RULES, type RuleId } from '../checks/rules.js';
import { documentJsonSchema } from '../schema/json-schema.js';
import { reportZodSchema } from '../schema/report-schema.js';
import { INDICATOR_IDS } from '../score/indicators.js';
import type { IndicatorId } from '../score/types.js';
import { AUDIT_FORMAT, type RegionAudit } from './audit.js';
import { OUTCOME_KEYS } from './year-over-year.js';

/*
 * The zod schema of the audit document (`nianbao audit --json`, `nianbao-audit/1`), written against the
 * TypeScript types (`z.ZodType<RegionAudit>` fails to compile when they drift apart), and its JSON Schema. It lives
 * apart from audit.ts so that building an audit does not load zod; only the schema export (in `@nianbao/model`,
 * not `/core`) does.
 */

const text = z
  .object({ zh: z.string(), en: z.string() })
  .describe('中文与英文 a text in Chinese and English');
const cells = z.array(z.string()).describe('单元格地址 cell addresses, e.g. t3.received.total');
const count = z.number().int().min(0);
const value = z
  .number()
  .nullable()
  .describe('数值；null 为空白（不作 0） a number, or null for blank (never 0)');
const status3 = z.enum(['pass', 'fail', 'uncertain']);

const finding = z.object({
  rule: z.enum(RULES.map((rule) => rule.id) as [RuleId, ...RuleId[]]),
  severity: z.enum(['error', 'warning', 'info']),
  status: z.enum(['fail', 'uncertain']),
  cells,
  expected: z.number().optional(),
  actual: z.number().optional(),
  message: text,
});

const note = z.object({
  code: z.string(),
  severity: z.enum(['warning', 'info']),
  cells,
  message: text,
  line: z.number().int().min(1).optional(),
});

const scorecard = z.object({
  rulepack: z.string(),
  agency: z.string(),
  year: z.number().int(),
  indicators: z.array(
    z.object({
      id: z.enum(INDICATOR_IDS as [IndicatorId, ...IndicatorId[]]),
      mode: z.enum(['automatic', 'manual']),
      weight: z.number(),
      score: z.number(),
      status: z.enum(['pass', 'partial', 'fail', 'not-applicable']),
      description: text,
      reads: z.array(z.string()),
      rules: z.array(z.enum(RULES.map((rule) => rule.id) as [RuleId, ...RuleId[]])),
      reason: text,
      cells,
    }),
  ),
  deductions: z.array(
    z.object({
      id: z.string(),
      points: z.number(),
      status: z.enum(['applied', 'not-applied', 'not-applicable']),
      description: text,
      reason: text,
    }),
  ),
  manual: z.array(z.object({ id: z.string(), weight: z.number(), description: text })),
  earned: z.number(),
  deducted: z.number(),
  total: z.number(),
  maximum: z.number(),
});

const notice = z.object({
  agency: z.string(),
  file: z.string(),
  items: z.array(
    z.object({
      rule: z.enum(['reading', 'unreadable', ...RULES.map((rule) => rule.id)]),
      severity: z.enum(['error', 'warning', 'info']),
      instruction: text,
      action: text,
      cells,
      details: z.array(text),
    }),
  ),
});

const expectedUnit = {
  name: z.string(),
  key: z.string().describe('匹配用名称 the name as matched (normaliseAgencyName)'),
  aliases: z.array(z.string()).optional().describe('别名 other names the body’s reports go by'),
  code: z.string().optional(),
  level: z.string().optional(),
  kind: z.enum(['government', 'department', 'other']).optional(),
  own: z.boolean().optional(),
  extra: z.record(z.string(), z.string()).optional(),
  line: z.number().int().min(1).describe('单位名单中的行号 line in the unit list'),
};

const expected = z
  .object({
    units: z.array(
      z.object({
        ...expectedUnit,
        status: z.enum(['on-time', 'late', 'no-date', 'missing']),
        files: z.array(z.string()),
        agency: z.string().optional(),
        publishedAt: z.string().optional(),
        deadline: z.string().nullable(),
        daysLate: count.optional(),
        overdue: z.boolean().nullable().optional(),
      }),
    ),
    unmatched: z.array(z.object({ file: z.string(), agency: z.string() })),
    summary: z.object({
      expected: count,
      reported: count,
      missing: count,
      onTime: count,
      late: count,
      noDate: count,
      unmatched: count,
    }),
  })
  .describe('应报单位 the unit list (--expected) against the reports: missing, late, unmatched');

const auditReport = z.object({
  file: z.string(),
  status: z.enum(['pass', 'warning', 'error', 'unreadable']),
  agency: z.string(),
  year: z.number().int().nullable(),
  format: z.enum(['2021', '2019', '']),
  layouts: z.string(),
  errors: count,
  warnings: count,
  uncertain: count,
  read: count,
  inferred: count,
  missing: count,
  reasons: z.array(text),
  onTime: z.enum(['pass', 'partial', 'fail', 'not-applicable']).nullable(),
  report: reportZodSchema().optional(),
  findings: z.array(finding),
  notes: z.array(note),
  scorecard: scorecard.optional(),
  previousFile: z.string().optional(),
  notice: notice.optional().describe('整改通知 the rectification list, for a report that is not pass'),
});

const unreadable = z.object({ file: z.string(), reasons: z.array(text) });

const rollUp = z
  .object({
    report: reportZodSchema(),
    findings: z.array(finding),
    members: z.array(z.object({ agency: z.string(), year: z.number().int(), file: z.string().optional() })),
    nullCells: z
      .record(z.string(), count)
      .describe('各单元格未填写的成员数 members that left each cell blank'),
    unreadable: z.array(unreadable),
  })
  .describe('汇总 the roll-up: every member’s cells summed');

const yearChange = { before: value, after: value, change: value };
const outcomes = z.array(
  z.object({
    key: z.enum(OUTCOME_KEYS),
    label: z.string(),
    ...yearChange,
  }),
);
const carryover = z.object({
  status: status3,
  columns: z.array(
    z.object({
      cell: z.string(),
      status: status3,
      expected: z.number().optional(),
      actual: z.number().optional(),
      message: text,
    }),
  ),
});
const unmatched = z.array(
  z.object({ agency: z.string(), year: z.number().int(), file: z.string().optional() }),
);

const comparison = z.object({
  agencies: z.array(
    z.object({
      key: z.string(),
      agency: z.string(),
      previousAgency: z.string(),
      year: z.number().int(),
      previousYear: z.number().int(),
      file: z.string().optional(),
      previousFile: z.string().optional(),
      carryover,
      received: z.object(yearChange),
      outcomes,
      copied: z.array(z.object({ status: status3, message: text })),
    }),
  ),
  unmatchedCurrent: unmatched,
  unmatchedPrevious: unmatched,
  region: z.object({
    year: z.number().int(),
    previousYear: z.number().int(),
    carryover,
    received: z.object(yearChange),
    outcomes,
  }),
});

function auditZodSchema(): z.ZodType<RegionAudit> {
  return z.object({
    format: z.literal(AUDIT_FORMAT),
    summary: z.object({
      files: count,
      imported: count,
      unreadable: count,
      pass: count,
      withWarnings: count,
      withErrors: count,
      errors: count,
      warnings: count,
      uncertain: count,
      byRule: z.array(
        z.object({
          rule: z.enum(RULES.map((rule) => rule.id) as [RuleId, ...RuleId[]]),
          severity: z.enum(['error', 'warning', 'info']),
          title: text,
          findings: count,
          reports: count,
        }),
      ),
      deadline: z.object({ onTime: count, late: count, unknown: count }),
    }),
    reports: z.array(auditReport),
    rollUp,
    previous: z.object({ rollUp, comparison }).optional(),
    expected: expected.optional(),
    own: z
      .object({
        identifiedBy: z.enum(['option', 'units']),
        given: z.string(),
        file: z.string().optional(),
        agency: z.string().optional(),
        report: reportZodSchema().optional(),
        others: rollUp.optional(),
      })
      .describe('本级 the office’s own figures, and the other reports summed without them')
      .optional(),
  });
}

/**
 * The JSON Schema (draft 2020-12) of the audit document `nianbao audit --json` writes (`nianbao-audit/1`,
 * the `RegionAudit` type), generated from a zod schema checked against that type. A fresh object on every call.
 */
export function auditJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(auditZodSchema(), {
    id: 'urn:nianbao:audit:v1',
    title: 'nianbao audit — 政府信息公开工作年度报告审核结果',
    description:
      'A region’s audit: per report its status, counts, findings, reading notes and scorecard; the roll-up of ' +
      'every report read (cells summed, blanks counted apart, never as 0); with last year’s reports, the ' +
      'year-over-year comparison (carry-over, applications, outcomes, copied text); with a unit list, who has ' +
      'not reported or reported late; the office’s own (本级) figures apart from the rest; per failing report its ' +
      '整改 (rectification) list.',
  });
}

/** Checks a parsed audit document against the schema (for tools that read `--json` output back). */
export function isRegionAudit(value: unknown): value is RegionAudit {
  return auditZodSchema().safeParse(value).success;
}
