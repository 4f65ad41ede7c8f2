import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from './core.js';
import * as model from './index.js';

const src = dirname(fileURLToPath(import.meta.url));

/** Every source file `entry` reaches through relative imports and re-exports (type-only ones included). */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const match of text.matchAll(/from\s+'(\.{1,2}\/[^']+)\.js'/g)) {
    reachable(join(dirname(entry), `${match[1]}.ts`), seen);
  }
  return seen;
}

describe('@nianbao/model/core', () => {
  it('reaches no part of the runtime validation (which loads zod) and imports no package at all', () => {
    const files = [...reachable(join(src, 'core.ts'))].map((file) => relative(src, file));
    expect(files.filter((file) => file.startsWith('schema/'))).toEqual([]);
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      expect(text.match(/from\s+'(?!\.)[^']+'/g) ?? [], file).toEqual([]);
    }
  });

  it('exports everything @nianbao/model does except the validators of reports, rulepacks and audits', () => {
    const missing = Object.keys(model).filter((key) => !(key in core));
    expect(missing.sort()).toEqual([
      'auditJsonSchema',
      'isRegionAudit',
      'parseReport',
      'parseReportJson',
      'parseRulepack',
      'parseRulepackJson',
      'reportJsonSchema',
      'rulepackJsonSchema',
    ]);
  });
});
