import { readdirSync, readFileSync } from 'node:fs';
import { checkReport, evaluateReport, statutoryLayout } from '@nianbao/model';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AnnualReport } from './annual-report.js';
import { CrossCheckFooter } from './cross-check-footer.js';
import { FindingsList } from './findings-list.js';
import { Narrative } from './narrative.js';
import { StatutoryTable } from './statutory-table.js';
import { ApplicationsTable, ProactiveDisclosureTable, ReviewLitigationTable } from './tables.js';

const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

describe('server rendering without a DOM', () => {
  it('runs in an environment with no window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders every component with renderToString', () => {
    const outputs = [
      renderToString(<StatutoryTable layout={statutoryLayout('t3')} values={seedReport} />),
      renderToString(<StatutoryTable layout={statutoryLayout('t3')} values={seedReport} editable />),
      renderToString(<ProactiveDisclosureTable t2={seedReport.t2} />),
      renderToString(<ApplicationsTable t3={seedReport.t3} />),
      renderToString(<ReviewLitigationTable t4={seedReport.t4} />),
      renderToString(<FindingsList findings={[]} />),
      renderToString(<Narrative blocks={seedReport.sections?.overview ?? []} />),
      renderToString(<AnnualReport report={seedReport} crossChecks={false} />),
      renderToString(<AnnualReport report={busyReport} findings={checkReport(busyReport)} />),
      renderToString(
        <CrossCheckFooter layout={statutoryLayout('t3')} evaluations={evaluateReport(seedReport)} />,
      ),
    ];
    for (const html of outputs) expect(html.length).toBeGreaterThan(20);
    expect(outputs[1]).toContain('<input');
  });

  it('renders the whole seed report in statutory order', () => {
    const html = renderToString(<AnnualReport report={seedReport} crossChecks={false} />);
    const order = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ];
    const positions = order.map((heading) => html.indexOf(`>${heading}</h2>`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain(seedReport.meta.title ?? '');
  });

  it('renders a paragraph’s lead-in in bold before its text', () => {
    const html = renderToString(
      <Narrative blocks={[{ type: 'paragraph', lead: '规范网站管理。', text: '正文' }]} />,
    );
    expect(html).toBe('<p class="nb-paragraph"><strong class="nb-lead">规范网站管理。</strong>正文</p>');
  });

  it('escapes hostile narrative, preamble, title and agency text', () => {
    const report = {
      ...seedReport,
      meta: { ...seedReport.meta, title: hostile, agency: hostile },
      preamble: [hostile],
      sections: {
        overview: [
          { type: 'heading' as const, level: 2 as const, text: hostile },
          { type: 'paragraph' as const, lead: hostile, text: hostile },
        ],
      },
    };
    const html = renderToString(<AnnualReport report={report} crossChecks={false} />);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('source', () => {
  it('never inserts raw HTML', () => {
    const dir = new URL('./', import.meta.url);
    const files = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
    }
  });
});
