// ajv is CommonJS: under NodeNext the default import is module.exports, whose `default` is the class.
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { statutoryCells } from '../tables/cells.js';
import { reportJsonSchema } from './json-schema.js';

type Json = Record<string, unknown>;

/** Follows `properties` down a dotted cell address. */
function propertyAt(schema: Json, address: string): Json | undefined {
  let node: Json | undefined = schema;
  for (const key of address.split('.')) {
    const properties = node?.properties as Record<string, Json> | undefined;
    node = properties?.[key];
  }
  return node;
}

describe('reportJsonSchema', () => {
  const schema = reportJsonSchema();

  it('is a draft 2020-12 schema with an id, a title and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:nianbao:report-json:v1');
    expect(schema.title).toMatch(/Report JSON v1/);
    expect(typeof schema.description).toBe('string');
  });

  it('compiles under ajv strict mode', () => {
    const ajv = new Ajv2020.default({ strict: true, validateFormats: false });
    expect(() => ajv.compile(reportJsonSchema())).not.toThrow();
  });

  it('describes every statutory cell with its statutory labels and types it', () => {
    for (const info of statutoryCells()) {
      const node = propertyAt(schema, info.address);
      expect(node, info.address).toBeDefined();
      expect(node?.description, info.address).toContain(info.columnLabels.at(-1) ?? '');
      const types = ((node?.anyOf ?? []) as Json[]).map((option) => option.type);
      expect(types).toEqual([info.value === 'amount' ? 'number' : 'integer', 'null']);
    }
  });

  it('forbids unknown keys everywhere and requires the statutory parts', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['formatVersion', 'meta', 't2', 't3', 't4']);
    expect(propertyAt(schema, 't3.results.withheld')?.additionalProperties).toBe(false);
  });

  it('returns a fresh object each call', () => {
    const first = reportJsonSchema();
    first.title = 'changed';
    expect(reportJsonSchema().title).not.toBe('changed');
  });
});
