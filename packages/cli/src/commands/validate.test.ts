import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cellLabel,
  checkReport,
  type Finding,
  isReportOk,
  type ParseIssue,
  parseReport,
  type Report,
  RULES,
  type Scorecard,
  scoreReport,
  statutoryCells,
  writeCell,
} from '@nianbao/model';
import {
  blankReport,
  busyPreviousReport,
  busyReport,
  failingFixtures,
  seedReport,
} from '@nianbao/model/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, STACK_LINE } from '../../test/fake-io.js';
import { MAX_ISSUES_SHOWN } from '../format/issues.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-validate-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `content` (a report object, JSON text or raw bytes) to a fresh file in the temp dir; returns its name. */
let counter = 0;
async function file(content: unknown, name?: string): Promise<string> {
  counter += 1;
  const fileName = name ?? `input-${counter}.json`;
  const data =
    typeof content === 'string' || content instanceof Uint8Array
      ? content
      : `${JSON.stringify(content, null, 2)}\n`;
  await writeFile(join(dir, fileName), data);
  return fileName;
}

/** The report as plain JSON data, so a test can break it in ways the types forbid. */
function mutable(report: Report): Record<string, unknown> {
  return JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
}

function setPath(data: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  let node = data;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
  return data;
}

describe('validate: the bundled example', () => {
  it('checks the seed report when no file is given, says so, and passes', async () => {
    const result = await run(['validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('内置示例 / bundled example: 平罗县头闸镇人民政府 2022');
    expect(result.stdout).toMatch(/✓ 通过 OK/);
    expect(result.stderr).toBe('');
  });

  it('prints the contract shape with --json, agreeing with the checker', async () => {
    const result = await run(['validate', '--json']);
    const parsed = JSON.parse(result.stdout) as { ok: boolean; findings: Finding[] };
    expect(Object.keys(parsed).sort()).toEqual(['findings', 'ok']);
    const findings = checkReport(seedReport, {});
    expect(parsed.findings).toEqual(findings);
    expect(parsed.ok).toBe(isReportOk(findings));
    expect(result.code).toBe(parsed.ok ? 0 : 1);
  });
});

describe('validate: reports that parse', () => {
  it('passes the busy report (exit 0) and prints a summary with every count', async () => {
    const name = await file(busyReport);
    const result = await run(['validate', name], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `文件 / file: ${name} — ${busyReport.meta.agency} ${busyReport.meta.year}`,
    );
    expect(result.stdout).toMatch(
      /0 个错误，\d+ 个警告，\d+ 个提示 \/ 0 errors, \d+ warnings?, \d+ info — ✓ 通过 OK/,
    );
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const name = await file(`\uFEFF${JSON.stringify(busyReport)}`);
    expect((await run(['validate', name], { cwd: dir })).code).toBe(0);
  });

  it('resolves relative paths against io.cwd and accepts absolute ones', async () => {
    const name = await file(busyReport);
    expect((await run(['validate', join(dir, name)], { cwd: '/' })).code).toBe(0);
  });

  describe.each(failingFixtures.map((fixture) => [fixture.rule, fixture] as const))(
    'failing fixture %s',
    (rule, fixture) => {
      const spec = RULES.find((r) => r.id === rule);
      const blocks = spec?.severity === 'error';
      // Some rules (cell-type) guard values the JSON schema already refuses: such a fixture can exist in
      // memory but not as a file, and validate reports the same cell as a parse issue instead.
      const parses = parseReport(fixture.report).ok;
      const expected = checkReport(fixture.report, fixture.previous ? { previous: fixture.previous } : {});
      const argv = async (...extra: string[]): Promise<string[]> => {
        const args = ['validate', await file(fixture.report), ...extra];
        if (fixture.previous) args.push('--previous', await file(fixture.previous));
        return args;
      };

      if (!parses) {
        it('cannot be written as JSON: exit 2 naming the cell the rule names', async () => {
          const result = await run(await argv('--json'), { cwd: dir });
          expect(result.code).toBe(2);
          const paths = (JSON.parse(result.stdout) as { errors: ParseIssue[] }).errors.map(
            (issue) => issue.path,
          );
          const cells = expected.filter((f) => f.rule === rule).flatMap((f) => f.cells);
          expect(paths.some((path) => cells.includes(path))).toBe(true);
        });
        return;
      }

      it(`exits ${blocks ? 1 : 0} and names the rule with its severity`, async () => {
        const result = await run(await argv(), { cwd: dir });
        expect(result.code).toBe(blocks ? 1 : 0);
        const line = result.stdout.split('\n').find((l) => l.includes(`  ${rule}  `));
        expect(line, result.stdout).toBeDefined();
        const word = { error: '✗ 错误 error', warning: '⚠ 警告 warning', info: 'ℹ 提示 info' }[
          spec?.severity ?? 'info'
        ];
        expect(line).toContain(word);
        expect(result.stdout).toContain(blocks ? '✗ 未通过 NOT OK' : '✓ 通过 OK');
      });

      it('--json agrees with checkReport and isReportOk', async () => {
        const result = await run(await argv('--json'), { cwd: dir });
        const parsed = JSON.parse(result.stdout) as { ok: boolean; findings: Finding[] };
        expect(parsed.findings).toEqual(expected);
        expect(parsed.ok).toBe(isReportOk(expected));
        expect(parsed.findings.some((f) => f.rule === rule && f.status === 'fail')).toBe(true);
        expect(result.code).toBe(parsed.ok ? 0 : 1);
      });
    },
  );

  it('shows each cell with its statutory labels and expected vs actual', async () => {
    const broken = writeCell(
      busyReport,
      't3.received.naturalPerson',
      (busyReport.t3.received.naturalPerson ?? 0) + 1,
    );
    const result = await run(['validate', await file(broken)], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`t3.received.naturalPerson「${cellLabel('t3.received.naturalPerson')}」`);
    expect(result.stdout).toMatch(/应为 \d+，实为 \d+ \/ expected \d+, actual \d+/);
    expect(result.stdout).toMatch(/^表三 三、收到和处理政府信息公开申请情况 · Table 3$/m);
  });

  it('marks findings on blank cells as uncertain, which never blocks', async () => {
    const blank = writeCell(busyReport, 't3.received.naturalPerson', null);
    const findings = checkReport(blank, {});
    expect(findings.some((f) => f.status === 'uncertain')).toBe(true);
    const result = await run(['validate', await file(blank)], { cwd: dir });
    expect(result.stdout).toMatch(/^ {2}\? (错误|警告|提示)（待定） (error|warning|info) \(uncertain\) /m);
    expect(result.stdout).toMatch(/\d+ 项待定/);
    expect(result.code).toBe(isReportOk(findings) ? 0 : 1);
  });

  it('counts many undecided checks in one line per table, and --verbose lists each', async () => {
    // A blank 法人 column: every balance of the column and every row total across it is undecided.
    let blank = busyReport;
    for (const row of ['received', 'carriedOver', 'carriedForward'] as const) {
      blank = writeCell(blank, `t3.${row}.commercial`, null);
    }
    const uncertain = checkReport(blank, {}).filter((f) => f.status === 'uncertain');
    expect(uncertain.length).toBeGreaterThan(3);
    const name = await file(blank);
    const short = await run(['validate', name], { cwd: dir });
    expect(short.stdout).not.toMatch(/\(uncertain\)/);
    const line = short.stdout.split('\n').find((l) => l.includes('项核对待定')) ?? '';
    expect(line).toContain(`${uncertain.length} 项核对待定（`);
    expect(line).toContain(`${uncertain.length} checks undecided (`);
    for (const rule of new Set(uncertain.map((f) => f.rule))) expect(line).toContain(rule);
    expect(short.stdout).toContain(`${uncertain.length} 项待定 / `);
    const verbose = await run(['validate', name, '--verbose'], { cwd: dir });
    expect(verbose.stdout).not.toContain('项核对待定');
    expect(verbose.stdout.match(/\(uncertain\)/g)).toHaveLength(uncertain.length);
    expect(verbose.code).toBe(short.code);
  });

  it('--lang picks one language', async () => {
    const broken = writeCell(busyReport, 't3.received.total', 0);
    const name = await file(broken);
    const zh = await run(['validate', name, '--lang', 'zh'], { cwd: dir });
    const en = await run(['validate', name, '--lang=en'], { cwd: dir });
    expect(zh.stdout).toContain('✗ 错误  t3-');
    expect(zh.stdout).not.toMatch(/\b(error|errors|expected|NOT OK)\b/);
    expect(en.stdout).toContain('✗ error  t3-');
    expect(en.stdout).not.toMatch(/错误|应为|未通过/);
    // Statute labels are never translated.
    expect(en.stdout).toContain('「');
    expect((await run(['validate', name, '--lang', 'fr'], { cwd: dir })).code).toBe(2);
  });

  it('uses colour only on a terminal without NO_COLOR, and never colour alone', async () => {
    const name = await file(writeCell(busyReport, 't3.received.total', 0));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for the escape character.
    const ansi = /\u001b\[/;
    expect((await run(['validate', name], { cwd: dir, tty: true })).stdout).toMatch(ansi);
    expect((await run(['validate', name], { cwd: dir, tty: false })).stdout).not.toMatch(ansi);
    const noColor = await run(['validate', name], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(ansi);
    expect(noColor.stdout).toContain('✗ 错误 error');
  });

  it('passes --previous to the checker', async () => {
    const fixture = failingFixtures.find(
      (f) => f.previous && RULES.find((r) => r.id === f.rule)?.needsPrevious,
    );
    expect(fixture, 'a failing fixture for a cross-year rule').toBeDefined();
    if (!fixture?.previous) return;
    const name = await file(fixture.report);
    const previous = await file(fixture.previous);
    const without = await run(['validate', name, '--json'], { cwd: dir });
    const withPrevious = await run(['validate', name, '--previous', previous, '--json'], { cwd: dir });
    const rulesOf = (out: string): string[] =>
      (JSON.parse(out) as { findings: Finding[] }).findings.map((f) => f.rule);
    expect(rulesOf(without.stdout)).not.toContain(fixture.rule);
    expect(rulesOf(withPrevious.stdout)).toContain(fixture.rule);
    const human = await run(['validate', name, '--previous', previous], { cwd: dir });
    expect(human.stdout).toContain(`上年报告 / previous year: ${previous}`);
    expect(human.stdout).not.toContain('未提供 --previous');
  });

  it('notes when cross-year rules were skipped for lack of --previous', async () => {
    const result = await run(['validate', await file(busyReport)], { cwd: dir });
    if (RULES.some((r) => r.needsPrevious)) expect(result.stdout).toContain('未提供 --previous');
  });

  it('refuses an unparsable --previous with exit 2, naming that file', async () => {
    const name = await file(busyReport);
    const result = await run(['validate', name, '--previous', 'no-such-last-year.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('no-such-last-year.json');
    expect(result.stdout).toContain('file not found');
  });
});

describe('validate: several files', () => {
  it('processes every file, prints one summary line each and a total, and exits with the worst', async () => {
    const good = await file(busyReport, 'good.json');
    const bad = await file(writeCell(busyReport, 't3.received.total', 0), 'bad.json');
    const broken = await file('{ "formatVersion": ', 'broken.json');
    const result = await run(['validate', good, bad, broken, 'missing.json'], { cwd: dir });
    expect(result.code).toBe(2);
    const out = result.stdout;
    expect(out).toMatch(/^ {2}good\.json: ✓ 通过 OK — /m);
    expect(out).toMatch(/^ {2}bad\.json: ✗ 未通过 NOT OK — [1-9]\d* 个错误/m);
    expect(out).toMatch(/^ {2}broken\.json: ✗ 无法解析 cannot parse \(JSON 语法错误/m);
    expect(out).toMatch(/^ {2}missing\.json: ✗ 无法解析 cannot parse \(文件不存在 \/ file not found\)/m);
    expect(out).toContain(
      '共 4 个文件：1 个通过，1 个未通过，2 个无法解析 / 4 files: 1 OK, 1 NOT OK, 2 cannot parse',
    );
    // The summary comes after every file's details.
    expect(out.indexOf('文件 / file: missing.json')).toBeLessThan(out.indexOf('good.json: ✓'));
  });

  it('exits 1 when the worst is a failing report, 0 when all pass', async () => {
    const good = await file(busyReport);
    const bad = await file(writeCell(busyReport, 't3.received.total', 0));
    expect((await run(['validate', good, bad], { cwd: dir })).code).toBe(1);
    expect((await run(['validate', good, good], { cwd: dir })).code).toBe(0);
  });

  it('prints NDJSON with a "file" key per line under --json', async () => {
    const good = await file(busyReport);
    const bad = await file(writeCell(busyReport, 't3.received.total', 0));
    const result = await run(['validate', good, bad, 'missing.json', '--json'], { cwd: dir });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const objects = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects.map((o) => o.file)).toEqual([good, bad, 'missing.json']);
    expect(objects.map((o) => o.ok)).toEqual([true, false, false]);
    expect(objects[1]?.findings).toEqual(checkReport(writeCell(busyReport, 't3.received.total', 0), {}));
    expect((objects[2]?.errors as ParseIssue[] | undefined)?.[0]?.code).toBe('not-found');
    expect(result.code).toBe(2);
  });
});

describe('validate: input that cannot be read or parsed', () => {
  /** Runs validate on one file in both modes and checks what every unreadable input must satisfy. */
  async function refuse(name: string): Promise<{ human: string; issues: ParseIssue[] }> {
    const human = await run(['validate', name], { cwd: dir });
    expect(human.code).toBe(2);
    expect(human.all).not.toMatch(STACK_LINE);
    expect(human.stdout).toContain(name);
    expect(human.stdout).toContain('✗ 无法解析 cannot parse');
    const json = await run(['validate', name, '--json'], { cwd: dir });
    expect(json.code).toBe(2);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; file: string; errors: ParseIssue[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.file).toBe(name);
    expect(parsed.errors.length).toBeGreaterThan(0);
    for (const issue of parsed.errors.slice(0, MAX_ISSUES_SHOWN)) {
      expect(typeof issue.path).toBe('string');
      expect(issue.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.message.en).toMatch(/[a-z]/);
      // Every message reaches the human output too, in both languages.
      expect(human.stdout).toContain(`${issue.message.zh} / ${issue.message.en}`);
    }
    return { human: human.stdout, issues: parsed.errors };
  }

  const codes = (issues: readonly ParseIssue[]): string[] => issues.map((i) => i.code);

  it('a missing file', async () => {
    const { issues } = await refuse('does-not-exist.json');
    expect(codes(issues)).toEqual(['not-found']);
  });

  it('a directory', async () => {
    await mkdir(join(dir, 'a-directory'));
    expect(codes((await refuse('a-directory')).issues)).toEqual(['is-directory']);
  });

  it('an empty file and a blank one', async () => {
    expect(codes((await refuse(await file(''))).issues)).toEqual(['empty']);
    expect(codes((await refuse(await file(' \n\t\n'))).issues)).toEqual(['empty']);
  });

  it('text that is not JSON, located by line and column', async () => {
    const { issues } = await refuse(await file('{\n  "formatVersion": "2021",\n  oops\n}\n'));
    expect(codes(issues)).toEqual(['json-syntax']);
    expect(issues[0]?.message.en).toMatch(/line 3, column 3/);
  });

  it('a JSON array', async () => {
    const { issues } = await refuse(await file([busyReport]));
    expect(issues[0]?.path).toBe('');
  });

  it('formatVersion "2019"', async () => {
    const { issues } = await refuse(await file({ ...mutable(busyReport), formatVersion: '2019' }));
    expect(issues.map((i) => i.path)).toContain('formatVersion');
    expect(codes(issues)).toContain('format-version');
  });

  it('"12件" in a cell, naming the cell and its labels', async () => {
    const { human, issues } = await refuse(
      await file(setPath(mutable(busyReport), 't3.received.naturalPerson', '12件')),
    );
    expect(issues.map((i) => i.path)).toEqual(['t3.received.naturalPerson']);
    expect(human).toContain(`t3.received.naturalPerson「${cellLabel('t3.received.naturalPerson')}」`);
    expect(human).toContain('12件');
  });

  it('full-width digits, negative and fractional counts', async () => {
    for (const value of ['１２', -1, 1.5]) {
      const data = setPath(mutable(busyReport), 't3.results.withheld.stateSecret.commercial', value);
      const { issues } = await refuse(await file(data));
      expect(issues.map((i) => i.path)).toEqual(['t3.results.withheld.stateSecret.commercial']);
    }
  });

  it('a missing table and an unknown key', async () => {
    const { t3: _t3, ...withoutT3 } = mutable(busyReport);
    expect((await refuse(await file(withoutT3))).issues.map((i) => i.path)).toContain('t3');
    const extra = setPath(mutable(busyReport), 't4.review.dismissed', 3);
    const { issues } = await refuse(await file(extra));
    expect(codes(issues)).toContain('unknown-key');
    expect(issues.map((i) => i.path).join()).toContain('t4.review');
  });

  it('binary garbage, UTF-16 and GBK text', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(codes((await refuse(await file(garbage))).issues)).toEqual(['binary']);
    const utf16 = Buffer.from(`\uFEFF${JSON.stringify(busyReport)}`, 'utf16le');
    expect(codes((await refuse(await file(utf16))).issues)).toEqual(['not-utf8']);
    // "罗县" in GBK: valid JSON structure, bytes that are not UTF-8.
    const gbk = Buffer.concat([
      Buffer.from('{"meta": {"agency": "'),
      Buffer.from([0xc2, 0xde, 0xcf, 0xd8]),
      Buffer.from('"}}'),
    ]);
    const { issues } = await refuse(await file(gbk));
    expect(codes(issues)).toEqual(['not-utf8']);
    expect(issues[0]?.message.en).toMatch(/line 1, byte offset 21/);
  });

  it('a 50 MB file, refused from its size without being read', async () => {
    const name = 'huge.json';
    await writeFile(join(dir, name), '');
    await truncate(join(dir, name), 50 * 1024 * 1024);
    const started = performance.now();
    const { issues } = await refuse(name);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(codes(issues)).toEqual(['too-large']);
    expect(issues[0]?.message.en).toContain('50.0 MB');
  });

  it('many schema errors are abbreviated in human output; --json lists the first 100 and a count', async () => {
    const data = mutable(blankReport());
    for (const cell of statutoryCells()) setPath(data, cell.address, 'x');
    const name = await file(data);
    const { human, issues } = await refuse(name);
    // 200 bad cells: the parser words 100 and counts the other 100.
    expect(issues).toHaveLength(101);
    expect(issues.at(-1)).toMatchObject({ path: '', code: 'too-many-issues' });
    expect(human).toContain(`另有 ${100 - MAX_ISSUES_SHOWN} 处问题（用 --json 查看）`);
    expect(human).toContain('[too-many-issues] — 另有 100 处问题未列出（只列出前 100 处）');
  });
});

/** The model's example rulepack (宿迁-style), read from the model package in this repository. */
const EXAMPLE_RULEPACK = join(
  dirname(fileURLToPath(import.meta.resolve('@nianbao/model/package.json'))),
  'src/score/examples/suqian.json',
);

describe('validate --score', () => {
  it('prints the scorecard after the findings, every indicator with a status word and a reason', async () => {
    const report = await file(busyReport);
    const previous = await file(busyPreviousReport);
    const result = await run(['validate', report, '--previous', previous, '--score'], { cwd: dir });
    expect(result.code).toBe(0);
    const card = scoreReport(busyReport, { previous: busyPreviousReport });
    const lines = result.stdout.split('\n');
    const heading = lines.indexOf('评分（规则包：national） / scorecard (rulepack: national)');
    expect(heading).toBeGreaterThan(lines.findIndex((line) => line.includes('✓ 通过 OK')));
    for (const indicator of card.indicators) {
      const line = lines.find((l) => l.includes(` ${indicator.id} `));
      expect(line, indicator.id).toBeDefined();
      const word = {
        pass: '✓ 通过 pass',
        partial: '◐ 部分 partial',
        fail: '✗ 未通过 fail',
        'not-applicable': '– 不适用 n/a',
      }[indicator.status];
      expect(line).toContain(word);
      expect(result.stdout).toContain(indicator.reason.en);
    }
    expect(result.stdout).toContain(`得分 ${card.total}，满分 ${card.maximum}`);
    expect(result.stderr).toBe('');
  });

  it('adds "score" to the --json object, equal to scoreReport', async () => {
    const result = await run(['validate', await file(busyReport), '--score', '--json'], { cwd: dir });
    const parsed = JSON.parse(result.stdout) as { ok: boolean; findings: Finding[]; score: Scorecard };
    expect(Object.keys(parsed).sort()).toEqual(['findings', 'ok', 'score']);
    expect(parsed.score).toEqual(scoreReport(busyReport));
  });

  it('keeps the contract shape without --score', async () => {
    const result = await run(['validate', await file(busyReport), '--json'], { cwd: dir });
    expect(Object.keys(JSON.parse(result.stdout) as object).sort()).toEqual(['findings', 'ok']);
  });

  it('scores several files as NDJSON lines, each with its score', async () => {
    const names = [await file(busyReport), await file(seedReport)];
    const result = await run(['validate', ...names, '--score', '--json'], { cwd: dir });
    const objects = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; score: Scorecard });
    expect(objects.map((o) => o.file)).toEqual(names);
    expect(objects[1]?.score).toEqual(scoreReport(seedReport));
  });

  it('scores by a rulepack (implies --score) and prints its deductions', async () => {
    const late = { ...busyReport, meta: { ...busyReport.meta, publishedAt: '2025-04-02' } };
    const result = await run(['validate', await file(late), '--rulepack', EXAMPLE_RULEPACK, '--lang', 'en'], {
      cwd: dir,
    });
    expect(result.stdout).toContain('scorecard (rulepack: 宿迁式扣分（示例）)');
    expect(result.stdout).toMatch(/−1 after-march deducted: .* published 2025-04-02, after 2025-03-31/);
    expect(result.stdout).toContain('scored by hand 2 infographic');
    const { parseRulepackJson } = await import('@nianbao/model');
    const pack = parseRulepackJson(await readFile(EXAMPLE_RULEPACK, 'utf8'));
    if (!pack.ok) throw new Error('the example rulepack does not parse');
    const card = scoreReport(late, { rulepack: pack.rulepack });
    expect(result.stdout).toContain(`score ${card.earned} − 1 = ${card.total} of ${card.maximum}`);
    // A late report is a warning, not an error: the exit code is the checker's, not the score's.
    expect(result.code).toBe(0);
  });

  it('refuses a bad rulepack with exit 2, its JSON path and both languages, no stack trace', async () => {
    const bad = await file({ rulepack: 1, name: 'x', deadlines: { government: '3-31' } }, 'bad-pack.json');
    const human = await run(['validate', await file(busyReport), '--rulepack', bad], { cwd: dir });
    expect(human.code).toBe(2);
    expect(human.stdout).toContain('规则包（--rulepack） / rulepack (--rulepack): bad-pack.json');
    expect(human.stdout).toContain('bad-pack.json: deadlines.government [bad-value]');
    expect(human.stdout).toContain('MM-DD');
    expect(human.all).not.toMatch(STACK_LINE);
    const json = await run(['validate', await file(busyReport), '--rulepack', bad, '--json'], { cwd: dir });
    expect(json.code).toBe(2);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; file: string; errors: ParseIssue[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.errors.map((error) => error.path)).toEqual(['deadlines.government']);
  });

  it('refuses a rulepack that is not JSON, or not there, with exit 2', async () => {
    const broken = await file('{ "rulepack": 1, }', 'broken-pack.json');
    const syntax = await run(['validate', await file(busyReport), '--rulepack', broken], { cwd: dir });
    expect(syntax.code).toBe(2);
    expect(syntax.stdout).toContain('[json-syntax]');
    const missing = await run(['validate', await file(busyReport), '--rulepack', 'no-such-pack.json'], {
      cwd: dir,
    });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('[not-found]');
  });
});
