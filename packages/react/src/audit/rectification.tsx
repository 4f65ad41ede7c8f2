import type { RectificationNotice, RegionAudit } from '@nianbao/model';
import type { ReactElement } from 'react';
import { SEVERITY_GLYPH } from '../messages.js';

/*
 * A drill-down's 整改 list (`AuditReport.notice`, built by the model's `rectificationNotice`): one instruction per
 * failing rule, most serious first, as the office would send it back. Like the drill-down's findings it is drawn
 * when the drill-down opens, from a data block of its own holding each text once: written into every drill-down
 * of a 2,000-report region (1,700 with a list) the lists added 1.26 MB to a page whose budget is 5 MB
 * (4.57 → 5.83 MB), while the texts are few (one action per rule); drawn from the block they add 0.14 MB
 * (3.85 → 3.99 MB, measured on the tests' large region). An item bound to cells gives its action and how many cells (the
 * findings table above names them, with expected and actual figures); an item with no cells (a narrative rule,
 * lateness, an unreadable file) gives its messages too, since nothing else on the page does. The script is plain
 * ES2017, and every text it writes comes from this file or the model.
 */

const SEVERITY_TEXT = { error: '错误 Error', warning: '警告 Warning', info: '提示 Advice' } as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;

/** What the script draws: `t` every text once as [zh, en]; `r` per drill-down index its items. */
interface NoticeData {
  t: [string, string][];
  /** Per item: severity index (SEVERITIES), action text, cell count, detail texts (for items with no cells). */
  r: Record<number, [number, number, number, number[]][]>;
  /** Fixed words: heading, severity words and glyphs, the cells phrase. */
  w: {
    h: string;
    s: [string, string][];
    c: [string, string];
  };
}

function noticeData(audit: RegionAudit): NoticeData {
  const texts = new Map<string, number>();
  const t: [string, string][] = [];
  const text = (zh: string, en: string): number => {
    const key = `${zh}\u0000${en}`;
    let index = texts.get(key);
    if (index === undefined) {
      index = t.length;
      t.push([zh, en]);
      texts.set(key, index);
    }
    return index;
  };
  const r: NoticeData['r'] = {};
  audit.reports.forEach((report, index) => {
    const items = report.notice?.items ?? [];
    if (items.length === 0) return;
    r[index] = items.map((item) => [
      SEVERITIES.indexOf(item.severity),
      text(item.action.zh, item.action.en),
      item.cells.length,
      item.cells.length === 0 ? item.details.map((detail) => text(detail.zh, detail.en)) : [],
    ]);
  });
  return {
    t,
    r,
    w: {
      h: '整改通知 Rectification',
      s: SEVERITIES.map((severity) => [SEVERITY_GLYPH[severity], SEVERITY_TEXT[severity]]),
      c: ['涉及 {n} 处单元格，见上方“问题”表', '{n} cell(s), named in the findings above'],
    },
  };
}

/** Where a drill-down's 整改 list is drawn when it opens; nothing for a report without one. */
export function RectificationSlot({
  index,
  notice,
}: {
  index: number;
  notice: RectificationNotice | undefined;
}): ReactElement | null {
  if (!notice || notice.items.length === 0) return null;
  return <div className="nb-dash-notice-slot" data-notice={index} />;
}

const NOTICE_SCRIPT = `(function () {
  'use strict';
  var node = document.getElementById('nb-dash-notices');
  if (!node) return;
  var data;
  function load() { return data || (data = JSON.parse(node.textContent)); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function draw(details) {
    var slot = details.querySelector('.nb-dash-notice-slot');
    if (!slot || slot.getAttribute('data-drawn')) return;
    slot.setAttribute('data-drawn', '1');
    var d = load(), items = d.r[slot.getAttribute('data-notice')] || [];
    slot.appendChild(el('h3', d.w.h));
    var ol = el('ol', '', 'nb-dash-notice');
    items.forEach(function (item) {
      var s = d.w.s[item[0]], action = d.t[item[1]], n = item[2];
      var li = el('li', '', 'nb-dash-notice-item');
      var glyph = el('span', s[0] + ' ');
      glyph.setAttribute('aria-hidden', 'true');
      li.appendChild(glyph);
      li.appendChild(el('span', s[1] + '：', 'nb-dash-visually-hidden'));
      li.appendChild(document.createTextNode(action[0] + (n ? '（' + d.w.c[0].replace('{n}', n) + '）' : '')));
      li.appendChild(el('br'));
      var en = el('span', action[1] + (n ? ' (' + d.w.c[1].replace('{n}', n) + ')' : ''));
      en.setAttribute('lang', 'en');
      li.appendChild(en);
      if (item[3].length) {
        var ul = el('ul');
        item[3].forEach(function (k) {
          var detail = el('li', d.t[k][0]);
          detail.appendChild(el('br'));
          var e = el('span', d.t[k][1]);
          e.setAttribute('lang', 'en');
          detail.appendChild(e);
          ul.appendChild(detail);
        });
        li.appendChild(ul);
      }
      ol.appendChild(li);
    });
    slot.appendChild(ol);
  }
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (details.open && details.classList && details.classList.contains('nb-dash-agency')) draw(details);
  }, true);
  Array.prototype.forEach.call(document.querySelectorAll('details.nb-dash-agency[open]'), draw);
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details.nb-dash-agency[open]'), draw);
  });
})();`;

/** The 整改 lists' data block and the script that draws them; nothing when no report has a list. */
export function RectificationData({ audit }: { audit: RegionAudit }): ReactElement | null {
  if (!audit.reports.some((report) => (report.notice?.items.length ?? 0) > 0)) return null;
  // Every < escaped, so nothing in a text can end the element.
  const json = JSON.stringify(noticeData(audit)).replace(/</g, '\\u003c');
  return (
    <>
      <script type="application/json" id="nb-dash-notices" dangerouslySetInnerHTML={{ __html: json }} />
      <script dangerouslySetInnerHTML={{ __html: NOTICE_SCRIPT }} />
    </>
  );
}
