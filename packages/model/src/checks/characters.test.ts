import { describe, expect, it } from 'vitest';
import { busyReport } from '../fixtures/busy.js';
import { parseReport } from '../schema/parse.js';
import { growth, MAX_GROWTH } from '../test-support/scaling.js';
import type { Block, Report } from '../types.js';
import { oddCharacters } from './characters.js';
import { checkReport, MAX_FINDINGS_PER_RULE } from './check.js';

function characterFindings(report: Report): { zh: string; en: string }[] {
  return checkReport(report)
    .filter((finding) => finding.rule === 'text-characters')
    .map((finding) => finding.message);
}

function withOverview(report: Report, blocks: Block[]): Report {
  return { ...report, sections: { ...report.sections, overview: blocks } } as Report;
}

describe('text-characters', () => {
  it('a NUL in the agency name: a warning naming the field and U+0000, the text unchanged', () => {
    const agency = `某某县\u0000人民政府`;
    const report = { ...busyReport, meta: { ...busyReport.meta, agency } };
    const parsed = parseReport(report);
    expect(parsed.ok && parsed.report.meta.agency).toBe(agency);
    expect(characterFindings(report)).toEqual([
      {
        zh: 'meta.agency：第 4 个字符是控制字符 U+0000；请删除（文本未作改动）',
        en: 'meta.agency: character 4 is the control character U+0000; it prints as garbage or nothing — delete it (the text is not changed)',
      },
    ]);
    expect(report.meta.agency).toBe(agency);
    const finding = checkReport(report).find((f) => f.rule === 'text-characters');
    expect(finding).toMatchObject({ severity: 'warning', status: 'fail', cells: [] });
  });

  it('a bidi override and a lone surrogate in the narrative, each located by JSON path', () => {
    const report = withOverview(busyReport, [
      { type: 'paragraph', text: '正常文字' },
      { type: 'paragraph', text: '本年度\u202E共收到申请\u202C' },
      { type: 'heading', level: 2, text: '（一）\uD800主动公开' },
    ]);
    const messages = characterFindings(report);
    expect(messages.map((m) => m.en)).toEqual([
      'sections.overview[1].text: character 4 is the bidirectional control U+202E (and 1 more such); it reorders the text as displayed — delete it (the text is not changed)',
      'sections.overview[2].text: character 4 is a lone surrogate U+D800; it is not a character: the text was cut or mis-encoded — delete it (the text is not changed)',
    ]);
    expect(messages[0]?.zh).toBe(
      'sections.overview[1].text：第 4 个字符是双向文字控制符（会改变文字的显示顺序） U+202E，另有 1 个此类字符；请删除（文本未作改动）',
    );
  });

  it('tabs, line breaks, surrogate pairs and ordinary CJK pass', () => {
    expect(oddCharacters('表三\t共 1 件\r\n𠀀〇（一）')).toBeUndefined();
    expect(characterFindings(busyReport)).toEqual([]);
    expect(oddCharacters('a\u0085b\u007f\uDC00')).toEqual({
      codePoint: 0x85,
      kind: 'control',
      position: 2,
      count: 3,
    });
  });

  it('names the first 100 fields, then counts the rest', () => {
    const blocks = Array.from({ length: 250 }, (_, i) => ({
      type: 'paragraph' as const,
      text: `第${i}段\u0007`,
    }));
    const messages = characterFindings(withOverview(busyReport, blocks));
    expect(messages).toHaveLength(101);
    expect(messages[99]?.en).toContain('sections.overview[99].text:');
    expect(messages[100]).toEqual({
      zh: '另有 150 个字段含有此类字符（只列出前 100 个）',
      en: '150 more fields hold such characters (only the first 100 are listed)',
    });
  });
});

describe('findings are capped per rule', () => {
  it('250 wrong quoted numbers: the first 100, then one finding of the rule counting 150', () => {
    const blocks = Array.from({ length: 250 }, () => ({
      type: 'paragraph' as const,
      text: '本年度新收政府信息公开申请 596 件。',
    }));
    const findings = checkReport(withOverview(busyReport, blocks)).filter(
      (finding) => finding.rule === 'narrative-received',
    );
    expect(findings).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(findings.at(-1)).toEqual({
      rule: 'narrative-received',
      severity: 'warning',
      status: 'fail',
      cells: [],
      message: {
        zh: '另有 150 处同类问题未列出（每条规则只列出前 100 处）',
        en: '150 more findings of this rule not listed (only the first 100 of a rule are)',
      },
    });
  });
});

describe('the checker is linear in its input (time for 8n ≤ 10 × time for n)', () => {
  const shapes: { reader: string; make: (n: number) => Report; n: number }[] = [
    {
      reader: 'narrative scanner (repeated （)',
      make: (n) => withOverview(busyReport, [{ type: 'paragraph', text: '（'.repeat(n) }]),
      n: 5000,
    },
    {
      reader: 'text-characters (control characters)',
      make: (n) => withOverview(busyReport, [{ type: 'paragraph', text: '\u0000'.repeat(n) }]),
      n: 20_000,
    },
  ];
  for (const shape of shapes) {
    it(shape.reader, () => {
      const ratio = growth(checkReport, shape.make(shape.n), shape.make(8 * shape.n));
      expect(ratio, `${shape.reader}: 8 × the input took ${ratio.toFixed(1)} × the time`).toBeLessThan(
        MAX_GROWTH,
      );
    });
  }
});
