import { z } from 'zod';
import { cellLabel, describeCell } from '../tables/cells.js';
import { NARRATIVE_HEADINGS } from '../tables/parts.js';
import { T2_SPEC, T3_SPEC, T4_SPEC } from '../tables/statutory-2021.js';
import {
  type LocalizedText,
  type Report,
  T3_COLUMN_KEYS,
  T3_NOT_PROCESSED_KEYS,
  T3_OTHER_KEYS,
  T3_UNAVAILABLE_KEYS,
  T3_WITHHELD_KEYS,
  T4_COLUMN_KEYS,
  T4_GROUP_KEYS,
} from '../types.js';

/*
 * The runtime schema of Report JSON v1. It validates only: no transforms, no defaults, no coercion, and
 * every object is strict, so a successful parse returns exactly the data it was given (nothing dropped,
 * nothing added) and an unknown key is an error rather than silently stripped. Only constraints that
 * JSON Schema can express are used (no refinements), so `reportJsonSchema()` rejects what `parseReport`
 * rejects.
 */

/** The first reportable year: the 政府信息公开条例 took effect on 2008-05-01. */
export const MIN_YEAR = 2008;
/** The last year accepted; anything later is a typo. */
export const MAX_YEAR = 2100;

/** What a schema node expects, where its type alone does not say enough for a helpful message. */
export type Role =
  | { kind: 'count' }
  | { kind: 'amount' }
  | { kind: 'year' }
  | { kind: 'date' }
  | { kind: 'format-version' }
  | { kind: 'agency-kind' }
  | { kind: 'block' }
  /** The discriminator of a block whose `type` matches no block kind (never registered; found by walking). */
  | { kind: 'block-type'; values: readonly string[] }
  | { kind: 'heading-level' }
  | { kind: 'text'; nonEmpty: boolean; what: LocalizedText }
  | { kind: 'array'; what: LocalizedText };

const roles = z.registry<Role>();

/** The role registered for a schema node, if any. */
export function roleOf(schema: z.ZodType): Role | undefined {
  return roles.get(schema);
}

function withRole<S extends z.ZodType>(schema: S, role: Role): S {
  roles.add(schema, role);
  return schema;
}

/** Builds `{ [key]: make(key) }` for a key list, keeping the literal keys in the type. */
function shapeOf<const K extends readonly string[], S extends z.ZodType>(
  keys: K,
  make: (key: K[number]) => S,
): Record<K[number], S> {
  const shape: Partial<Record<K[number], S>> = {};
  for (const key of keys as readonly K[number][]) shape[key] = make(key);
  return shape as Record<K[number], S>;
}

function countCell(address: string) {
  return withRole(
    z
      .int()
      .min(0)
      .nullable()
      .describe(`${cellLabel(address)}（件；null = 空白/不详 blank or unknown）`),
    { kind: 'count' },
  );
}

function rowLabel(firstCell: string): string {
  return describeCell(firstCell)?.rowLabels.join(' › ') ?? firstCell;
}

function t3Row(path: string) {
  return z
    .strictObject(shapeOf(T3_COLUMN_KEYS, (column) => countCell(`${path}.${column}`)))
    .describe(rowLabel(`${path}.naturalPerson`));
}

function t3Group<const K extends readonly string[]>(path: string, keys: K) {
  const group = z.strictObject(shapeOf(keys, (key) => t3Row(`${path}.${key}`)));
  const label = describeCell(`${path}.${keys[0]}.naturalPerson`)?.rowLabels[1];
  return label ? group.describe(label) : group;
}

function t2Documents(path: string) {
  return z
    .strictObject({
      issued: countCell(`${path}.issued`),
      repealed: countCell(`${path}.repealed`),
      inForce: countCell(`${path}.inForce`),
    })
    .describe(rowLabel(`${path}.issued`));
}

function t2Decisions(path: string) {
  return z
    .strictObject({ decisions: countCell(`${path}.decisions`) })
    .describe(rowLabel(`${path}.decisions`));
}

function text(what: LocalizedText, nonEmpty = false) {
  const schema = nonEmpty ? z.string().min(1) : z.string();
  return withRole(schema.describe(`${what.zh} ${what.en}`), { kind: 'text', nonEmpty, what });
}

function buildReportSchema() {
  const heading = z
    .strictObject({
      type: z.literal('heading'),
      level: withRole(z.literal([2, 3, 4]).describe('标题级别：2 =（一），3 = 1.，4 =（1） heading level'), {
        kind: 'heading-level',
      }),
      text: text({ zh: '标题文字', en: 'heading text' }),
    })
    .describe('标题 heading');
  const paragraph = z
    .strictObject({
      type: z.literal('paragraph'),
      text: text({ zh: '段落文字', en: 'paragraph text' }),
      lead: text({ zh: '加粗的引导语', en: 'bold lead-in printed before the text' }).optional(),
    })
    .describe('段落 paragraph');
  const block = withRole(z.discriminatedUnion('type', [heading, paragraph]), { kind: 'block' });
  const blocks = (what: LocalizedText) =>
    withRole(z.array(block).describe(`${what.zh} ${what.en}`), { kind: 'array', what }).optional();

  const meta = z
    .strictObject({
      agency: text({ zh: '报告机关名称', en: 'the reporting body' }, true),
      year: withRole(
        z
          .int()
          .min(MIN_YEAR)
          .max(MAX_YEAR)
          .describe('报告年度 N（统计期 N-01-01 至 N-12-31） the reported year'),
        { kind: 'year' },
      ),
      kind: withRole(
        z
          .enum(['government', 'department', 'other'])
          .describe('机关类型：government 人民政府 / department 部门 / other 其他 kind of body'),
        { kind: 'agency-kind' },
      ).optional(),
      region: text({ zh: '行政区划', en: 'region' }).optional(),
      contact: z
        .strictObject({
          phone: text({ zh: '联系电话', en: 'phone' }).optional(),
          address: text({ zh: '通讯地址', en: 'postal address' }).optional(),
          postcode: text({ zh: '邮政编码', en: 'postcode' }).optional(),
          email: text({ zh: '电子邮箱', en: 'email' }).optional(),
        })
        .describe('联系方式 contact details')
        .optional(),
      publishedAt: withRole(z.iso.date().describe('发布日期 YYYY-MM-DD publication date'), {
        kind: 'date',
      }).optional(),
      title: text({ zh: '报告标题', en: 'report title' }).optional(),
    })
    .describe('报告信息 facts about the report');

  const t2 = z
    .strictObject({
      rules: t2Documents('t2.rules'),
      normativeDocs: t2Documents('t2.normativeDocs'),
      licensing: t2Decisions('t2.licensing'),
      penalties: t2Decisions('t2.penalties'),
      coercion: t2Decisions('t2.coercion'),
      fees: z
        .strictObject({
          amount: withRole(
            z
              .number()
              .min(0)
              .nullable()
              .describe(`${cellLabel('t2.fees.amount')}（万元，可有小数；null = 空白/不详）`),
            { kind: 'amount' },
          ),
        })
        .describe(rowLabel('t2.fees.amount')),
    })
    .describe(T2_SPEC.caption);

  const t3 = z
    .strictObject({
      received: t3Row('t3.received'),
      carriedOver: t3Row('t3.carriedOver'),
      results: z
        .strictObject({
          disclosed: t3Row('t3.results.disclosed'),
          partlyDisclosed: t3Row('t3.results.partlyDisclosed'),
          withheld: t3Group('t3.results.withheld', T3_WITHHELD_KEYS),
          unavailable: t3Group('t3.results.unavailable', T3_UNAVAILABLE_KEYS),
          notProcessed: t3Group('t3.results.notProcessed', T3_NOT_PROCESSED_KEYS),
          other: t3Group('t3.results.other', T3_OTHER_KEYS),
          total: t3Row('t3.results.total'),
        })
        .describe('三、本年度办理结果'),
      carriedForward: t3Row('t3.carriedForward'),
    })
    .describe(T3_SPEC.caption);

  const t4 = z
    .strictObject(
      shapeOf(T4_GROUP_KEYS, (group) =>
        z
          .strictObject(shapeOf(T4_COLUMN_KEYS, (column) => countCell(`t4.${group}.${column}`)))
          .describe(describeCell(`t4.${group}.total`)?.columnLabels.slice(0, -1).join(' › ') ?? group),
      ),
    )
    .describe(T4_SPEC.caption);

  return z.strictObject({
    formatVersion: withRole(
      z.literal('2021').describe('法定格式版本：国办公开办函〔2021〕30号 the statutory format'),
      { kind: 'format-version' },
    ),
    meta,
    preamble: withRole(
      z
        .array(text({ zh: '段落', en: 'paragraph' }))
        .describe(
          `“${NARRATIVE_HEADINGS.overview}”之前的段落（依据、统计期、联系方式） paragraphs before ${NARRATIVE_HEADINGS.overview}`,
        ),
      { kind: 'array', what: { zh: '前言段落', en: 'preamble paragraphs' } },
    ).optional(),
    sections: z
      .strictObject({
        overview: blocks({ zh: NARRATIVE_HEADINGS.overview, en: 'overview' }),
        problems: blocks({ zh: NARRATIVE_HEADINGS.problems, en: 'problems and improvements' }),
        other: blocks({ zh: NARRATIVE_HEADINGS.other, en: 'other matters' }),
      })
      .describe('叙述部分 the narrative parts')
      .optional(),
    t2,
    t3,
    t4,
  });
}

type ReportSchema = ReturnType<typeof buildReportSchema>;

/*
 * Compile-time guard: the schema and the declared `Report` type must describe the same data. Plain mutual
 * assignability ignores optional keys (`{}` and `{ a?: 1 }` assign both ways), so the check also runs on
 * deep-required versions of both, which turns a missing or extra optional key into a mismatch.
 */
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type DeepRequired<T> = T extends readonly (infer U)[]
  ? DeepRequired<U>[]
  : T extends object
    ? { [K in keyof T]-?: DeepRequired<Exclude<T[K], undefined>> }
    : T;
type SchemaMatchesReport = MutuallyAssignable<z.infer<ReportSchema>, Report> &
  MutuallyAssignable<DeepRequired<z.infer<ReportSchema>>, DeepRequired<Report>>;
true satisfies SchemaMatchesReport;

let built: ReportSchema | undefined;

/**
 * The zod schema of Report JSON v1, built on first use (building reads the statutory table layouts for
 * descriptions). Internal: the public types are those of `types.ts`.
 */
export function reportZodSchema(): z.ZodType<Report> {
  built ??= buildReportSchema();
  return built;
}
