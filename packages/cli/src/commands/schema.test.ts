import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportJsonSchema, rulepackJsonSchema } from '@nianbao/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/fake-io.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-schema-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('schema', () => {
  it('prints the JSON Schema as pretty JSON', async () => {
    const result = await run(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema).toEqual(reportJsonSchema());
    expect(result.stdout).toMatch(/^\{\n {2}"/);
  });

  it('prints the rulepack schema with --rulepack', async () => {
    const result = await run(['schema', '--rulepack']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(schema).toEqual(rulepackJsonSchema());
    expect(schema).not.toEqual(reportJsonSchema());
  });

  it('writes it with -o, replacing an older copy', async () => {
    const target = join(dir, 'report.schema.json');
    for (let i = 0; i < 2; i++) {
      const result = await run(['schema', '-o', 'report.schema.json'], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('report.schema.json');
    }
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual(reportJsonSchema());
  });

  it('exits 2 when the file cannot be written', async () => {
    const result = await run(['schema', '-o', 'no/such/dir/schema.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the directory of no/such/dir/schema.json does not exist');
  });
});
