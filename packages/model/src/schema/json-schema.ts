import { z } from 'zod';
import { reportZodSchema } from './report-schema.js';

/** `$id` of the Report JSON v1 schema: a name, not a download location. */
const REPORT_SCHEMA_ID = 'urn:nianbao:report-json:v1';

/** What names a generated JSON Schema document: its `$id`, `title` and `description`. */
export interface JsonSchemaHeading {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/**
 * A zod schema as a JSON Schema (draft 2020-12) document with its heading first: the draft's own `$schema` line is
 * replaced by the canonical one, so every schema this package writes starts the same way.
 */
export function documentJsonSchema(schema: z.ZodType, heading: JsonSchemaHeading): Record<string, unknown> {
  const { $schema: _draft, ...generated } = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: heading.id,
    title: heading.title,
    description: heading.description,
    ...generated,
  };
}

/**
 * The JSON Schema (draft 2020-12) of Report JSON v1, generated from the same zod schema `parseReport`
 * uses, so both accept and reject the same documents. A fresh object on every call.
 */
export function reportJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(reportZodSchema(), {
    id: REPORT_SCHEMA_ID,
    title: 'Report JSON v1 — 政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）',
    description:
      'One annual report on government information disclosure in the 2021 statutory format: meta, ' +
      'narrative and the three statutory tables t2, t3, t4. A cell is a number or null (null = blank, /, — ' +
      'or unknown; never read as 0). Counts are non-negative integers; t2.fees.amount is in 万元.',
  });
}
