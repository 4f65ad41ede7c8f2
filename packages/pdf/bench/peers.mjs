// The bench's peers: the same report printed by pdfmake 0.3 and by Typst, with the same three Noto font files
// @nianbao/pdf uses. Both start from the report's HTML (@nianbao/react's renderReportHtml, the page Chromium
// prints), read into headings, paragraphs and tables with their rowspan/colspan, so the three renderers set the
// same text and the same merged cells; neither peer gets our GB/T 9704 details (page-number sides, 落款 placement),
// which makes them, if anything, a little faster than a faithful port would be.

/** HTML entities the renderer emits. */
function decode(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

const attribute = (attrs, name) => {
  const match = new RegExp(`\\b${name}="(\\d+)"`, 'i').exec(attrs);
  return match ? Number(match[1]) : 1;
};

/**
 * The report page as blocks: `{ kind: 'title' | 'heading' | 'paragraph', text }` and
 * `{ kind: 'table', columns, rows: [[{ text, rowSpan, colSpan, head }]] }`.
 */
export function htmlBlocks(html) {
  const body = html.replace(/<head>[\s\S]*?<\/head>/, '');
  const blocks = [];
  let text = null; // collecting a heading / paragraph / caption
  let textKind = '';
  let table = null;
  let row = null;
  let cell = null;
  for (const [, close, tag, attrs, chars] of body.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    if (chars !== undefined) {
      const value = decode(chars);
      if (cell) cell.text += value;
      else if (text !== null) text += value;
      continue;
    }
    const name = tag.toLowerCase();
    if (!close) {
      if (name === 'table') table = { kind: 'table', rows: [] };
      else if (name === 'tr' && table) row = [];
      else if ((name === 'td' || name === 'th') && row) {
        cell = {
          text: '',
          rowSpan: attribute(attrs, 'rowspan'),
          colSpan: attribute(attrs, 'colspan'),
          head: name === 'th',
        };
      } else if (/^(h[1-4]|p|caption)$/.test(name) && !cell) {
        text = '';
        textKind = name === 'h1' ? 'title' : name === 'p' ? 'paragraph' : 'heading';
      }
      continue;
    }
    if ((name === 'td' || name === 'th') && cell) {
      cell.text = cell.text.trim();
      row.push(cell);
      cell = null;
    } else if (name === 'tr' && row) {
      table.rows.push(row);
      row = null;
    } else if (name === 'table' && table) {
      table.columns = gridWidth(table.rows);
      blocks.push(table);
      table = null;
    } else if (/^(h[1-4]|p|caption)$/.test(name) && text !== null) {
      if (text.trim() !== '') blocks.push({ kind: textKind, text: text.trim() });
      text = null;
    }
  }
  return blocks;
}

/** Places spanning cells on a grid: per row, the columns its cells start at (rows below a rowspan are covered). */
function placements(rows) {
  const covered = [];
  return rows.map((row, r) => {
    covered[r] ??= new Set();
    let column = 0;
    return row.map((cell) => {
      while (covered[r].has(column)) column++;
      const at = column;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        covered[r + dr] ??= new Set();
        for (let dc = 0; dc < cell.colSpan; dc++) covered[r + dr].add(at + dc);
      }
      column += cell.colSpan;
      return at;
    });
  });
}

function gridWidth(rows) {
  const at = placements(rows);
  let width = 0;
  rows.forEach((row, r) => {
    row.forEach((cell, i) => {
      width = Math.max(width, at[r][i] + cell.colSpan);
    });
  });
  return width;
}

const MM = 72 / 25.4;

/** A pdfmake 0.3 document definition for the blocks (tables as full grids with rowSpan/colSpan placeholders). */
export function pdfmakeDocument(blocks) {
  const content = blocks.map((block) => {
    if (block.kind === 'title')
      return {
        text: block.text,
        font: 'Serif',
        bold: true,
        fontSize: 22,
        alignment: 'center',
        margin: [0, 0, 0, 16],
      };
    if (block.kind === 'heading')
      return { text: block.text, font: 'Sans', bold: true, fontSize: 16, lineHeight: 1.3 };
    if (block.kind === 'paragraph')
      return { text: block.text, fontSize: 16, lineHeight: 1.3, leadingIndent: 32 };
    const at = placements(block.rows);
    const grid = block.rows.map(() => Array.from({ length: block.columns }, () => ({})));
    block.rows.forEach((row, r) => {
      row.forEach((cell, i) => {
        grid[r][at[r][i]] = {
          text: cell.text,
          ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
          ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
          ...(cell.head ? { bold: true } : {}),
        };
      });
    });
    return {
      table: { widths: Array(block.columns).fill('*'), body: grid, dontBreakRows: true },
      fontSize: 10.5,
      margin: [0, 6, 0, 6],
    };
  });
  return {
    pageSize: 'A4',
    pageMargins: [28 * MM, 37 * MM, 26 * MM, 35 * MM],
    defaultStyle: { font: 'Serif', fontSize: 16 },
    footer: (page) => ({
      text: `— ${page} —`,
      fontSize: 14,
      alignment: page % 2 === 1 ? 'right' : 'left',
      margin: [28 * MM, 0, 26 * MM, 0],
    }),
    info: { title: blocks.find((b) => b.kind === 'title')?.text ?? '' },
    content,
  };
}

/** pdfmake's font table: the same files as @nianbao/pdf's body, bold and heading roles. */
export function pdfmakeFonts(sources) {
  return {
    Serif: {
      normal: sources.body,
      bold: sources.bodyBold,
      italics: sources.body,
      bolditalics: sources.bodyBold,
    },
    Sans: {
      normal: sources.heading,
      bold: sources.heading,
      italics: sources.heading,
      bolditalics: sources.heading,
    },
  };
}

/** Typst source for the blocks; every text goes in as a string literal, so nothing in it is read as markup. */
export function typstSource(blocks) {
  const str = (text) => JSON.stringify(text);
  const out = [
    '#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),',
    '  footer: context { let n = counter(page).get().first(); align(if calc.odd(n) { right } else { left }, text(size: 14pt)[— #n —]) })',
    '#set text(font: "Noto Serif SC", size: 16pt, lang: "zh")',
    '#set par(leading: 0.55em, first-line-indent: (amount: 2em, all: true))',
  ];
  for (const block of blocks) {
    if (block.kind === 'title')
      out.push(`#align(center, text(weight: "bold", size: 22pt, ${str(block.text)}))`);
    else if (block.kind === 'heading')
      out.push(`#text(font: "Noto Sans SC", weight: "bold", ${str(block.text)})`);
    else if (block.kind === 'paragraph') out.push(`#par(${str(block.text)})`);
    else {
      const cells = block.rows.flatMap((row) =>
        row.map((cell) => {
          const spans = [
            cell.rowSpan > 1 ? `rowspan: ${cell.rowSpan}` : '',
            cell.colSpan > 1 ? `colspan: ${cell.colSpan}` : '',
          ].filter(Boolean);
          const body = cell.head ? `text(weight: "bold", ${str(cell.text)})` : str(cell.text);
          return `table.cell(${[...spans, body].join(', ')})`;
        }),
      );
      out.push(
        `#[#set par(first-line-indent: 0em)\n#set text(size: 10.5pt)\n#table(columns: ${block.columns}, ${cells.join(', ')})]`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * A new report for each warm round: every narrative text gets the round's number and every table figure moves by a
 * round-dependent amount (blanks stay blank). A live server renders a different report each time; rendering one
 * report over and over would hand every renderer's caches (our kept text layouts, Typst's memo) the whole document.
 * The statute's labels and headings stay, as they do from report to report.
 */
export function distinctReport(report, round) {
  const copy = structuredClone(report);
  let step = round;
  const move = (node) => {
    for (const key of Object.keys(node)) {
      if (typeof node[key] === 'number') node[key] += step++ % 37;
      else if (node[key] && typeof node[key] === 'object') move(node[key]);
    }
  };
  for (const table of ['t2', 't3', 't4']) if (copy[table]) move(copy[table]);
  for (const list of Object.values(copy.sections ?? {}))
    for (const block of list) if (typeof block.text === 'string') block.text += `（第${round}轮）`;
  copy.preamble = (copy.preamble ?? []).map((text) => `${text}（第${round}轮）`);
  return copy;
}
