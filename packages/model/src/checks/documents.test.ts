import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankReport, busyReport } from '../fixtures/index.js';
import { writeCell } from '../tables/cells.js';
import { growth, MAX_GROWTH } from '../test-support/scaling.js';
import type { CellAddress, Report } from '../types.js';
import { agencyLevel, cannotMakeRules, LEVEL_WORDS, NOT_PLACE_WORDS } from './agency-level.js';
import { tableStructure } from './arithmetic.js';
import { checkReport, evaluateReport } from './check.js';
import { DOCUMENT_VARIANTS, scanDocuments } from './narrative.js';
import type { Evaluation, RuleId } from './rules.js';

/** n in Chinese numerals as reports write them (十二, 二十, 一百零五), for 0 ≤ n < 1000. */
function chinese(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n] as string;
  if (n < 20) return `十${n % 10 === 0 ? '' : digits[n % 10]}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
  const rest = n % 100;
  const tail =
    rest === 0 ? '' : rest < 10 ? `零${digits[rest]}` : rest < 20 ? `一${chinese(rest)}` : chinese(rest);
  return `${digits[Math.floor(n / 100)]}百${tail}`;
}

const ROWS = tableStructure().stockRows;
const RULES_ROW = ROWS[0] as (typeof ROWS)[number];
const DOCS_ROW = ROWS[1] as (typeof ROWS)[number];

/** A blank-template report with the two document rows set and one paragraph in part 一. */
function withText(text: string, cells: readonly [CellAddress, number][] = []): Report {
  let report: Report = {
    ...blankReport({ agency: '测试市测试局', year: 2024 }),
    sections: {
      overview: [{ type: 'paragraph', text }],
      problems: [{ type: 'paragraph', text: '信息更新不够及时。' }],
      other: [{ type: 'paragraph', text: '本年度未收取信息处理费。' }],
    },
  };
  for (const [address, value] of cells) report = writeCell(report, address, value);
  return report;
}

const of = (report: Report, rule: RuleId): Evaluation[] =>
  evaluateReport(report).filter((evaluation) => evaluation.rule === rule);

const kinds = ROWS.map((row) => [row.label, ...(DOCUMENT_VARIANTS[row.label] ?? [])]);

describe('scanDocuments', () => {
  it('names only the statute’s document rows (no variant of a row that does not exist)', () => {
    for (const label of Object.keys(DOCUMENT_VARIANTS)) {
      expect(ROWS.map((row) => row.label)).toContain(label);
    }
  });

  it('reads the forms published reports use', () => {
    const read = (text: string) =>
      scanDocuments(text, kinds).map(({ value, key, action }) => ({ value, key, action }));
    expect(read('制发规范性文件四项。')).toEqual([{ value: 4, key: 1, action: 'issued' }]);
    expect(read('本年度共出台了四项规范性文件。')).toEqual([{ value: 4, key: 1, action: 'issued' }]);
    expect(read('制定出台行政规范性文件 12 件')).toEqual([{ value: 12, key: 1, action: 'issued' }]);
    expect(read('印发政府规章2部，废止规章1件')).toEqual([
      { value: 2, key: 0, action: 'issued' },
      { value: 1, key: 0, action: 'repealed' },
    ]);
  });

  it('reads nothing that is not this year’s count of one kind', () => {
    for (const text of [
      '审查规范性文件 5 件。',
      '制发规章和规范性文件 5 件。',
      '制定完善规章制度 5 项。',
      '发布政策解读 3 篇，其中规范性文件 2 件。',
      '对 2019 年以来制发的 86 件现行有效行政规范性文件逐件标注。',
      '制发通知 3 件。',
    ]) {
      expect(scanDocuments(text, kinds), text).toEqual([]);
    }
  });
});

describe('narrative-documents', () => {
  const arbitraryStatement = fc.record({
    verb: fc.constantFrom('制发', '制定', '印发', '出台', '发布', '颁布', '制定出台'),
    row: fc.constantFrom(0, 1),
    word: fc.nat(),
    stated: fc.nat(300),
    table: fc.nat(300),
    arabic: fc.boolean(),
    countFirst: fc.boolean(),
    unit: fc.constantFrom('件', '项', '部', '个'),
    lead: fc.constantFrom('', '本年度，', '全年'),
  });

  it('compares any stated count with its row’s 本年制发件数, naming that cell (property)', () => {
    fc.assert(
      fc.property(arbitraryStatement, (s) => {
        const names = kinds[s.row] as string[];
        const name = names[s.word % names.length] as string;
        const count = s.arabic ? ` ${s.stated} ` : chinese(s.stated);
        const phrase = s.countFirst
          ? `${s.verb}${count}${s.unit}${name}`
          : `${s.verb}${name}${count}${s.unit}`;
        const row = (s.row === 0 ? RULES_ROW : DOCS_ROW) as typeof RULES_ROW;
        const report = withText(`${s.lead}${phrase}。`, [[row.issued, s.table]]);
        const found = of(report, 'narrative-documents');
        expect(found, phrase).toHaveLength(1);
        expect(found[0]?.cells).toEqual([row.issued]);
        expect(found[0]?.status).toBe(s.stated === s.table ? 'pass' : 'fail');
        expect(found[0]?.actual).toBe(s.stated);
        expect(found[0]?.expected).toBe(s.table);
      }),
      { numRuns: 300 },
    );
  });

  it('fails 「四项规范性文件」 against 表二 = 0 with a message naming the cell, and is uncertain on a blank cell', () => {
    const findings = checkReport(withText('本年度出台四项规范性文件。')).filter(
      (finding) => finding.rule === 'narrative-documents',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ status: 'fail', cells: [DOCS_ROW.issued], expected: 0, actual: 4 });
    expect(findings[0]?.message.zh).toContain('本年制发件数');
    const blank = withText('本年度出台四项规范性文件。', []);
    const nulled = writeCell(blank, DOCS_ROW.issued, null);
    expect(of(nulled, 'narrative-documents').map((e) => e.status)).toEqual(['uncertain']);
  });

  it('passes the busy report’s 「制发行政规范性文件 12 件」 and 「废止行政规范性文件 4 件」', () => {
    expect(of(busyReport, 'narrative-documents').map((e) => [e.cells, e.status])).toEqual([
      [[DOCS_ROW.issued], 'pass'],
      [[DOCS_ROW.repealed], 'pass'],
    ]);
  });
});

describe('agencyLevel', () => {
  it('takes the lowest unit the name places the body in', () => {
    expect(agencyLevel('平罗县头闸镇人民政府')).toBe('township');
    expect(agencyLevel('北京市朝阳区人民政府')).toBe('county');
    expect(agencyLevel('某市某区自然资源局')).toBe('county');
    expect(agencyLevel('某某街道办事处')).toBe('township');
    expect(agencyLevel('内蒙古自治区人民政府')).toBe('province');
    expect(agencyLevel('某某自治州人民政府')).toBe('prefecture');
    expect(agencyLevel('某市自然资源和规划局')).toBe('city');
    expect(agencyLevel('中华人民共和国生态环境部')).toBeUndefined();
  });

  it('does not read a place in 市场, 城乡, 乡村, 区域 and the like', () => {
    expect(agencyLevel('某省市场监督管理局')).toBe('province');
    expect(agencyLevel('某省乡村振兴局')).toBe('province');
    expect(agencyLevel('某市住房和城乡建设局')).toBe('city');
    expect(agencyLevel('某省区域协调发展办公室')).toBe('province');
  });

  it('decides only the levels that settle it: county and township bodies cannot make 规章', () => {
    expect(LEVEL_WORDS.filter((entry) => cannotMakeRules(entry.level)).map((entry) => entry.word)).toEqual([
      '自治县',
      '县',
      '自治旗',
      '旗',
      '区',
      '街道',
      '苏木',
      '乡',
      '镇',
      '社区',
    ]);
    expect(cannotMakeRules(undefined)).toBe(false);
    expect(cannotMakeRules('city')).toBe(false);
  });

  it('a county or township unit named after any higher ones settles the level (property)', () => {
    const higher = fc.array(fc.constantFrom('某省', '某自治区', '某市', '某自治州', '某地区'), {
      maxLength: 3,
    });
    const lower = fc.constantFrom('某县', '某区', '某旗', '某乡', '某镇', '某街道');
    const organ = fc.constantFrom('人民政府', '教育局', '市场监督管理局', '住房和城乡建设局', '办公室');
    fc.assert(
      fc.property(higher, lower, organ, (above, unit, body) => {
        expect(cannotMakeRules(agencyLevel(`${above.join('')}${unit}${body}`))).toBe(true);
      }),
    );
  });

  it('reads no place in a word that names none', () => {
    expect(NOT_PLACE_WORDS.every((word) => agencyLevel(word) === undefined)).toBe(true);
  });
});

describe('t2-rules-level', () => {
  const withAgency = (agency: string, rules: number): Report => {
    let report: Report = { ...blankReport({ agency, year: 2024 }) };
    report = writeCell(report, RULES_ROW.issued, rules);
    return report;
  };

  it('gives an info finding naming the 规章 cells a county-level body filled in', () => {
    const findings = checkReport(withAgency('某市某区教育局', 2)).filter((f) => f.rule === 't2-rules-level');
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'info', status: 'fail', cells: [RULES_ROW.issued] }),
    ]);
    expect(findings[0]?.message.zh).toContain('无权制定规章');
    expect(findings[0]?.message.en).toContain('cannot make 规章');
  });

  it('passes a township with no 规章, and says nothing where the name does not settle the level', () => {
    expect(of(withAgency('平罗县头闸镇人民政府', 0), 't2-rules-level').map((e) => e.status)).toEqual([
      'pass',
    ]);
    expect(of(withAgency('某市人民政府', 3), 't2-rules-level')).toEqual([]);
    expect(of(withAgency('某省住房和城乡建设厅', 3), 't2-rules-level')).toEqual([]);
  });
});

describe('the document and level readers are linear (time for 8n ≤ 10 × time for n)', () => {
  const shapes: {
    reader: string;
    run: (input: string) => unknown;
    make: (n: number) => string;
    n: number;
  }[] = [
    {
      reader: 'scanDocuments (paragraphs of document counts)',
      run: (text) => scanDocuments(text, kinds),
      make: (n) => '本年度制发行政规范性文件 12 件，废止规章 1 件，出台了四项规范性文件。\n'.repeat(n),
      n: 200,
    },
    {
      reader: 'scanDocuments (repeated verbs)',
      run: (text) => scanDocuments(text, kinds),
      make: (n) => '制发'.repeat(n),
      n: 2000,
    },
    {
      reader: 'scanDocuments (a verb before a digit run)',
      run: (text) => scanDocuments(text, kinds),
      make: (n) => `制发规范性文件${'1'.repeat(n)}`,
      n: 20_000,
    },
    {
      reader: 'agencyLevel (a long name)',
      run: agencyLevel,
      make: (n) => `${'某市场'.repeat(n)}县`,
      n: 2000,
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
