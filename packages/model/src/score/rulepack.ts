import { z } from 'zod';
import { got, issue, type ParseIssue } from '../schema/issues.js';
import { documentJsonSchema } from '../schema/json-schema.js';
import { findJsonSyntaxError, lineColumn } from '../schema/json-text.js';
import { alternatives, closest } from '../schema/messages.js';
import type { PathSegment } from '../schema/path.js';
import type { AgencyKind, LocalizedText } from '../types.js';
import { INDICATOR_IDS } from './indicators.js';
import type { Rulepack } from './resolve.js';
import type { IndicatorId } from './types.js';

/*
 * Rulepacks: a province's or city's scoring rules as a JSON file (format 1). A rulepack only states what differs
 * from the national defaults: an indicator it does not name keeps its default weight, and so do thresholds and
 * deadlines. The zod schema below validates only (strict objects, no transforms), so the JSON Schema generated
 * from it accepts what `parseRulepack` accepts, except the two checks JSON Schema cannot say: a real calendar
 * date (no 02-30) and ids unique within the pack.
 *
 * YAML is not read: no package of this repository depends on a YAML parser (one is only pulled in by build
 * tools), and the model keeps zod as its one dependency. A YAML file can be converted to JSON first.
 */

/** The outcome of `parseRulepack`: the rulepack, or every problem found, each located by JSON path. */
export type RulepackResult = { ok: true; rulepack: Rulepack } | { ok: false; errors: ParseIssue[] };

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ITEM_ID = /^[a-z0-9][a-z0-9-]*$/;
/** No weight or deduction is this large; a bigger number is a typo. */
const MAX_POINTS = 1000;
/** A rulepack is a few kilobytes; refuse anything that could not be one. */
const MAX_RULEPACK_BYTES = 1024 * 1024;

const FORMAT_MESSAGES: ReadonlyMap<string, LocalizedText> = new Map([
  [
    MONTH_DAY.source,
    { zh: '应为 MM-DD 形式的月日，如 "03-31"', en: 'must be a month and day MM-DD, e.g. "03-31"' },
  ],
  [
    ITEM_ID.source,
    {
      zh: '应只含小写字母、数字和连字符，如 "late-report"',
      en: 'must be lower-case letters, digits and hyphens, e.g. "late-report"',
    },
  ],
]);

const localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const weight = z.number().min(0).max(MAX_POINTS);
const itemId = z.string().regex(ITEM_ID);
const monthDay = z.string().regex(MONTH_DAY);
const ratio = z.number().min(0).max(1);

const indicatorSetting = z.strictObject({
  enabled: z.boolean().describe('false leaves the indicator off the scorecard').optional(),
  weight: weight.describe('points for a pass; a partial earns a share').optional(),
  mode: z
    .enum(['automatic', 'manual'])
    .describe('manual: a person scores it; it is listed as hand-scored and left out of the maximum')
    .optional(),
});

const deductionBase = { id: itemId, points: weight, description: localized.optional() };

const deductionSchema = z.discriminatedUnion('when', [
  z
    .strictObject({ ...deductionBase, when: z.literal('no-report') })
    .describe('applies to a unit that published no report (scoreMissingReport)'),
  z
    .strictObject({ ...deductionBase, when: z.literal('published-after'), date: monthDay })
    .describe('applies when meta.publishedAt is after this MM-DD of the year after the reported one'),
  z
    .strictObject({ ...deductionBase, when: z.literal('copied-over'), ratio })
    .describe('applies when part 一 or 五 repeats more than this share of last year’s (needs previous)'),
  z
    .strictObject({
      ...deductionBase,
      when: z.literal('indicator-failed'),
      indicator: z.enum(INDICATOR_IDS as [IndicatorId, ...IndicatorId[]]),
    })
    .describe('applies when the named indicator fails'),
]);

const KINDS: readonly AgencyKind[] = ['government', 'department', 'other'];

/** The zod schema of a rulepack file. Built once; validation only. */
function buildSchema() {
  return z.strictObject({
    $schema: z.string().describe('the JSON Schema the file declares, for editors; not read').optional(),
    rulepack: z.literal(1).describe('the rulepack format: 1'),
    name: z.string().min(1).describe('a short name printed on the scorecard'),
    description: localized.optional(),
    indicators: z
      .strictObject(Object.fromEntries(INDICATOR_IDS.map((id) => [id, indicatorSetting.optional()])))
      .describe('settings by indicator id; an indicator left out keeps its national default')
      .optional(),
    thresholds: z
      .strictObject({
        copyRatio: ratio
          .describe('share of part 五 found in last year’s part 五 from which it counts as copied')
          .optional(),
        problemsMinChars: z
          .number()
          .int()
          .min(0)
          .max(100_000)
          .describe('fewest characters part 五 needs')
          .optional(),
        problemsMinMeasures: z
          .number()
          .int()
          .min(0)
          .max(100)
          .describe('fewest distinct concrete measure verbs part 五 needs')
          .optional(),
      })
      .optional(),
    deadlines: z
      .strictObject(Object.fromEntries(KINDS.map((kind) => [kind, monthDay.optional()])))
      .describe('publication deadlines by meta.kind, as MM-DD of the year after the reported one')
      .optional(),
    deductions: z
      .array(deductionSchema)
      .describe('points taken off the total when their condition holds')
      .optional(),
    manual: z
      .array(z.strictObject({ id: itemId, weight, description: localized }))
      .describe('items a person scores by hand, with their weights')
      .optional(),
  });
}

let schema: ReturnType<typeof buildSchema> | undefined;
function rulepackSchema(): ReturnType<typeof buildSchema> {
  schema ??= buildSchema();
  return schema;
}

const TYPE_WORDS: Record<string, LocalizedText> = {
  string: { zh: '字符串', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  object: { zh: 'JSON 对象', en: 'a JSON object' },
  array: { zh: '数组', en: 'an array' },
};

/** The value at a path of the input, or `undefined`. */
function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let node = input;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

/** The keys the schema allows at a path (for "did you mean"), following the input through unions. */
function keysAt(input: unknown, path: readonly PathSegment[]): string[] {
  let node: z.ZodType = rulepackSchema();
  for (let i = 0; i <= path.length; i++) {
    while (node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType;
    if (node instanceof z.ZodDiscriminatedUnion) {
      const when = (valueAt(input, path.slice(0, i)) as { when?: unknown } | undefined)?.when;
      const option = (node.options as z.ZodObject[]).find(
        (candidate) => (candidate.shape.when as z.ZodLiteral).value === when,
      );
      if (!option) return [];
      node = option;
    }
    if (i === path.length) break;
    const segment = path[i];
    if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else if (node instanceof z.ZodObject && typeof segment === 'string' && segment in node.shape)
      node = node.shape[segment] as z.ZodType;
    else return [];
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((key) => (typeof key === 'number' ? key : String(key)));
}

/** One zod issue as located, bilingual rulepack errors. */
function explain(input: unknown, zodIssue: z.core.$ZodIssue): ParseIssue[] {
  const path = toSegments(zodIssue.path);
  const value = valueAt(input, path);
  switch (zodIssue.code) {
    case 'invalid_type': {
      if (value === undefined) return [issue(path, 'missing', { zh: '缺少必填字段', en: 'is required' })];
      const words = TYPE_WORDS[zodIssue.expected] ?? { zh: zodIssue.expected, en: zodIssue.expected };
      return [issue(path, 'wrong-type', got({ zh: `应为${words.zh}`, en: `must be ${words.en}` }, value))];
    }
    case 'unrecognized_keys':
      return zodIssue.keys.map((key) => {
        const allowed = keysAt(input, path).filter((candidate) => candidate !== key);
        const near = closest(key, allowed);
        // A near key is the likely fix; without one, the whole list of keys allowed here.
        const list = allowed.join(', ');
        return issue(
          [...path, key],
          'unknown-key',
          near
            ? { zh: `未知字段，是否应为 "${near}"？`, en: `unknown key; did you mean "${near}"?` }
            : { zh: `未知字段（可用：${list}）`, en: `unknown key (allowed: ${list})` },
        );
      });
    case 'too_small':
      if (typeof value === 'string')
        return [issue(path, 'empty', { zh: '不能为空', en: 'must not be empty' })];
      return [
        issue(
          path,
          'bad-value',
          got(
            {
              zh: `应不小于 ${String(zodIssue.minimum)}`,
              en: `must be at least ${String(zodIssue.minimum)}`,
            },
            value,
          ),
        ),
      ];
    case 'too_big':
      return [
        issue(
          path,
          'bad-value',
          got(
            { zh: `应不大于 ${String(zodIssue.maximum)}`, en: `must be at most ${String(zodIssue.maximum)}` },
            value,
          ),
        ),
      ];
    case 'invalid_format': {
      const pattern = 'pattern' in zodIssue && typeof zodIssue.pattern === 'string' ? zodIssue.pattern : '';
      const source = pattern.replace(/^\/|\/[a-z]*$/g, '');
      const expected = FORMAT_MESSAGES.get(source) ?? {
        zh: '格式不正确',
        en: 'is not in the expected format',
      };
      return [issue(path, 'bad-value', got(expected, value))];
    }
    case 'not_multiple_of':
      return [issue(path, 'bad-value', got({ zh: '应为整数', en: 'must be a whole number' }, value))];
    case 'invalid_value': {
      const choices = alternatives(zodIssue.values.map((choice) => String(choice)));
      return [issue(path, 'bad-value', got({ zh: `应为${choices.zh}`, en: `must be ${choices.en}` }, value))];
    }
    case 'invalid_union': {
      // A deduction whose `when` names no kind of deduction (zod reports the union, not the discriminator).
      const at = path[path.length - 1] === 'when' ? path : [...path, 'when'];
      const when = valueAt(input, at);
      const kinds = deductionSchema.options.map((option) => option.shape.when.value);
      const choices = alternatives(kinds);
      return [
        issue(
          at,
          when === undefined ? 'missing' : 'bad-value',
          when === undefined
            ? { zh: `缺少必填字段，应为${choices.zh}`, en: `is required: ${choices.en}` }
            : got({ zh: `应为${choices.zh}`, en: `must be ${choices.en}` }, when),
        ),
      ];
    }
    default:
      return [issue(path, 'invalid', { zh: '取值无效', en: 'is not valid' })];
  }
}

/** Whether `MM-DD` is a day of some year (02-29 is; 02-30 and 04-31 are not). */
function isMonthDay(text: string): boolean {
  const [month, day] = text.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(2024, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What JSON Schema cannot check: real month-days, and ids unique within the pack. */
function laterChecks(pack: Rulepack): ParseIssue[] {
  const errors: ParseIssue[] = [];
  const badDate = (path: PathSegment[], text: string): void => {
    if (!isMonthDay(text)) {
      errors.push(
        issue(path, 'bad-date', got({ zh: '应为实际存在的月日', en: 'must be a real month and day' }, text)),
      );
    }
  };
  for (const kind of KINDS) {
    const date = pack.deadlines?.[kind];
    if (date !== undefined) badDate(['deadlines', kind], date);
  }
  const seen = new Map<string, string>();
  const unique = (path: PathSegment[], id: string, where: string): void => {
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push(
        issue(path, 'bad-value', {
          zh: `id "${id}" 与 ${first} 重复`,
          en: `id "${id}" is already used by ${first}`,
        }),
      );
    } else seen.set(id, where);
  };
  for (const indicator of INDICATOR_IDS) seen.set(indicator, `indicators.${indicator}`);
  pack.deductions?.forEach((deduction, index) => {
    if (deduction.when === 'published-after') badDate(['deductions', index, 'date'], deduction.date);
    unique(['deductions', index, 'id'], deduction.id, `deductions[${index}]`);
  });
  pack.manual?.forEach((item, index) => {
    unique(['manual', index, 'id'], item.id, `manual[${index}]`);
  });
  return errors;
}

/**
 * Checks that a value is a rulepack (format 1). Returns it unchanged, or every problem found, each with the JSON
 * path of the offending value (`indicators.arithmetic.weight`, `deductions[1].date`) and a Chinese and English
 * message; an unknown key gets a "did you mean". Never throws.
 */
export function parseRulepack(input: unknown): RulepackResult {
  try {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return {
        ok: false,
        errors: [issue([], 'wrong-type', got({ zh: '应为 JSON 对象', en: 'must be a JSON object' }, input))],
      };
    }
    const result = rulepackSchema().safeParse(input);
    if (!result.success) {
      const errors = result.error.issues.flatMap((zodIssue) => explain(input, zodIssue));
      return { ok: false, errors };
    }
    const pack = input as Rulepack;
    const errors = laterChecks(pack);
    return errors.length > 0 ? { ok: false, errors } : { ok: true, rulepack: pack };
  } catch (error) {
    // Hostile inputs (throwing getters, revoked proxies) end here rather than escaping.
    const reason = error instanceof Error ? error.message : 'unknown error';
    return {
      ok: false,
      errors: [issue([], 'unreadable', { zh: `无法读取：${reason}`, en: `could not be read: ${reason}` })],
    };
  }
}

/**
 * Parses rulepack JSON text (a UTF-8 BOM is accepted). A syntax error names its line and column; text over 1 MB
 * is refused unread. Never throws.
 */
export function parseRulepackJson(text: string): RulepackResult {
  if (text.length > MAX_RULEPACK_BYTES) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          code: 'too-large',
          message: {
            zh: `规则包超过 1 MB（${text.length} 个字符），未作解析`,
            en: `the rulepack is over 1 MB (${text.length} characters); it was not parsed`,
          },
        },
      ],
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const problem = findJsonSyntaxError(body);
    const { line, column } = lineColumn(body, problem?.offset ?? 0);
    const reason = problem?.reason ?? { zh: '不是有效的 JSON', en: 'not valid JSON' };
    return {
      ok: false,
      errors: [
        {
          path: '',
          code: 'json-syntax',
          message: {
            zh: `第 ${line} 行第 ${column} 列：${reason.zh}`,
            en: `line ${line}, column ${column}: ${reason.en}`,
          },
        },
      ],
    };
  }
  return parseRulepack(value);
}

/** `$id` of the rulepack schema: a name, not a download location. */
const RULEPACK_SCHEMA_ID = 'urn:nianbao:rulepack:v1';

/**
 * The JSON Schema (draft 2020-12) of a rulepack file, generated from the zod schema `parseRulepack` uses. It
 * does not check that month-days exist or that ids are unique; `parseRulepack` does. A fresh object per call.
 */
export function rulepackJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(rulepackSchema(), {
    id: RULEPACK_SCHEMA_ID,
    title: 'nianbao rulepack (format 1) — 年报评分规则包',
    description:
      'Scoring rules for 政府信息公开工作年度报告, laid over the national defaults: indicators (enabled, weight, ' +
      'automatic or manual), thresholds, deadlines by kind of body (MM-DD of the next year), deductions, and ' +
      'hand-scored items.',
  });
}
