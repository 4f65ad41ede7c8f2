import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCell, statutoryCells, T3_COLUMN_KEYS, T3_SPEC } from '@nianbao/model';
import { busyReport } from '@nianbao/model/fixtures';
import { describe, expect, it } from 'vitest';
import { importReport, MAX_IMPORT_BYTES } from './import-report.js';

/** These snippets are tables without a title: the caller states the year and agency the text leaves out. */
const KNOWN = { meta: { agency: '某县测试局', year: 2023 } } as const;

/*
 * Layouts built from busyReport's numbers, as real pages print them: Word-pasted HTML with labels split
 * across spans and paragraphs, pipe rows, and the cell notes and blank markers of §2.
 */

const t3Rows = (): { labels: string[]; path: string }[] => {
  const out: { labels: string[]; path: string }[] = [];
  const walk = (
    rows: NonNullable<(typeof T3_SPEC.blocks)[number]['rows']>,
    labels: string[],
    prefix: string,
  ) => {
    for (const row of rows) {
      const path = prefix ? `${prefix}.${row.key}` : (row.key as string);
      if (row.children) walk(row.children, [...labels, row.label], path);
      else out.push({ labels: [...labels, row.label], path });
    }
  };
  walk(T3_SPEC.blocks[0]?.rows ?? [], [], '');
  return out;
};
const COLUMNS = T3_COLUMN_KEYS;
const value = (address: string): string => String(readCell(busyReport, address) ?? '');

/** Word-pasted markup: each label broken into <span>s and <p>s (商业<br>企业), group labels rowspanned. */
function wordHtml(): string {
  const split = (label: string): string => {
    const mid = Math.ceil(label.length / 2);
    return `<p class=MsoNormal><span lang=EN-US style='font-size:9pt'>${label.slice(0, mid)}</span></p><p class=MsoNormal><span style='font-family:宋体'>${label.slice(mid)}</span></p>`;
  };
  const rows = t3Rows();
  const seen = new Set<string>();
  let body = '';
  for (const row of rows) {
    let cells = '';
    const [top, mid, leaf] = row.labels;
    if (row.labels.length === 1) cells += `<td colspan=3>${split(top as string)}</td>`;
    else {
      if (!seen.has(top as string)) {
        seen.add(top as string);
        const span = rows.filter((r) => r.labels[0] === top).length;
        cells += `<td rowspan=${span}>${split(top as string)}</td>`;
      }
      if (row.labels.length === 2) cells += `<td colspan=2>${split(mid as string)}</td>`;
      else {
        if (!seen.has(mid as string)) {
          seen.add(mid as string);
          const span = rows.filter((r) => r.labels[1] === mid).length;
          cells += `<td rowspan=${span}>${split(mid as string)}</td>`;
        }
        cells += `<td>${split(leaf as string)}</td>`;
      }
    }
    for (const column of COLUMNS)
      cells += `<td><p><span>${value(`t3.${row.path}.${column}`)}</span></p></td>`;
    body += `<tr>${cells}</tr>\n`;
  }
  const t2 = `<table border=1><tr><td colspan=4>第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>${value('t2.rules.issued')}</td><td>/</td><td>${value('t2.rules.inForce')}</td></tr>
<tr><td>行政规范性文件</td><td>22（其中修订16件）</td><td>—</td><td>无</td></tr>
<tr><td colspan=4>第二十条第（五）项</td></tr><tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan=3>${value('t2.licensing.decisions')}</td></tr>
<tr><td colspan=4>第二十条第（六）项</td></tr><tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan=3>${value('t2.penalties.decisions')}</td></tr>
<tr><td>行政强制</td><td colspan=3>${value('t2.coercion.decisions')}</td></tr>
<tr><td colspan=4>第二十条第（八）项</td></tr><tr><td>信息内容</td><td colspan=3>本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan=3>${value('t2.fees.amount')}</td></tr></table>`;
  const header = `<tr><td colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>
<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>
<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益<br>组织</td><td>法律服务<br>机构</td><td>其他</td></tr>`;
  const t4 = ['review', 'litigationDirect', 'litigationAfterReview']
    .flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `<td>${value(`t4.${g}.${c}`)}</td>`),
    )
    .join('');
  return `<html><body><p class=MsoNormal><b>某某局2023年政府信息公开工作年度报告</b></p>
<p>一、总体情况</p><p>本年度工作平稳。</p>
<p><b>二、主动公开政府信息情况</b></p>${t2}
<p><b>三、收到和处理政府信息公开申请情况</b></p><table border=1>${header}${body}</table>
<p><b>四、政府信息公开行政复议、行政诉讼情况</b></p><table border=1><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr><tr>${t4}</tr></table>
<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></body></html>`;
}

describe('layouts', () => {
  it('reads Word-pasted HTML: rowspan/colspan, labels split across spans and paragraphs, notes and blanks', () => {
    const result = importReport(wordHtml(), KNOWN);
    if (!result.ok) throw new Error(JSON.stringify(result.notes));
    for (const cell of statutoryCells().filter((c) => c.table !== 't2')) {
      expect(readCell(result.report, cell.address), cell.address).toBe(readCell(busyReport, cell.address));
    }
    expect(result.report.t2.normativeDocs).toEqual({ issued: 22, repealed: null, inForce: null });
    expect(result.report.t2.rules.repealed).toBeNull();
    expect(result.report.t2.licensing.decisions).toBe(busyReport.t2.licensing.decisions);
    const note = result.notes.find((n) => n.code === 'cell-note');
    expect(note?.cells).toEqual(['t2.normativeDocs.issued']);
    expect(note?.message.zh).toContain('其中修订16件');
    expect(result.report.meta).toMatchObject({ agency: '某某局', year: 2023, kind: 'department' });
  });

  it('reads 013 (沭阳 2023) as Word-pasted HTML: every cell as published', () => {
    const raw = readFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'corpus', '013-shuyang-fgj-2023-html-tsv.txt'),
      'utf8',
    );
    const expected = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', 'fixtures', 'corpus', '013-shuyang-fgj-2023-html-tsv.expected.json'),
        'utf8',
      ),
    );
    const word = (text: string): string => {
      const mid = Math.ceil(text.length / 2);
      return `<p class=MsoNormal align=center><span lang=EN-US style='font-size:10.5pt'>${text.slice(0, mid)}</span><span style='font-family:宋体'>${text.slice(mid)}</span><o:p></o:p></p>`;
    };
    let html = '<html><body>';
    let table = false;
    for (const line of raw.slice(raw.indexOf('\n\n') + 2).split('\n')) {
      if (line.includes('\t')) {
        if (!table) html += '<table class=MsoNormalTable border=1>';
        table = true;
        html += `<tr>${line
          .split('\t')
          .map((cell) => `<td valign=top>${cell ? word(cell) : '<p>&nbsp;</p>'}</td>`)
          .join('')}</tr>`;
        continue;
      }
      if (table) html += '</table>';
      table = false;
      if (line.trim()) html += `<p class=MsoNormal>${line}</p>`;
    }
    const result = importReport(`${html}</body></html>`, KNOWN);
    if (!result.ok) throw new Error(JSON.stringify(result.notes));
    expect(result.layouts).toEqual({ t2: 'html', t3: 'html', t4: 'html' });
    for (const cell of statutoryCells()) {
      expect(readCell(result.report, cell.address), cell.address).toBe(readCell(expected, cell.address));
    }
  });

  it('reads HTML columns by their headers, not their position', () => {
    const reversed = [...COLUMNS].reverse();
    const headerLabels: Record<string, string> = {
      naturalPerson: '自然人',
      commercial: '商业企业',
      research: '科研机构',
      publicInterest: '社会公益组织',
      legalService: '法律服务机构',
      otherOrg: '其他',
      total: '总计',
    };
    const rows = t3Rows()
      .map(
        (row) =>
          `<tr><td>${row.labels.join('')}</td>${reversed.map((c) => `<td>${value(`t3.${row.path}.${c}`)}</td>`).join('')}</tr>`,
      )
      .join('');
    const groups = ['litigationAfterReview', 'review', 'litigationDirect'];
    const groupLabels: Record<string, string> = {
      review: '行政复议',
      litigationDirect: '未经复议直接起诉',
      litigationAfterReview: '复议后起诉',
    };
    const outcomes = ['total', 'pending', 'other', 'corrected', 'upheld'];
    const outcomeLabels: Record<string, string> = {
      upheld: '结果维持',
      corrected: '结果纠正',
      other: '其他结果',
      pending: '尚未审结',
      total: '总计',
    };
    const html = `<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>（本列数据的勾稽关系为：…）</td>${reversed.map((c) => `<td>${headerLabels[c]}</td>`).join('')}</tr>${rows}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p><table><tr>${groups.map((g) => `<td colspan=5>${groupLabels[g]}</td>`).join('')}</tr>
<tr>${groups.map(() => outcomes.map((o) => `<td>${outcomeLabels[o]}</td>`).join('')).join('')}</tr>
<tr>${groups.map((g) => outcomes.map((o) => `<td>${value(`t4.${g}.${o}`)}</td>`).join('')).join('')}</tr></table>`;
    const result = importReport(html, KNOWN);
    if (!result.ok) throw new Error(JSON.stringify(result.notes));
    for (const cell of statutoryCells().filter((c) => c.table !== 't2')) {
      expect(readCell(result.report, cell.address), cell.address).toBe(readCell(busyReport, cell.address));
    }
  });

  it('reads pipe rows with merged labels only on the first row of a span', () => {
    const lines = ['三、收到和处理政府信息公开申请情况', '| （本列数据的勾稽关系为：…） | 申请人情况 |'];
    let group = '';
    for (const row of t3Rows()) {
      const labels = row.labels.slice(0, -1).filter((l) => l !== group);
      if (row.labels.length > 1) group = row.labels[row.labels.length - 2] as string;
      const values = COLUMNS.map((c) => value(`t3.${row.path}.${c}`));
      lines.push(`| ${[...labels, row.labels[row.labels.length - 1]].join(' | ')} | ${values.join(' | ')} |`);
    }
    const result = importReport(lines.join('\n'), { kind: 'markdown', ...KNOWN });
    if (!result.ok) throw new Error(JSON.stringify(result.notes));
    expect(result.layouts.t3).toBe('pipe');
    for (const cell of statutoryCells().filter((c) => c.table === 't3')) {
      expect(readCell(result.report, cell.address), cell.address).toBe(readCell(busyReport, cell.address));
    }
    expect(result.confidence.read).toHaveLength(175);
  });

  it('reports a run with two equally good readings as ambiguous, with its candidates', () => {
    const text =
      '二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件693665';
    const best = importReport(text, KNOWN);
    const blank = importReport(text, { ambiguous: 'null', ...KNOWN });
    if (!best.ok || !blank.ok) throw new Error('not imported');
    const note = best.notes.find((n) => n.code === 'ambiguous-run');
    expect(note?.candidates).toContainEqual([69, 3, 665]);
    expect(note?.candidates).toContainEqual([6, 93, 665]);
    expect(best.report.t2.normativeDocs).toEqual({ issued: 69, repealed: 3, inForce: 665 });
    expect(best.confidence.inferred).toContain('t2.normativeDocs.issued');
    expect(blank.report.t2.normativeDocs).toEqual({ issued: null, repealed: null, inForce: null });
    expect(best.report.t2.rules).toEqual({ issued: 0, repealed: 0, inForce: 0 });
  });
});

describe('bad input', () => {
  it('refuses empty and binary input with a clear message (UTF-16 and GBK are read: detect.test.ts)', () => {
    const cases: [string | Uint8Array, string][] = [
      ['', 'input-empty'],
      ['  \n\t ', 'input-empty'],
      [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), 'input-binary'],
      [new Uint8Array([0xff, 0xfe]), 'input-empty'],
      [new Uint8Array([0xc4, 0xea, 0xb6, 0x00]), 'input-binary'],
      [new Uint8Array([0x81, 0x20, 0x81, 0x20]), 'input-binary'],
      ['a\u0000b', 'input-binary'],
    ];
    for (const [input, code] of cases) {
      const result = importReport(input);
      expect(result.ok).toBe(false);
      expect(result.notes[0]?.code).toBe(code);
      expect(result.notes[0]?.message.zh).not.toBe('');
      expect(result.notes[0]?.message.en).not.toBe('');
    }
  });

  it('refuses a 20 MB page quickly', () => {
    const big = `<p>${'年'.repeat(MAX_IMPORT_BYTES + 10)}</p>`;
    const started = Date.now();
    const result = importReport(big);
    expect(result.ok).toBe(false);
    expect(result.notes[0]?.code).toBe('input-too-large');
    expect(Date.now() - started).toBeLessThan(2000);
    const bytes = importReport(new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(bytes.ok || bytes.notes[0]?.code).toBe('input-too-large');
  });

  it('imports a big page (1.5 M characters on one line) in seconds, not minutes', () => {
    const filler = '政府信息公开工作有序推进，'.repeat(24_000);
    const text = `一、总体情况${filler}二、主动公开政府信息情况${filler}规章 000三、收到和处理政府信息公开申请情况${filler}一、本年新收政府信息公开申请数量640020470四、政府信息公开行政复议、行政诉讼情况${filler}`;
    const started = Date.now();
    const result = importReport(text, KNOWN);
    expect(Date.now() - started).toBeLessThan(15_000);
    if (!result.ok) throw new Error('not imported');
    expect(result.report.t3.received).toMatchObject({ naturalPerson: 64, total: 70 });
    expect(result.report.t2.rules).toEqual({ issued: 0, repealed: 0, inForce: 0 });
  }, 30_000);

  it('says so when a page has no tables', () => {
    const result = importReport('<html><body><h1>通知</h1><p>今天天气很好。</p></body></html>');
    expect(result.ok).toBe(false);
    expect(result.notes[0]?.code).toBe('no-tables');
  });

  it('does not crash on hostile markup', () => {
    const html = `<table>${'<tr><td rowspan=999999 colspan=999999>1</td></tr>'.repeat(50)}</table><p>三、收到和处理政府信息公开申请情况</p><table><tr><td>一、本年新收政府信息公开申请数量</td><td>x</td></tr></table>`;
    const result = importReport(html, KNOWN);
    expect(result.ok).toBe(true);
  });
});
