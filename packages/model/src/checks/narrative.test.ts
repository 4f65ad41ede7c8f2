import { describe, expect, it } from 'vitest';
import { blankReport, busyReport, seedReport } from '../fixtures/index.js';
import { writeCell } from '../tables/cells.js';
import { growth, MAX_GROWTH } from '../test-support/scaling.js';
import type { Block, CellAddress, CellValue, Report, ReportMeta } from '../types.js';
import { checkReport, evaluateReport } from './check.js';
import { parseNumber, periodYears, repeatShare, SCANNER_WORDS, scanNarrative } from './narrative.js';
import { narrativeTargets } from './narrative-reading.js';
import type { Evaluation, RuleId } from './rules.js';

const paragraphs = (...texts: string[]): Block[] => texts.map((text) => ({ type: 'paragraph', text }));

/**
 * A report with all-zero tables (some cells set) and a minimal narrative that passes every narrative rule,
 * with part 一 replaced by `overview`.
 */
function report(
  overview: string[],
  cells: readonly [CellAddress, CellValue][] = [],
  meta: Partial<ReportMeta> = {},
): Report {
  let next: Report = {
    ...blankReport({ agency: '测试机关', year: 2024, ...meta }),
    preamble: ['本报告统计期限为2024年1月1日至2024年12月31日。'],
    sections: {
      overview: paragraphs(...overview),
      problems: paragraphs('信息更新不够及时。'),
      other: paragraphs('本年度未收取信息处理费。'),
    },
  };
  for (const [address, value] of cells) next = writeCell(next, address, value);
  return next;
}

/** Sets a cell and its row's 总计 (so row totals hold) — and nothing else. */
function rowCell(address: CellAddress, value: number): [CellAddress, CellValue][] {
  const row = address.slice(0, address.lastIndexOf('.'));
  return [
    [address, value],
    [`${row}.total`, value],
  ];
}

/** 一 = n (自然人), with （七） and 四 making the balance hold: n - 1 disclosed, 1 carried forward. */
function received(n: number, carriedOver = 0): [CellAddress, CellValue][] {
  return [
    ...rowCell('t3.received.naturalPerson', n),
    ...rowCell('t3.carriedOver.naturalPerson', carriedOver),
    ...rowCell('t3.results.disclosed.naturalPerson', n + carriedOver - 1),
    ...rowCell('t3.results.total.naturalPerson', n + carriedOver - 1),
    ...rowCell('t3.carriedForward.naturalPerson', 1),
  ];
}

const evaluations = (r: Report, rule: RuleId): Evaluation[] =>
  evaluateReport(r).filter((evaluation) => evaluation.rule === rule);
const statuses = (r: Report, rule: RuleId): string[] => evaluations(r, rule).map((e) => e.status);

describe('the seed report', () => {
  it('produces no finding at all', () => {
    expect(checkReport(seedReport)).toEqual([]);
  });

  it('checks its claim 「2022年未收到申请公开政府信息办理事项。」 against 一 = 0, its period and its title', () => {
    expect(statuses(seedReport, 'narrative-none-claim')).toEqual(['pass']);
    expect(statuses(seedReport, 'narrative-year')).toEqual(['pass', 'pass']);
    expect(statuses(seedReport, 'narrative-fee')).toEqual(['pass']);
    expect(statuses(seedReport, 'narrative-problems-empty')).toEqual(['pass']);
    expect(evaluations(seedReport, 'deadline')).toEqual([]);
  });

  it('reads no application count from 「收到留言94条」 or 「依申请公开文件 51 件」, nor a period from 「公开 2021 年三公经费」', () => {
    const seedText =
      '全年通过石嘴山市议政网、“12345”便民服务等平台收到留言94条，均在规定时间内给予回复并解决。';
    const files = '共印发政府文件 85 件，其中公布公开文件 34 件、依申请公开文件 51 件、不公开文件 0 件。';
    const found = scanNarrative(
      `${seedText}\n${files}\n二是财政信息公开。全年公开 2021 年三公经费使用情况。`,
      [],
    );
    expect(found).toEqual({ received: [], carriedOver: [], carriedForward: [], keyed: [], claims: [] });
    // The same phrases with tables saying 5 applications: nothing to compare, so no narrative finding.
    const withApplications = report([seedText, files, '全年公开 2021 年三公经费使用情况。'], received(5));
    expect(checkReport(withApplications)).toEqual([]);
    expect(periodYears(['全年公开 2021 年三公经费使用情况、2021 年部门决算。']).years).toEqual([]);
    const preamble = { ...report([]), preamble: ['全年公开 2021 年三公经费使用情况。'] };
    expect(evaluations(preamble, 'narrative-year')).toEqual([]);
  });
});

describe('phrases from published reports (statutory-format-2021.md §3, §4)', () => {
  const KEYWORDS = [
    '予以公开',
    '部分公开',
    '不予公开',
    '无法提供',
    '不予处理',
    '其他处理',
    '行政复议',
    '行政诉讼',
  ];
  const scan = (text: string) => scanNarrative(text, KEYWORDS, KEYWORDS.slice(6));

  it('平潭 2021: 「收到70件申请，办结69件，1件结转」', () => {
    const found = scan('2021年，收到70件申请，办结69件，1件结转。');
    expect(found.received.map((q) => [q.value, q.strict])).toEqual([[70, false]]);
    expect(found.carriedForward.map((q) => q.value)).toEqual([1]);
  });

  it('沭阳 2025: 「受理…749件（含上年结转12件）…结转下一年31件」', () => {
    const found = scan('全年共受理政府信息公开申请749件（含上年结转12件），共办理718件，结转下一年31件。');
    expect(found.received.map((q) => q.value)).toEqual([749]);
    expect(found.carriedOver.map((q) => q.value)).toEqual([12]);
    expect(found.carriedForward.map((q) => q.value)).toEqual([31]);
  });

  it('淮安 2024: 「行政诉讼46件」, also counted in 起', () => {
    expect(
      scan('本年度发生行政复议 3 起，行政诉讼46件。').keyed.map((q) => [KEYWORDS[q.key], q.value]),
    ).toEqual([
      ['行政复议', 3],
      ['行政诉讼', 46],
    ]);
  });

  it('Chinese numerals throughout, and none-claims per kind', () => {
    const found = scan('收到政府信息公开申请十二件，予以公开十件，不予公开两件。');
    expect([found.received[0]?.value, found.keyed.map((q) => q.value)]).toEqual([12, [10, 2]]);
    const claims = scan('本年度未收到政府信息公开申请，未发生政府信息公开行政复议和行政诉讼案件。').claims;
    expect(claims.map((c) => c.kind)).toEqual(['applications', 'review', 'litigation']);
  });
});

describe('narrative-received', () => {
  it('reads Arabic digits with spaces: 「收到 12 件」', () => {
    expect(statuses(report(['本年度共收到 12 件。'], received(12)), 'narrative-received')).toEqual(['pass']);
    const wrong = checkReport(report(['本年度共收到 12 件。'], received(13)));
    expect(wrong.map((f) => [f.rule, f.status, f.expected, f.actual])).toEqual([
      ['narrative-received', 'fail', 13, 12],
    ]);
    expect(wrong[0]?.severity).toBe('warning');
    expect(wrong[0]?.message.zh).toContain('收到 12 件');
  });

  it('accepts a loose 「共收到申请 N 件」 or 「受理 N 件」 as 一 or 一 + 二', () => {
    const cells = received(10, 3);
    expect(statuses(report(['共收到政府信息公开申请 10 件。'], cells), 'narrative-received')).toEqual([
      'pass',
    ]);
    expect(statuses(report(['共受理政府信息公开申请13件。'], cells), 'narrative-received')).toEqual(['pass']);
    expect(statuses(report(['受理 13 件，办结 12 件。'], cells), 'narrative-received')).toEqual(['pass']);
    expect(statuses(report(['共受理政府信息公开申请 11 件。'], cells), 'narrative-received')).toEqual([
      'fail',
    ]);
  });

  it('takes 「新收…N 件」 as 一 only', () => {
    const cells = received(10, 3);
    expect(statuses(report(['本年新收政府信息公开申请 10 件。'], cells), 'narrative-received')).toEqual([
      'pass',
    ]);
    expect(statuses(report(['本年新收政府信息公开申请 13 件。'], cells), 'narrative-received')).toEqual([
      'fail',
    ]);
  });

  it('reads Chinese numerals (「收到申请三件」)', () => {
    expect(parseNumber('三')).toBe(3);
    expect(parseNumber('十二')).toBe(12);
    expect(parseNumber('二十')).toBe(20);
    expect(parseNumber('一百零五')).toBe(105);
    expect(statuses(report(['全年收到申请三件。'], received(3)), 'narrative-received')).toEqual(['pass']);
    expect(statuses(report(['全年收到申请十二件。'], received(3)), 'narrative-received')).toEqual(['fail']);
  });

  it('leaves alone sub-counts, comparisons and other things received', () => {
    const text = [
      '收到自然人申请 7 件，收到法人或其他组织申请 2 件。',
      '收到申请数量较上年增加 4 件。',
      '收到群众来信 30 件。',
      '受理不动产登记业务 12.6 万件。',
      '收到 12 件群众来信。',
      '尚未收到的申请 2 件。',
    ];
    expect(evaluations(report(text, received(9)), 'narrative-received')).toEqual([]);
  });

  it('is uncertain when 一 is blank', () => {
    const blank = report(['收到申请 5 件。'], [['t3.received.total', null]]);
    const finding = checkReport(blank).find((f) => f.rule === 'narrative-received');
    expect(finding?.status).toBe('uncertain');
    expect(finding).not.toHaveProperty('expected');
  });
});

describe('narrative-none-claim', () => {
  it('fails 「没有收到政府信息公开申请」 when the table has applications, and passes it when it has none', () => {
    const claim = '本年度没有收到政府信息公开申请。';
    const findings = checkReport(report([claim], received(4)));
    expect(findings.map((f) => [f.rule, f.status, f.severity, f.cells])).toEqual([
      ['narrative-none-claim', 'fail', 'error', ['t3.received.total']],
    ]);
    expect(statuses(report([claim]), 'narrative-none-claim')).toEqual(['pass']);
    // Applications carried over from last year do not contradict 「没有收到」 this year.
    expect(
      checkReport(
        report(
          [claim],
          [
            ...rowCell('t3.carriedOver.otherOrg', 2),
            ...rowCell('t3.results.disclosed.otherOrg', 2),
            ...rowCell('t3.results.total.otherOrg', 2),
          ],
        ),
      ),
    ).toEqual([]);
  });

  it('fails 「未发生…行政复议、行政诉讼」 per kind against 表四', () => {
    const claim = '本年度未发生因政府信息公开引起的行政复议、行政诉讼。';
    const cases: [CellAddress, CellValue][] = [
      ['t4.litigationAfterReview.upheld', 1],
      ['t4.litigationAfterReview.total', 1],
    ];
    const findings = checkReport(report([claim], cases));
    expect(findings.map((f) => [f.rule, f.status, f.cells])).toEqual([
      ['narrative-none-claim', 'fail', ['t4.litigationDirect.total', 't4.litigationAfterReview.total']],
    ]);
    expect(statuses(report([claim], cases), 'narrative-none-claim')).toEqual(['pass', 'fail']);
    expect(statuses(report([claim], [['t4.review.total', null]]), 'narrative-none-claim')).toEqual([
      'uncertain',
      'pass',
    ]);
  });

  it('fails the reverse: the text says N > 0 applications were received while 一 is 0', () => {
    const findings = checkReport(report(['本年度共收到政府信息公开申请 3 件。']));
    expect(findings.map((f) => [f.rule, f.status, f.expected, f.actual])).toEqual([
      ['narrative-none-claim', 'fail', 0, 3],
    ]);
  });

  it('does not read 「没有发生…负面影响」 or 「尚未受理的申请 3 件」 as claims', () => {
    const text = ['没有发生因解读不清或处置不当而造成负面影响的情况。', '年底尚未受理的申请 3 件。'];
    expect(evaluations(report(text, received(5)), 'narrative-none-claim')).toEqual([]);
  });
});

describe('narrative-carried-over and narrative-carried-forward', () => {
  const cells = received(10, 3);

  it('compares 「上年结转…N 件」 with 二', () => {
    expect(statuses(report(['上年结转政府信息公开申请 3 件。'], cells), 'narrative-carried-over')).toEqual([
      'pass',
    ]);
    expect(statuses(report(['另有上年结转 2 件。'], cells), 'narrative-carried-over')).toEqual(['fail']);
    expect(statuses(report(['其中 3 件为上年结转。'], cells), 'narrative-carried-over')).toEqual(['pass']);
  });

  it('compares 「结转下年度…N 件」 and 「N 件结转」 with 四', () => {
    const forward = (text: string) => statuses(report([text], cells), 'narrative-carried-forward');
    expect(forward('结转下年度继续办理 1 件。')).toEqual(['pass']);
    expect(forward('结转下一年 1 件。')).toEqual(['pass']);
    expect(forward('办结 12 件，1件结转。')).toEqual(['pass']);
    expect(forward('1 件结转至2025年继续办理。')).toEqual(['pass']);
    expect(forward('结转下年度继续办理 4 件。')).toEqual(['fail']);
    // 上年结转 is not 结转下年度.
    expect(forward('上年结转 3 件。')).toEqual([]);
  });
});

describe('narrative-outcomes', () => {
  const cells: [CellAddress, CellValue][] = [
    ...rowCell('t3.received.naturalPerson', 10),
    ...rowCell('t3.results.disclosed.naturalPerson', 4),
    ...rowCell('t3.results.withheld.stateSecret.naturalPerson', 1),
    ...rowCell('t3.results.withheld.thirdPartyRights.naturalPerson', 2),
    ...rowCell('t3.results.other.other.naturalPerson', 3),
    ...rowCell('t3.results.total.naturalPerson', 10),
  ];

  it('compares each category with its rows’ 总计 cells, summed', () => {
    const text = [
      '予以公开 4 件，部分公开 0 件，不予公开 3 件，无法提供 0 件，不予处理 0 件，其他处理 3 件。',
    ];
    expect(statuses(report(text, cells), 'narrative-outcomes')).toEqual([
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
    ]);
    const findings = checkReport(report(['不予公开 2 件。'], cells));
    expect(findings.map((f) => [f.rule, f.expected, f.actual, f.cells.length])).toEqual([
      ['narrative-outcomes', 3, 2, 8],
    ]);
    expect(findings[0]?.message.zh).toContain('（三）不予公开 各行总计之和 = 3');
  });

  it('reads 「N 件予以公开」 and ignores sub-counts', () => {
    expect(statuses(report(['其中 4 件予以公开。'], cells), 'narrative-outcomes')).toEqual(['pass']);
    expect(evaluations(report(['不予公开中属于国家秘密 1 件。'], cells), 'narrative-outcomes')).toEqual([]);
    expect(statuses(report(['予以公开4件部分公开0件'], cells), 'narrative-outcomes')).toEqual([
      'pass',
      'pass',
    ]);
  });
});

describe('narrative-review-litigation', () => {
  const cells: [CellAddress, CellValue][] = [
    ['t4.review.upheld', 2],
    ['t4.review.total', 2],
    ['t4.litigationDirect.pending', 3],
    ['t4.litigationDirect.total', 3],
    ['t4.litigationAfterReview.upheld', 1],
    ['t4.litigationAfterReview.total', 1],
  ];

  it('compares 行政复议 with its 总计 and 行政诉讼 with 直诉 + 复议后 总计', () => {
    expect(
      statuses(report(['发生行政复议 2 件、行政诉讼 4 起。'], cells), 'narrative-review-litigation'),
    ).toEqual(['pass', 'pass']);
    const findings = checkReport(report(['行政诉讼 3 件。'], cells));
    expect(findings.map((f) => [f.rule, f.expected, f.actual, f.cells])).toEqual([
      ['narrative-review-litigation', 4, 3, ['t4.litigationDirect.total', 't4.litigationAfterReview.total']],
    ]);
  });
});

describe('narrative-problems-empty and narrative-fee', () => {
  it('fails part 五 when empty or a bare 无/暂无, and is uncertain when the part is absent (unknown)', () => {
    const base = report([]);
    const withProblems = (problems: Block[] | undefined): Report => ({
      ...base,
      sections: { ...base.sections, problems },
    });
    expect(statuses(withProblems(undefined), 'narrative-problems-empty')).toEqual(['uncertain']);
    expect(statuses(withProblems([]), 'narrative-problems-empty')).toEqual(['fail']);
    expect(statuses(withProblems(paragraphs('无')), 'narrative-problems-empty')).toEqual(['fail']);
    expect(statuses(withProblems(paragraphs('暂无。')), 'narrative-problems-empty')).toEqual(['fail']);
    expect(
      statuses(withProblems(paragraphs('无明显问题，但栏目更新偏慢。')), 'narrative-problems-empty'),
    ).toEqual(['pass']);
  });

  it('fails part 六 when it says nothing about 信息处理费, and is uncertain when the part is absent', () => {
    const base = report([]);
    const withOther = (other: Block[] | undefined): Report => ({
      ...base,
      sections: { ...base.sections, other },
    });
    expect(statuses(withOther(undefined), 'narrative-fee')).toEqual(['uncertain']);
    expect(statuses(withOther([]), 'narrative-fee')).toEqual(['fail']);
    expect(statuses(withOther(paragraphs('无其他需要报告的事项。')), 'narrative-fee')).toEqual(['fail']);
    expect(statuses(withOther(paragraphs('本机关未收取处理费。')), 'narrative-fee')).toEqual(['pass']);
    expect(
      statuses(withOther([{ type: 'paragraph', lead: '信息处理费。', text: '未收取。' }]), 'narrative-fee'),
    ).toEqual(['pass']);
    // The fact of charging, worded the ways published reports word it.
    for (const text of [
      '2023年度，县发展和改革局政府信息公开未发生收费情况。',
      '2024 年，市科委未发生政府信息公开收费事项。',
      '全年收取政府信息公开信息处理费 3940 元。',
      '本机关未向申请人收取任何费用。',
    ]) {
      expect(statuses(withOther(paragraphs(text)), 'narrative-fee'), text).toEqual(['pass']);
    }
    // 收取 and 费 in different clauses is no fee statement.
    expect(statuses(withOther(paragraphs('广泛收取群众意见；工作经费保障到位。')), 'narrative-fee')).toEqual([
      'fail',
    ]);
  });
});

describe('narrative-year', () => {
  it('fails a statistics period or a title naming another year', () => {
    const base = report([]);
    expect(statuses(base, 'narrative-year')).toEqual(['pass']);
    const period = { ...base, preamble: ['本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。'] };
    expect(statuses(period, 'narrative-year')).toEqual(['fail']);
    const title = { ...base, meta: { ...base.meta, title: '测试机关2023年政府信息公开工作年度报告' } };
    expect(statuses(title, 'narrative-year')).toEqual(['pass', 'fail']);
    expect(checkReport(title)[0]?.message.zh).toContain('2023');
  });

  it('reads 「YYYY年度」 in a statistics sentence when no full date is given', () => {
    const base = report([]);
    expect(statuses({ ...base, preamble: ['本报告统计数据为2023年度数据。'] }, 'narrative-year')).toEqual([
      'fail',
    ]);
  });
});

describe('deadline', () => {
  const at = (publishedAt: string | undefined, kind: ReportMeta['kind']): string[] => {
    const base = blankReport({ agency: '测试机关', year: 2024, kind });
    const meta = publishedAt === undefined ? base.meta : { ...base.meta, publishedAt };
    return evaluateReport({ ...base, meta })
      .filter((e) => e.rule === 'deadline')
      .map((e) => e.status);
  };

  it('gives departments until 31 January and governments until 31 March of N+1', () => {
    expect(at('2025-01-31', 'department')).toEqual(['pass']);
    expect(at('2025-02-01', 'department')).toEqual(['fail']);
    expect(at('2025-02-01', 'other')).toEqual(['fail']);
    expect(at('2025-03-31', 'government')).toEqual(['pass']);
    expect(at('2025-04-01', 'government')).toEqual(['fail']);
  });

  it('skips a report without publishedAt (even tables-only), and is uncertain about a malformed date', () => {
    expect(at(undefined, 'department')).toEqual([]);
    expect(at('31/01/2025', 'department')).toEqual(['uncertain']);
  });
});

describe('a report without sections', () => {
  it('skips every narrative rule instead of failing it', () => {
    const tablesOnly: Report = {
      ...blankReport({ agency: '测试机关', year: 2024, title: '测试机关2019年报告' }),
      preamble: ['本报告统计期限为2019年1月1日至2019年12月31日。'],
    };
    const rules = new Set(evaluateReport(tablesOnly).map((e) => e.rule));
    expect([...rules].filter((rule) => rule.startsWith('narrative'))).toEqual([]);
    expect(checkReport(tablesOnly)).toEqual([]);
    expect(checkReport(tablesOnly, { previous: busyReport }).map((f) => f.rule)).not.toContain(
      'narrative-copied',
    );
  });
});

describe('cross-year rules', () => {
  it('carryover-continuity: this year’s 二 = last year’s 四, per column', () => {
    // Last year's report without narrative: narrative-copied has nothing to compare.
    const { sections: _, ...previous } = report(
      [],
      [...rowCell('t3.received.commercial', 2), ...rowCell('t3.carriedForward.commercial', 2)],
    );
    const current = report(
      [],
      [
        ...rowCell('t3.carriedOver.commercial', 2),
        ...rowCell('t3.results.disclosed.commercial', 2),
        ...rowCell('t3.results.total.commercial', 2),
      ],
    );
    expect(checkReport(current, { previous })).toEqual([]);
    const mine = evaluateReport(current, { previous }).filter((e) => e.rule === 'carryover-continuity');
    expect(mine).toHaveLength(7);
    expect(mine.every((e) => e.status === 'pass')).toBe(true);
    const findings = checkReport(report([]), { previous });
    expect(findings.map((f) => [f.rule, f.status, f.cells, f.expected, f.actual])).toEqual([
      ['carryover-continuity', 'fail', ['t3.carriedOver.commercial'], 2, 0],
      ['carryover-continuity', 'fail', ['t3.carriedOver.total'], 2, 0],
    ]);
    const blankPrevious = writeCell(previous, 't3.carriedForward.research', null);
    expect(checkReport(current, { previous: blankPrevious }).map((f) => f.status)).toEqual(['uncertain']);
  });

  it('narrative-copied: parts 一 and 五 repeating half of last year’s text, numbers and spaces aside', () => {
    const text =
      '围绕规划编制、用地审批、矿产资源管理等事项，在门户网站发布各类信息 1980 条，更新“多规合一”一张图公众版。';
    const previous = report([text]);
    // Part 五 differs, part 一 repeats last year with new numbers.
    const renew = (r: Report): Report => ({
      ...r,
      sections: { ...r.sections, problems: paragraphs('网站栏目设置仍需优化。') },
    });
    const sameButNumbers = renew(report([text.replace('1980', '2315')]));
    expect(repeatShare(text.replace('1980', '2 3 1 5'), text)).toBe(1);
    const copied = checkReport(sameButNumbers, { previous });
    expect(copied.map((f) => [f.rule, f.severity, f.status])).toEqual([
      ['narrative-copied', 'warning', 'fail'],
    ]);
    expect(copied[0]?.message.zh).toContain('一、总体情况');
    const fresh = renew(
      report(['完成门户网站集约化迁移，上线智能问答模块，网站全年访问量突破 300 万人次。']),
    );
    expect(evaluateReport(fresh, { previous }).filter((e) => e.rule === 'narrative-copied')).toHaveLength(2);
    expect(checkReport(fresh, { previous })).toEqual([]);
    expect(repeatShare('abc', 'abc')).toBeNull();
  });

  it('t2-stock-flow: 现行有效 = last year’s + 制发 − 废止, as info', () => {
    const { sections: _, ...previous } = report([], [['t2.normativeDocs.inForce', 10]]);
    const current = report(
      [],
      [
        ['t2.normativeDocs.issued', 3],
        ['t2.normativeDocs.repealed', 1],
        ['t2.normativeDocs.inForce', 12],
      ],
    );
    expect(checkReport(current, { previous })).toEqual([]);
    const findings = checkReport(writeCell(current, 't2.normativeDocs.inForce', 11), { previous });
    expect(findings.map((f) => [f.rule, f.severity, f.status, f.expected, f.actual, f.cells])).toEqual([
      [
        't2-stock-flow',
        'info',
        'fail',
        12,
        11,
        ['t2.normativeDocs.issued', 't2.normativeDocs.repealed', 't2.normativeDocs.inForce'],
      ],
    ]);
    expect(findings[0]?.message.zh).toBe(
      '行政规范性文件：上年现行有效件数 10 + 本年制发件数 3 − 本年废止件数 1 = 12，本年现行有效件数 11',
    );
  });

  it('runs only with a previous report', () => {
    const rules = new Set(evaluateReport(report([])).map((e) => e.rule));
    expect(
      rules.has('carryover-continuity') || rules.has('narrative-copied') || rules.has('t2-stock-flow'),
    ).toBe(false);
  });
});

describe('the scanner’s word classes are data', () => {
  const keywords = ['予以公开', '无法提供', '行政复议', '行政诉讼'];

  it('reads a count after every listed verb of receiving, and none after a negated one', () => {
    for (const verb of SCANNER_WORDS.verbs) {
      const found = scanNarrative(`本年度${verb}政府信息公开申请 7 件。`, keywords);
      expect(
        found.received.map((quote) => quote.value),
        verb,
      ).toEqual([7]);
      expect(scanNarrative(`本年度未${verb}政府信息公开申请 7 件。`, keywords).received, verb).toEqual([]);
    }
  });

  it('reads every listed carried-over and carried-forward word', () => {
    for (const word of SCANNER_WORDS.carriedOver) {
      expect(
        scanNarrative(`${word}申请 3 件。`, keywords).carriedOver.map((q) => q.value),
        word,
      ).toEqual([3]);
    }
    for (const word of SCANNER_WORDS.carriedForward) {
      const found = scanNarrative(`另有 4 件${word}下年度继续办理。`, keywords);
      expect(
        found.carriedForward.map((q) => q.value),
        word,
      ).toEqual([4]);
    }
  });

  it('reads a none-claim after every listed negation, and keeps 无法提供 a keyed category', () => {
    for (const word of SCANNER_WORDS.negations) {
      const claim = word === '无' ? '无行政复议案件' : `${word}发生行政复议案件`;
      expect(
        scanNarrative(`本年度${claim}。`, keywords).claims.map((c) => c.kind),
        word,
      ).toEqual(['review']);
    }
    expect(scanNarrative('无法提供 2 件。', keywords).keyed).toEqual([{ at: 0, end: 8, value: 2, key: 1 }]);
  });

  it('refuses a keyed category that is also a fixed word (a programming error)', () => {
    expect(() => scanNarrative('结转 3 件', ['结转'])).toThrow(/fixed word/);
  });
});

describe('the narrative readers are linear (time for 8n ≤ 10 × time for n)', () => {
  const { keywords, caseKeywords } = narrativeTargets();
  const scan = (text: string): unknown => scanNarrative(text, keywords, caseKeywords);
  const shapes: {
    reader: string;
    run: (input: string) => unknown;
    make: (n: number) => string;
    n: number;
  }[] = [
    {
      reader: 'scanNarrative (paragraphs of counts and claims)',
      run: scan,
      make: (n) =>
        '本年度新收政府信息公开申请 596 件，上年结转 3 件，予以公开 40 件，结转下年度继续办理 2 件。未发生行政复议。\n'.repeat(
          n,
        ),
      n: 200,
    },
    { reader: 'scanNarrative (repeated 未)', run: scan, make: (n) => '未'.repeat(n), n: 4000 },
    { reader: 'scanNarrative (repeated 收到)', run: scan, make: (n) => '收到'.repeat(n), n: 2000 },
    {
      reader: 'scanNarrative (a digit run after a verb)',
      run: scan,
      make: (n) => `收到${'1'.repeat(n)}`,
      n: 20_000,
    },
    {
      reader: 'scanNarrative (a Chinese numeral run after a category)',
      run: scan,
      make: (n) => `予以公开${'一'.repeat(n)}`,
      n: 20_000,
    },
    {
      reader: 'periodYears (full dates in one statistics sentence)',
      run: (text) => periodYears([text]),
      make: (n) => `本报告统计期限为${'2024年1月1日、'.repeat(n)}`,
      n: 200,
    },
    {
      reader: 'periodYears (YYYY年度 in one statistics sentence)',
      run: (text) => periodYears([text]),
      make: (n) => `本报告数据为${'2024年度、'.repeat(n)}`,
      n: 200,
    },
  ];
  for (const shape of shapes) {
    it(shape.reader, () => {
      const ratio = growth(shape.run, shape.make(shape.n), shape.make(8 * shape.n));
      expect(ratio, `${shape.reader}: 8 × the input took ${ratio.toFixed(1)} × the time`).toBeLessThan(
        MAX_GROWTH,
      );
    });
  }
});
