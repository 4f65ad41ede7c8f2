import { isBlankMark, type Report } from '@nianbao/model';
import { renderReportHtml } from '@nianbao/react/server';
import { Converter } from 'opencc-js/cn2t';
import { COVERED } from '../document.js';
import { htmlLines } from '../html.js';

/*
 * Layouts the readers were not written against, generated from a report: its page (renderReportHtml) read into
 * blocks (headings, paragraphs, table rows with covered positions), then written out again as text the way
 * converters, portals and copy-paste print these reports. Each class is a transformation of the whole document,
 * never a particular file, so a class that fails points at a cause.
 */

/** A grid position a merged cell covers (written as an empty cell by TAB layouts, left out by the others). */
const COVER = '\u0000';

/** A report's page as blocks: text blocks, and tables as rows of cells (COVER for a covered grid position). */
type DocBlock = { kind: 'heading' | 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

/** The blocks of a report's page (renderReportHtml), tables as grids with their covered positions marked. */
export function documentBlocks(report: Report): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const line of htmlLines(renderReportHtml(report))) {
    if (line.kind === 'row') {
      // A blank cell is printed with a hidden 空白 for screen readers: here it is empty, each layout writes its own.
      const cells = (line.cells ?? line.text.split('\t')).map((c) =>
        c === COVERED ? COVER : isBlankMark(c.trim()) ? '' : c.trim(),
      );
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'table') last.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
    } else if (line.text.trim() !== '') {
      blocks.push({ kind: line.kind === 'heading' ? 'heading' : 'paragraph', text: line.text.trim() });
    }
  }
  return blocks;
}

/** A part heading of the report (一、 … 六、), as opposed to a sub-heading or a paragraph. */
const PART = /^[一二三四五六]、/;
const PART_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** Writes blocks as text: headings and paragraphs one per line, each table by `table`. */
function write(blocks: readonly DocBlock[], table: (rows: string[][], index: number) => string[]): string {
  const out: string[] = [];
  let index = 0;
  for (const block of blocks) {
    if (block.kind === 'table') out.push(...table(block.rows, index++));
    else out.push(block.text);
  }
  return `${out.join('\n')}\n`;
}

/** Rows as TAB-separated text: a covered position is an empty cell (as Word and Excel copy them). */
const tsv = (rows: string[][]): string[] => rows.map((r) => r.map((c) => (c === COVER ? '' : c)).join('\t'));

/** A row's cells without the positions merged cells cover (one-cell-per-line layouts print only cells). */
const uncovered = (row: string[]): string[] => row.filter((c) => c !== COVER);

const mapText = (blocks: readonly DocBlock[], f: (text: string, block: DocBlock) => string): DocBlock[] =>
  blocks.map((b) => (b.kind === 'table' ? b : { ...b, text: f(b.text, b) }));

const mapLabels = (blocks: readonly DocBlock[], f: (cell: string) => string): DocBlock[] =>
  blocks.map((b) =>
    b.kind === 'table'
      ? {
          kind: 'table',
          rows: b.rows.map((row) => row.map((c) => (/\d/.test(c) && !/[\u4e00-\u9fff]/.test(c) ? c : f(c)))),
        }
      : b,
  );

const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** One class of layout: its name and how a report's blocks are written in it. */
export interface LayoutVariant {
  name: string;
  write: (blocks: readonly DocBlock[]) => string;
}

/** The variant classes, each a whole-document transformation. */
export const LAYOUT_VARIANTS: readonly LayoutVariant[] = [
  {
    name: 'markdown: ## headings, pipe tables cut every 4 rows',
    write: (blocks) =>
      write(
        mapText(blocks, (t, b) => (b.kind === 'heading' && PART.test(t) ? `## ${t}` : t)),
        (rows) => {
          const out: string[] = [];
          rows.forEach((row, i) => {
            if (i % 4 === 0) {
              if (i > 0) out.push('');
              out.push(...tsv([row]).map((r) => `| ${r.split('\t').join(' | ')} |`));
              out.push(`|${row.map(() => '---').join('|')}|`);
            } else out.push(...tsv([row]).map((r) => `| ${r.split('\t').join(' | ')} |`));
          });
          return out;
        },
      ),
  },
  {
    name: '表N： captions and **bold** part headings, TAB rows',
    write: (blocks) =>
      write(
        mapText(blocks, (t, b) => (b.kind === 'heading' && PART.test(t) ? `**${t}**` : t)),
        (rows, i) => [`表${'二三四'[i] ?? ''}：`, ...tsv(rows)],
      ),
  },
  {
    name: 'Arabic part numbers (2. / 3、), TAB rows',
    write: (blocks) =>
      write(
        mapText(blocks, (t, b) =>
          b.kind === 'heading' && PART.test(t)
            ? `${PART_NUMBER[t[0] as string]}${(PART_NUMBER[t[0] as string] ?? 0) % 2 ? '、' : '.'}${t.slice(2)}`
            : t,
        ),
        tsv,
      ),
  },
  {
    name: 'half-width brackets in headings and labels, TAB rows',
    write: (blocks) => {
      const half = (t: string): string => t.replace(/（/g, '(').replace(/）/g, ')');
      return write(mapLabels(mapText(blocks, half), half), tsv);
    },
  },
  {
    name: 'brackets dropped from labels and headings, TAB rows',
    write: (blocks) => {
      const none = (t: string): string =>
        t.replace(/^（([一二三四五六七八九十]+)）/, '$1、').replace(/[（）]/g, '');
      return write(mapLabels(mapText(blocks, none), none), tsv);
    },
  },
  {
    name: 'traditional characters, TAB rows',
    write: (blocks) => toTraditional(write(blocks, tsv)),
  },
  {
    name: 'one cell per line, empty cells as empty lines',
    write: (blocks) => write(blocks, (rows) => rows.flatMap(uncovered)),
  },
  {
    name: 'one cell per line, empty cells as /',
    write: (blocks) => write(blocks, (rows) => rows.flatMap((r) => uncovered(r).map((c) => c || '/'))),
  },
  {
    name: 'one cell per line, empty cells as —',
    write: (blocks) => write(blocks, (rows) => rows.flatMap((r) => uncovered(r).map((c) => c || '—'))),
  },
  {
    name: 'cells separated by blank lines',
    write: (blocks) => write(blocks, (rows) => rows.flatMap((r) => uncovered(r).flatMap((c) => [c, '']))),
  },
  {
    name: 'TAB rows whose merged leading cells are empty',
    write: (blocks) => write(blocks, tsv),
  },
];

/** A one-character edit (swap with the next, drop, or add a character) at `at` in `text`. */
export function typo(text: string, at: number, kind: 'swap' | 'drop' | 'add'): string {
  const chars = [...text];
  const i = Math.min(Math.max(0, at), chars.length - 1);
  if (kind === 'drop') chars.splice(i, 1);
  else if (kind === 'add') chars.splice(i, 0, chars[i] === '的' ? '之' : '的');
  else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
  return chars.join('');
}

/** The blocks with one table row label (a non-number cell) or one part heading changed by `edit`. */
export function editOne(
  blocks: readonly DocBlock[],
  pick: number,
  edit: (text: string) => string,
): { blocks: DocBlock[]; edited: string } {
  const targets: { block: number; row?: number; col?: number }[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'table')
      b.rows.forEach((row, r) => {
        row.forEach((c, k) => {
          if (/[\u4e00-\u9fff]{2,}/.test(c)) targets.push({ block: i, row: r, col: k });
        });
      });
    else if (b.kind === 'heading' && PART.test(b.text)) targets.push({ block: i });
  });
  const target = targets[pick % targets.length] as { block: number; row?: number; col?: number };
  const out = blocks.map((b) =>
    b.kind === 'table' ? { kind: 'table' as const, rows: b.rows.map((r) => [...r]) } : { ...b },
  );
  const block = out[target.block] as DocBlock;
  let edited: string;
  if (block.kind === 'table') {
    const row = block.rows[target.row as number] as string[];
    edited = row[target.col as number] as string;
    row[target.col as number] = edit(edited);
  } else {
    edited = block.text;
    block.text = edit(block.text);
  }
  return { blocks: out, edited };
}

/** The part of the blocks from one part heading to the next (a web excerpt holding one table). */
export function excerpt(blocks: readonly DocBlock[], part: string): DocBlock[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith(part));
  if (start < 0) return [];
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && PART.test(b.text));
  return blocks.slice(start, end < 0 ? undefined : end);
}

/** Blocks written as TAB rows (the plain copy of a page). */
export function tabText(blocks: readonly DocBlock[]): string {
  return write(blocks, tsv);
}

/** One choice per axis of a composed layout: how part headings, labels, characters and tables are written. */
export interface LayoutChoice {
  headings: 'plain' | 'markdown' | 'bold' | 'arabic';
  brackets: 'full' | 'half' | 'none';
  traditional: boolean;
  tables: 'tsv' | 'pipe' | 'cell-per-line' | 'blank-separated' | 'slash';
  /** Whether the title is printed; without it the year and agency are only in the body's sentences. */
  title: boolean;
}

/** A document written with one choice on every axis at once (the classes above, combined). */
export function composedLayout(blocks: readonly DocBlock[], choice: LayoutChoice): string {
  const heading = (t: string): string => {
    if (!PART.test(t)) return t;
    if (choice.headings === 'markdown') return `## ${t}`;
    if (choice.headings === 'bold') return `**${t}**`;
    if (choice.headings === 'arabic') return `${PART_NUMBER[t[0] as string]}.${t.slice(2)}`;
    return t;
  };
  const bracket = (t: string): string =>
    choice.brackets === 'half'
      ? t.replace(/（/g, '(').replace(/）/g, ')')
      : choice.brackets === 'none'
        ? t.replace(/^（([一二三四五六七八九十]+)）/, '$1、').replace(/[（）]/g, '')
        : t;
  const titled = choice.title ? blocks : blocks.filter((b, i) => !(i === 0 && b.kind === 'heading'));
  const shaped = mapLabels(
    mapText(titled, (t, b) => bracket(b.kind === 'heading' ? heading(t) : t)),
    bracket,
  );
  const table = (rows: string[][]): string[] => {
    switch (choice.tables) {
      case 'pipe':
        return tsv(rows).map((r) => `| ${r.split('\t').join(' | ')} |`);
      case 'cell-per-line':
        return rows.flatMap(uncovered);
      case 'blank-separated':
        return rows.flatMap((r) => uncovered(r).flatMap((c) => [c, '']));
      case 'slash':
        return rows.flatMap((r) => uncovered(r).map((c) => c || '/'));
      default:
        return tsv(rows);
    }
  };
  const text = write(shaped, table);
  return choice.traditional ? toTraditional(text) : text;
}
