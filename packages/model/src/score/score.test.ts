import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../checks/index.js';
import {
  blankReport,
  busyPreviousReport,
  busyReport,
  failingFixtures,
  seedReport,
} from '../fixtures/index.js';
import { statutoryCells, writeCell } from '../tables/cells.js';
import type { Block, Report } from '../types.js';
import { INDICATORS } from './indicators.js';
import type { Rulepack } from './resolve.js';
import { parseRulepackJson } from './rulepack.js';
import { scoreMissingReport, scoreReport } from './score.js';
import type { IndicatorId, IndicatorResult, Scorecard } from './types.js';

function indicator(card: Scorecard, id: IndicatorId): IndicatorResult {
  const found = card.indicators.find((result) => result.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

function withMeta(report: Report, meta: Partial<Report['meta']>): Report {
  return { ...report, meta: { ...report.meta, ...meta } };
}

function withPart(report: Report, part: 'overview' | 'problems' | 'other', blocks: Block[]): Report {
  return { ...report, sections: { ...report.sections, [part]: blocks } };
}

function paragraph(text: string): Block[] {
  return [{ type: 'paragraph', text }];
}

const suqianText = readFileSync(new URL('./examples/suqian.json', import.meta.url), 'utf8');

function suqian(): Rulepack {
  const parsed = parseRulepackJson(suqianText);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.rulepack;
}

describe('scoreReport on the fixtures', () => {
  it('scores the busy report with last year’s: everything passes but follow-up and year-on-year', () => {
    const card = scoreReport(busyReport, { previous: busyPreviousReport });
    const failing = card.indicators.filter((result) => result.status !== 'pass').map((result) => result.id);
    expect(failing).toEqual(['previous-followed-up', 'year-on-year']);
    expect(card.maximum).toBe(100);
    expect(card.total).toBe(100 - 10 - 5);
    expect(card.rulepack).toBe('national');
    expect(card.agency).toBe(busyReport.meta.agency);
    expect(card.year).toBe(2024);
  });

  it('leaves the follow-up out of the maximum without last year’s report', () => {
    const card = scoreReport(busyReport);
    expect(indicator(card, 'previous-followed-up').status).toBe('not-applicable');
    expect(indicator(card, 'previous-followed-up').score).toBe(0);
    expect(card.maximum).toBe(90);
  });

  it('says why on-time does not apply to the seed report (no publication date)', () => {
    const card = scoreReport(seedReport);
    const onTime = indicator(card, 'on-time');
    expect(onTime.status).toBe('not-applicable');
    expect(onTime.reason.zh).toContain('meta.publishedAt');
    expect(onTime.reason.zh).toContain('2023-03-31');
    expect(onTime.reason.en).toContain('cannot be judged');
  });

  it('fails the narrative parts of the blank template (zeros are figures, so its tables count)', () => {
    const card = scoreReport(blankReport({ agency: '某某县人民政府', year: 2024 }));
    const sixParts = indicator(card, 'six-parts');
    expect(sixParts.status).toBe('fail');
    expect(sixParts.reason.zh).toContain('缺少 3 个部分');
    expect(indicator(card, 'tables-complete').status).toBe('pass');
    expect(indicator(card, 'fee-reported').status).toBe('fail');
  });

  it('fails tables whose every cell is blank, naming every cell', () => {
    let report = blankReport({ agency: '某某县人民政府', year: 2024 });
    for (const cell of statutoryCells()) report = writeCell(report, cell.address, null);
    const card = scoreReport(report);
    expect(indicator(card, 'tables-complete').status).toBe('fail');
    expect(indicator(card, 'tables-complete').cells).toHaveLength(statutoryCells().length);
    expect(indicator(card, 'review-litigation-reported').status).toBe('fail');
    expect(indicator(card, 'six-parts').reason.zh).toContain('缺少 6 个部分');
  });

  // Each failing fixture breaks one checker rule; the indicator that reads that rule must stop passing.
  const readers = new Map(INDICATORS.flatMap((spec) => spec.rules.map((rule) => [rule, spec.id] as const)));
  for (const fixture of failingFixtures) {
    const id = readers.get(fixture.rule);
    if (!id) continue;
    it(`marks ${id} down for the failing fixture of ${fixture.rule}`, () => {
      const options = fixture.previous ? { previous: fixture.previous } : {};
      const clean = indicator(scoreReport(busyReport, options), id);
      const broken = indicator(scoreReport(fixture.report, options), id);
      expect(clean.status).toBe('pass');
      expect(['fail', 'partial']).toContain(broken.status);
      expect(broken.score).toBeLessThan(clean.score);
    });
  }

  it('hands out cards of its own: changing one changes neither INDICATORS nor the next card', () => {
    const first = indicator(scoreReport(busyReport), 'on-time');
    (first.reads as string[]).push('meta.agency');
    (first.rules as string[]).length = 0;
    first.description.zh = '';
    expect(INDICATORS[0]?.reads).not.toContain('meta.agency');
    expect(indicator(scoreReport(busyReport), 'on-time')).toEqual({
      ...first,
      reads: INDICATORS[0]?.reads,
      rules: INDICATORS[0]?.rules,
      description: INDICATORS[0]?.description,
    });
  });

  it('reads only rules the checker has', () => {
    const known = new Set(RULES.map((rule) => rule.id));
    for (const spec of INDICATORS) for (const rule of spec.rules) expect(known).toContain(rule);
  });
});

describe('on-time', () => {
  it('holds a government to 31 March and a department to 31 January', () => {
    const april = withMeta(busyReport, { publishedAt: '2025-03-15' });
    expect(indicator(scoreReport(april), 'on-time').status).toBe('fail');
    const government = withMeta(april, { kind: 'government' });
    expect(indicator(scoreReport(government), 'on-time').status).toBe('pass');
  });

  it('counts the days late', () => {
    const late = indicator(scoreReport(withMeta(busyReport, { publishedAt: '2025-02-10' })), 'on-time');
    expect(late.reason.en).toContain('10 day(s) after the deadline 2025-01-31');
  });

  it('assumes the department deadline when meta.kind is not given, and says so', () => {
    const { kind: _kind, ...meta } = busyReport.meta;
    const result = indicator(
      scoreReport({ ...busyReport, meta: { ...meta, publishedAt: '2025-02-01' } }),
      'on-time',
    );
    expect(result.status).toBe('fail');
    expect(result.reason.en).toContain('meta.kind not given');
  });

  it('uses `today` to say an unknown date is overdue, and refuses a date after today', () => {
    const unknown = indicator(scoreReport(seedReport, { today: '2023-05-01' }), 'on-time');
    expect(unknown.status).toBe('not-applicable');
    expect(unknown.reason.en).toContain('has passed as of 2023-05-01');
    const future = indicator(scoreReport(busyReport, { today: '2025-01-10' }), 'on-time');
    expect(future.status).toBe('not-applicable');
    expect(future.reason.en).toContain('not published yet');
  });

  it('takes deadlines from the rulepack', () => {
    const pack: Rulepack = { rulepack: 1, name: 'late', deadlines: { department: '02-15' } };
    const report = withMeta(busyReport, { publishedAt: '2025-02-10' });
    expect(indicator(scoreReport(report, { rulepack: pack }), 'on-time').status).toBe('pass');
  });
});

describe('problems-concrete', () => {
  it('fails a bare 无', () => {
    const card = scoreReport(withPart(busyReport, 'problems', paragraph('无。')));
    expect(indicator(card, 'problems-concrete').status).toBe('fail');
  });

  it('gives part credit to vague words without measures', () => {
    const vague = '政务公开工作还存在一些不足，下一步将进一步加强政务公开工作，不断提升公开质量和水平。';
    const result = indicator(
      scoreReport(withPart(busyReport, 'problems', paragraph(vague))),
      'problems-concrete',
    );
    expect(result.status).toBe('partial');
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(result.weight);
    expect(result.reason.zh).toContain('具体措施用语 0 个');
  });

  it('fails part 五 copied from last year, at the rulepack’s ratio', () => {
    const previous = withPart(
      busyPreviousReport,
      'problems',
      structuredClone(busyReport.sections?.problems ?? []),
    );
    const copied = indicator(scoreReport(busyReport, { previous }), 'problems-concrete');
    expect(copied.status).toBe('fail');
    expect(copied.reason.en).toContain('repeats 100%');
    const lenient: Rulepack = { rulepack: 1, name: 'lenient', thresholds: { copyRatio: 1 } };
    // At ratio 1 only a complete copy fails; a one-sentence change passes.
    const edited = withPart(busyReport, 'problems', [
      ...(busyReport.sections?.problems ?? []),
      ...paragraph('另外，本局将于年内修订依申请公开办理规程并组织专题培训。'),
    ]);
    expect(indicator(scoreReport(edited, { previous, rulepack: lenient }), 'problems-concrete').status).toBe(
      'pass',
    );
  });
});

describe('previous-followed-up', () => {
  it('passes when part 五 names last year and what was done', () => {
    const text =
      '针对2023年报告指出的基层事项目录覆盖不全的问题，已完成整改，目录已延伸至全部乡镇。本年仍存在答复文书不够规范的问题，下一步将制定文书范本并开展案卷评查。';
    const card = scoreReport(withPart(busyReport, 'problems', paragraph(text)), {
      previous: busyPreviousReport,
    });
    const result = indicator(card, 'previous-followed-up');
    expect(result.status).toBe('pass');
    expect(result.reason.zh).toContain('2023年');
  });

  it('does not apply when last year listed no problems', () => {
    const previous = withPart(busyPreviousReport, 'problems', paragraph('无'));
    const result = indicator(scoreReport(busyReport, { previous }), 'previous-followed-up');
    expect(result.status).toBe('not-applicable');
  });
});

describe('year-on-year, 表四 and 信息处理费', () => {
  it('passes a comparison with a figure, and gives half for one without', () => {
    const overview = busyReport.sections?.overview ?? [];
    const figure = withPart(busyReport, 'overview', [...overview, ...paragraph('新收申请同比增长35.8%。')]);
    expect(indicator(scoreReport(figure), 'year-on-year').status).toBe('pass');
    const words = withPart(busyReport, 'overview', [
      ...overview,
      ...paragraph('与上年相比，申请量有所变化。'),
    ]);
    const partial = indicator(scoreReport(words), 'year-on-year');
    expect(partial.status).toBe('partial');
    expect(partial.score).toBe(partial.weight / 2);
  });

  it('gives part credit for a half-filled 表四 and names the blank cells', () => {
    let report = busyReport;
    for (const cell of ['t4.review.upheld', 't4.review.total']) report = writeCell(report, cell, null);
    const result = indicator(scoreReport(report), 'review-litigation-reported');
    expect(result.status).toBe('partial');
    expect(result.cells).toEqual(['t4.review.upheld', 't4.review.total']);
  });

  it('treats a tables-only report: narrative items fail or do not apply, tables still count', () => {
    const { sections: _sections, ...tablesOnly } = busyReport;
    const card = scoreReport(tablesOnly);
    expect(indicator(card, 'narrative-consistent').status).toBe('not-applicable');
    expect(indicator(card, 'fee-reported').status).toBe('fail');
    expect(indicator(card, 'problems-concrete').status).toBe('fail');
    expect(indicator(card, 'arithmetic').status).toBe('pass');
    expect(indicator(card, 'six-parts').status).toBe('fail');
  });
});

describe('arithmetic', () => {
  it('gives part credit when blanks leave sums undecided, and names the cells', () => {
    const report = writeCell(busyReport, 't3.received.research', null);
    const result = indicator(scoreReport(report), 'arithmetic');
    expect(result.status).toBe('partial');
    expect(result.cells).toContain('t3.received.research');
    expect(result.reason.en).toContain('cannot be checked');
  });

  it('fails when no sum can be checked at all (every cell blank)', () => {
    let report = busyReport;
    for (const cell of statutoryCells()) report = writeCell(report, cell.address, null);
    const result = indicator(scoreReport(report), 'arithmetic');
    expect(result.status).toBe('fail');
    expect(result.reason.en).toMatch(/: 0 of \d+ hold/);
  });
});

describe('rulepacks', () => {
  it('drops a disabled indicator, reweighs another, and leaves manual items out of the maximum', () => {
    const pack: Rulepack = {
      rulepack: 1,
      name: 'custom',
      indicators: {
        'year-on-year': { enabled: false },
        arithmetic: { weight: 40 },
        'fee-reported': { mode: 'manual' },
      },
      manual: [{ id: 'infographic', weight: 3, description: { zh: '图解', en: 'infographic' } }],
    };
    const card = scoreReport(busyReport, { rulepack: pack });
    expect(card.indicators.map((result) => result.id)).not.toContain('year-on-year');
    expect(indicator(card, 'arithmetic').score).toBe(40);
    expect(indicator(card, 'fee-reported').status).toBe('not-applicable');
    expect(card.manual.map((item) => item.id)).toEqual(['infographic', 'fee-reported']);
    // 90 without follow-up (no previous), − 5 year-on-year, + 25 arithmetic, − 5 fee (manual).
    expect(card.maximum).toBe(105);
  });

  it('applies the 宿迁-style deductions of the example pack', () => {
    const pack = suqian();
    const late = withMeta(busyReport, { publishedAt: '2025-04-02' });
    const previous = withPart(
      busyPreviousReport,
      'overview',
      structuredClone(busyReport.sections?.overview ?? []),
    );
    const card = scoreReport(late, { rulepack: pack, previous });
    const applied = card.deductions.filter((d) => d.status === 'applied').map((d) => d.id);
    expect(applied).toEqual(['after-march', 'copied']);
    expect(card.deducted).toBe(1.5);
    expect(card.total).toBe(Math.max(0, card.earned - 1.5));
    const onTime = scoreReport(busyReport, { rulepack: pack });
    expect(onTime.deductions.map((d) => d.status)).toEqual(['not-applied', 'not-applied', 'not-applicable']);
  });

  it('scores a unit that did not report: −2 under the example pack, nothing earned', () => {
    const card = scoreMissingReport({ agency: '某县教育局', year: 2024 }, { rulepack: suqian() });
    expect(card.earned).toBe(0);
    expect(card.deducted).toBe(2);
    expect(card.total).toBe(0);
    expect(card.indicators.every((result) => result.status !== 'pass')).toBe(true);
    expect(card.deductions.find((d) => d.id === 'no-report')?.status).toBe('applied');
  });

  it('deducts when a named indicator fails', () => {
    const pack: Rulepack = {
      rulepack: 1,
      name: 'strict',
      deductions: [{ id: 'sums', when: 'indicator-failed', indicator: 'arithmetic', points: 5 }],
    };
    const broken = failingFixtures.find((fixture) => fixture.rule === 't3-balance')?.report as Report;
    const card = scoreReport(broken, { rulepack: pack });
    expect(card.deductions[0]?.status).toBe('applied');
    expect(card.deductions[0]?.description.en).toContain('arithmetic');
    expect(scoreReport(busyReport, { rulepack: pack }).deductions[0]?.status).toBe('not-applied');
  });
});
