import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedReport } from '@nianbao/model/fixtures';
import { renderReportHtml } from '@nianbao/react/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/fake-io.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-html-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('html', () => {
  it('prints the bundled example as a whole document when no file is given', async () => {
    const result = await run(['html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(renderReportHtml(seedReport));
    expect(result.stdout.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(result.stderr).toBe('');
  });

  it("publishes the statute's tables only by default; --checks adds the cross-check rows for review", async () => {
    const published = await run(['html']);
    // The markup after the inlined stylesheet (which names every class, the footers' too).
    const body = published.stdout.slice(published.stdout.indexOf('</style>'));
    expect(body).not.toContain('<tfoot');
    expect(body).not.toContain('nb-check');
    expect(body).not.toMatch(/[✓✗⚠]|行通过/);
    const review = await run(['html', '--checks']);
    expect(review.code).toBe(0);
    expect(review.stdout).toBe(renderReportHtml(seedReport, { checks: true }));
    expect(review.stdout.match(/<tfoot/g)?.length).toBeGreaterThan(0);
    expect(review.stdout).toContain('行通过');
  });

  it('lists --checks in its help', async () => {
    const help = await run(['html', '--help']);
    expect(help.stdout).toContain('--checks');
  });

  it('prints a fragment to paste with --fragment', async () => {
    const result = await run(['html', '--fragment']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('<div class="nb-report" lang="zh-CN"><style>')).toBe(true);
    expect(result.stdout).not.toContain('<html');
  });

  it('renders a report file to -o, escaping its text', async () => {
    const report = { ...seedReport, preamble: ['<script>alert(1)</script>'] };
    await writeFile(join(dir, 'r.json'), JSON.stringify(report));
    const result = await run(['html', 'r.json', '-o', 'out.html'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('out.html');
    const html = await readFile(join(dir, 'out.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('reports an unparsable file as validate does, on stderr, with exit 2', async () => {
    await writeFile(join(dir, 'bad.json'), '{ "formatVersion": "2021", ');
    const html = await run(['html', 'bad.json'], { cwd: dir });
    const validate = await run(['validate', 'bad.json'], { cwd: dir });
    expect(html.code).toBe(2);
    expect(validate.code).toBe(2);
    expect(html.stdout).toBe('');
    const issueLines = validate.stdout.split('\n').filter((line) => line.startsWith('  '));
    expect(issueLines.length).toBeGreaterThan(0);
    for (const line of issueLines) expect(html.stderr).toContain(line);
  });

  it('exits 2 for a missing file and for two files', async () => {
    const missing = await run(['html', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
    const two = await run(['html', 'a.json', 'b.json'], { cwd: dir });
    expect(two.code).toBe(2);
  });
});
