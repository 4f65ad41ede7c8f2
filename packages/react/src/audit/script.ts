/*
 * The page's only script, inlined: sorting and filtering the agencies table, opening a drill-down from its link,
 * and drawing a drill-down's findings, scorecard and tables the first time it opens, from the page's data block
 * (AuditPage's DrillData: every text written by the page, once) and the tables template drawn by the components.
 * Plain ES2017 with no library, so the page works from a file with no network. For a 2,000-row region it reads
 * every row once (when first sorted or filtered), sorts an array of keys (not the DOM), moves rows with one
 * DocumentFragment, and filters by toggling `hidden`, batched to one animation frame per burst of typing; nothing
 * that can wait (the data block, the rows) is read before the first paint.
 */
export const DASHBOARD_SCRIPT = `(function () {
  'use strict';
  var table = document.getElementById('nb-dash-table');
  if (!table) return;
  var body = table.tBodies[0];
  // A cell's sort key is its data-v, or its text when it has none; the search reads the name, year and file.
  // The rows are read when first sorted or filtered, not before the page's first paint.
  var rows = null;
  function allRows() {
    if (!rows) rows = Array.prototype.map.call(body.rows, function (tr, i) {
      var v = Array.prototype.map.call(tr.cells, function (c) {
        var key = c.getAttribute('data-v');
        return key === null ? c.textContent : key;
      });
      return {
        tr: tr,
        i: i,
        status: tr.getAttribute('data-status'),
        rules: ' ' + tr.getAttribute('data-rules') + ' ',
        text: (v[0] + ' ' + v[v.length - 1] + ' ' + v[1]).toLowerCase(),
        v: v
      };
    });
    return rows;
  }
  var status = document.getElementById('nb-dash-status');
  var rule = document.getElementById('nb-dash-rule');
  var text = document.getElementById('nb-dash-text');
  var count = document.getElementById('nb-dash-count');
  var total = body.rows.length;
  var frame = 0;
  function filter() {
    frame = 0;
    var s = status.value, r = rule.value ? ' ' + rule.value + ' ' : '', q = text.value.trim().toLowerCase();
    var shown = 0;
    allRows();
    for (var k = 0; k < rows.length; k++) {
      var row = rows[k];
      var ok = (!s || row.status === s) && (!r || row.rules.indexOf(r) >= 0) && (!q || row.text.indexOf(q) >= 0);
      if (row.tr.hidden === ok) row.tr.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = '显示 ' + shown + ' / ' + total + ' 份 Showing ' + shown + ' of ' + total;
  }
  function schedule() { if (!frame) frame = requestAnimationFrame(filter); }
  status.addEventListener('change', filter);
  rule.addEventListener('change', filter);
  text.addEventListener('input', schedule);
  var heads = table.tHead.rows[0].cells;
  var collator = new Intl.Collator('zh-CN', { numeric: true });
  Array.prototype.forEach.call(table.tHead.querySelectorAll('button[data-column]'), function (button) {
    button.addEventListener('click', function () {
      var column = Number(button.getAttribute('data-column'));
      var numeric = button.getAttribute('data-type') === 'number';
      var th = heads[column];
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      for (var h = 0; h < heads.length; h++) heads[h].setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      allRows().sort(function (a, b) {
        var x = a.v[column], y = b.v[column];
        var c = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return c * dir || a.i - b.i;
      });
      var fragment = document.createDocumentFragment();
      for (var k = 0; k < rows.length; k++) fragment.appendChild(rows[k].tr);
      body.appendChild(fragment);
    });
  });
  var tpl = document.getElementById('nb-dash-tables');
  var addresses = tpl ? JSON.parse(tpl.getAttribute('data-cells')) : [];
  var words = tpl ? JSON.parse(tpl.getAttribute('data-words')) : {};
  var TPL = 'nb-tpl-';
  var dataElement = document.getElementById('nb-dash-data');
  var data = null;
  // The drill-downs' data (AuditPage's DrillData), parsed when first needed rather than before the first paint.
  function load() {
    if (!data) data = dataElement ? JSON.parse(dataElement.textContent) : { s: [], w: {}, r: {} };
    return data;
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function head(labels, caption, captionClass) {
    var t = el('table');
    t.appendChild(el('caption', caption, captionClass));
    var tr = el('tr');
    for (var k = 0; k < labels.length; k++) {
      var th = el('th', labels[k]);
      th.setAttribute('scope', 'col');
      tr.appendChild(th);
    }
    t.appendChild(el('thead')).appendChild(tr);
    return t;
  }
  // A findings table: a row per finding, [severity, rule title, rule id, severity text, message, expected,
  // actual, cells…] as indices into the string table; a cell is "id name" (a link: ids have no space) or " text".
  function findings(slot, record) {
    var S = data.s, w = data.w, list = record.f;
    if (list.length === 0) { slot.appendChild(el('p', w.none)); return; }
    var t = head(w.fh, w.fc, 'nb-dash-visually-hidden');
    t.className = 'nb-dash-findings';
    var body = t.appendChild(el('tbody'));
    for (var k = 0; k < list.length; k++) {
      var f = list[k];
      var tr = body.appendChild(el('tr', undefined, 'nb-dash-finding nb-dash-finding--' + S[f[0]]));
      var rule = tr.appendChild(el('td', S[f[1]] + ' '));
      rule.appendChild(el('code', S[f[2]]));
      for (var c = 3; c < 7; c++) tr.appendChild(el('td', S[f[c]]));
      var cellsTd = tr.appendChild(el('td', f.length > 7 ? undefined : '—'));
      if (f.length > 7) {
        var ul = cellsTd.appendChild(el('ul'));
        for (var n = 7; n < f.length; n++) {
          var ref = S[f[n]], cut = ref.indexOf(' '), id = ref.slice(0, cut), name = ref.slice(cut + 1);
          var li = ul.appendChild(el('li', id ? undefined : name));
          if (id) li.appendChild(el('a', name)).setAttribute('href', '#' + record.p + id);
        }
      }
    }
    slot.appendChild(t);
  }
  // A scorecard: its caption, then rows of four texts [indicator, result, points, reason].
  function scorecard(slot, record) {
    var S = data.s, k = record.k;
    var t = head(data.w.sh, S[k[0]]);
    t.className = 'nb-dash-score';
    var body = t.appendChild(el('tbody'));
    for (var n = 1; n + 3 < k.length + 1; n += 4) {
      var tr = body.appendChild(el('tr'));
      tr.appendChild(el('th', S[k[n]])).setAttribute('scope', 'row');
      for (var c = 1; c < 4; c++) tr.appendChild(el('td', S[k[n + c]]));
    }
    slot.appendChild(t);
  }
  var ATTRS = ['id', 'headers', 'aria-labelledby', 'aria-describedby', 'href', 'for'];
  function span(cls, text) {
    var s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    return s;
  }
  // A drill-down's tables: the template drawn by the components, with this report's ids, values and marks.
  function fill(slot, record) {
    if (!tpl || slot.firstChild) return;
    var prefix = record.p;
    var values = record.v;
    var marks = record.m;
    var copy = tpl.content.cloneNode(true);
    var all = copy.querySelectorAll('*');
    for (var k = 0; k < all.length; k++) {
      for (var a = 0; a < ATTRS.length; a++) {
        var v = all[k].getAttribute(ATTRS[a]);
        if (v && v.indexOf(TPL) >= 0) all[k].setAttribute(ATTRS[a], v.split(TPL).join(prefix));
      }
    }
    var label = '（' + record.l + '）';
    Array.prototype.forEach.call(copy.querySelectorAll('caption .nb-sr-only'), function (s) { s.textContent = label; });
    var cells = {};
    Array.prototype.forEach.call(copy.querySelectorAll('td[data-cell]'), function (td) { cells[td.getAttribute('data-cell')] = td; });
    for (var i = 0; i < addresses.length; i++) {
      var td = cells[addresses[i]];
      if (!td || values[i] === null) continue;
      var value = td.querySelector('.nb-value');
      value.textContent = String(values[i]);
      var blank = value.nextElementSibling;
      if (blank && blank.className === 'nb-sr-only') blank.remove();
    }
    var cellList = [];
    for (var n = 0; n < addresses.length; n++) cellList.push(cells[addresses[n]]);
    for (var m = 0; m < marks.c.length; m++) {
      var mark = marks.c[m], cell = cellList[mark[0]];
      if (!cell) continue;
      var primary = mark[2] === 1;
      var word = words[primary ? mark[1] : 'part'];
      cell.classList.add(primary ? 'nb-data--' + mark[1] : 'nb-data--part');
      if (primary) {
        var flag = span('nb-flag', word[0]);
        flag.setAttribute('aria-hidden', 'true');
        cell.appendChild(flag);
        if (mark[1] === 'fail') cell.setAttribute('aria-invalid', 'true');
      }
      var texts = [];
      for (var x = 3; x < mark.length; x++) texts.push(marks.m[mark[x]]);
      var desc = span('nb-sr-only', word[1] + '：' + texts.join('；'));
      desc.id = cell.id + '-finding';
      cell.appendChild(desc);
      cell.setAttribute('aria-describedby', desc.id);
    }
    slot.appendChild(copy);
  }
  // What a drill-down shows beyond its summary and reading notes, drawn the first time it opens.
  function draw(details) {
    if (details.getAttribute('data-drawn')) return;
    details.setAttribute('data-drawn', '1');
    var record = load().r[details.id.slice('nb-dash-d'.length)];
    if (!record) return;
    var dl = details.querySelector('.nb-dash-meta');
    for (var d = 0; dl && record.d && d + 2 < record.d.length; d += 3) {
      dl.appendChild(el('dt', data.s[record.d[d]]));
      var dd = dl.appendChild(el('dd', record.d[d + 2] ? undefined : data.s[record.d[d + 1]]));
      if (record.d[d + 2]) dd.appendChild(el('code', data.s[record.d[d + 1]]));
    }
    var slot = details.querySelector('.nb-dash-findings-slot');
    if (slot) findings(slot, record);
    slot = details.querySelector('.nb-dash-score-slot');
    if (slot && record.k) scorecard(slot, record);
    slot = details.querySelector('.nb-dash-lazy');
    if (slot && record.v) fill(slot, record);
  }
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.open || !details.classList || !details.classList.contains('nb-dash-agency')) return;
    draw(details);
  }, true);
  // The roll-up's findings come from the data block too: drawn after the first frame, so that parsing it does not
  // delay the first paint, or at once when the page is printed before that.
  var rollUpFindings = document.querySelector('.nb-dash-findings-slot[data-record="rollup"]');
  function drawRollUp() {
    if (!rollUpFindings || rollUpFindings.firstChild) return;
    findings(rollUpFindings, load().r.rollup);
  }
  requestAnimationFrame(function () { setTimeout(drawRollUp, 0); });
  function open(id) {
    var target = id && document.getElementById(id);
    if (!target || target.tagName !== 'DETAILS') return;
    target.open = true;
    var summary = target.querySelector('summary');
    if (summary) summary.focus();
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#nb-dash-d"]');
    if (link) open(link.getAttribute('href').slice(1));
  });
  window.addEventListener('hashchange', function () { open(location.hash.slice(1)); });
  if (location.hash) open(location.hash.slice(1));
  window.addEventListener('beforeprint', function () {
    drawRollUp();
    Array.prototype.forEach.call(document.querySelectorAll('details.nb-dash-agency[open]'), draw);
    Array.prototype.forEach.call(document.querySelectorAll('.nb-dash-chart-data'), function (d) { d.open = true; });
  });
})();`;
