import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportChartSvg } from '@nianbao/charts';
import { writeCell } from '@nianbao/model';
import { busyPreviousReport, busyReport, seedReport } from '@nianbao/model/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../test/fake-io.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-chart-'));
  await writeFile(join(dir, 'busy.json'), JSON.stringify(busyReport));
  await writeFile(join(dir, 'prev.json'), JSON.stringify(busyPreviousReport));
  await writeFile(
    join(dir, 'blank.json'),
    JSON.stringify(writeCell(seedReport, 't3.received.research', null)),
  );
  await writeFile(join(dir, 'bad.json'), '{"formatVersion": "2021", "meta": {');
  await writeFile(join(dir, 'notes.txt'), '这不是一份年度报告。');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('chart', () => {
  it('writes the SVG of @nianbao/charts and prints its text alternative', async () => {
    const result = await run(['chart', 'busy.json', '-o', 'c.svg'], { cwd: dir });
    expect(result.code).toBe(0);
    const chart = reportChartSvg(busyReport);
    expect(await readFile(join(dir, 'c.svg'), 'utf8')).toBe(chart.svg);
    expect(result.stdout).toContain('c.svg');
    expect(result.stdout).toContain(chart.alt);
    expect(result.stderr).toBe('');
  });

  it('with --previous shows both years and the changes; --alt writes the text alternative to a file', async () => {
    const result = await run(
      ['chart', 'busy.json', '--previous', 'prev.json', '-o', 'yoy.svg', '--alt', 'alt.txt'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    const chart = reportChartSvg(busyReport, { previous: busyPreviousReport });
    expect(await readFile(join(dir, 'yoy.svg'), 'utf8')).toBe(chart.svg);
    const alt = await readFile(join(dir, 'alt.txt'), 'utf8');
    expect(alt).toBe(chart.alt);
    expect(alt).toContain('与上年比较（2023 年 → 2024 年）');
    expect(result.stdout).not.toContain('与上年比较');
  });

  it('with --text fonts writes <text> naming the fonts instead of outlines; refuses another --text', async () => {
    const result = await run(['chart', 'busy.json', '-o', 'named.svg', '--text', 'fonts'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'named.svg'), 'utf8')).toBe(
      reportChartSvg(busyReport, { text: 'fonts' }).svg,
    );
    const bad = await run(['chart', 'busy.json', '-o', 'x.svg', '--text', 'paths'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('outlines 或 fonts');
  });

  it('writes a PNG', async () => {
    const result = await run(['chart', 'busy.json', '-o', 'c.png'], { cwd: dir });
    expect(result.code).toBe(0);
    const png = await readFile(join(dir, 'c.png'));
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('charts a published report that import reads (a corpus text), as import reads it', async () => {
    const corpus = join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      'import',
      'fixtures',
      'corpus',
      '001-pingtan-2021.txt',
    );
    const result = await run(['chart', corpus, '-o', 'pingtan.svg'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('平潭');
    expect(result.stdout).toContain('2021');
    expect(await readFile(join(dir, 'pingtan.svg'), 'utf8')).toContain('<title id="nb-chart-title">');
  });

  it('says 未填报 for a blank cell', async () => {
    const result = await run(['chart', 'blank.json', '-o', 'b.svg'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/科研机构 未填报/);
  });

  it('reports an unparsable file as validate does, located, with exit 2 and nothing written', async () => {
    const result = await run(['chart', 'bad.json', '-o', 'x.svg'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.json');
    expect(result.stderr).toMatch(/[\u4e00-\u9fff]/);
    await expect(readFile(join(dir, 'x.svg'))).rejects.toThrow();
  });

  it('reports a missing file and a file import cannot read, in Chinese and English', async () => {
    const missing = await run(['chart', 'nope.json', '-o', 'x.svg'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('文件不存在');
    expect(missing.stderr).toContain('file not found');
    const text = await run(['chart', 'notes.txt', '-o', 'x.svg'], { cwd: dir });
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('notes.txt');
    expect(text.stderr).toContain('无法读取报告');
  });

  it('refuses bad usage: no file, no -o, an output that is neither .svg nor .png', async () => {
    expect((await run(['chart', '-o', 'x.svg'], { cwd: dir })).code).toBe(2);
    expect((await run(['chart', 'busy.json'], { cwd: dir })).stderr).toContain('-o chart.svg');
    const pdf = await run(['chart', 'busy.json', '-o', 'x.pdf'], { cwd: dir });
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('.svg 或 .png');
  });

  it('has --help naming its options', async () => {
    const help = await run(['chart', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--previous', '--alt', '-o']) expect(help.stdout).toContain(option);
    expect((await run(['--help'])).stdout).toContain('chart');
  });
});
