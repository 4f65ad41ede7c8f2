import type { Block } from '@nianbao/model';
import { PAGE_NUMBER, RUN_IN_OPENERS } from './aliases.js';
import type { Line } from './document.js';
import { fold, NUMERAL } from './normalise.js';

const LEVEL2 = new RegExp(`^\\s*[(（]${NUMERAL}[)）]|^\\s*${NUMERAL}[)）]`);
const LEVEL3 = /^\s*\d{1,2}\s*[.、．](?!\d)/;
const LEVEL4 = /^\s*[(（]\d{1,2}[)）]/;

const TOP = new RegExp(`^\\s*${NUMERAL}\\s*、`);
const FURNITURE = /\s*(?:附件下载|打印本页|关闭窗口|【打印】|【关闭】|【字体：大 中 小】)\s*$/;

/** The heading level a numbered line opens (一、 （一） 1. （1）), or undefined for a line that is not numbered. */
export function headingLevel(text: string): 2 | 3 | 4 | undefined {
  const folded = fold(text);
  // A renumbered report (007) gives the overview's items top-level numbers: short such lines are headings.
  if (TOP.test(folded) && folded.trim().length <= 25 && !/[。；;]/.test(folded)) return 2;
  if (LEVEL2.test(folded)) return 2;
  if (LEVEL4.test(folded)) return 4;
  if (LEVEL3.test(folded)) return 3;
  return undefined;
}

/**
 * Splits a numbered text line into a heading and the paragraph after it: `（一）主动公开情况。2024 年…` →
 * heading `（一）主动公开情况`, paragraph `2024 年…`. A short numbered line is a heading on its own.
 */
function splitHeading(text: string, level: 2 | 3 | 4): Block[] {
  const trimmed = text.trim();
  const stop = /[。：:！？]/.exec(trimmed);
  if (trimmed.length <= 25 && (!stop || stop.index === trimmed.length - 1)) {
    return [{ type: 'heading', level, text: stop ? trimmed.slice(0, -1) : trimmed }];
  }
  if (!stop && trimmed.length <= 40) return [{ type: 'heading', level, text: trimmed }];
  const runIn = runInHeading(trimmed);
  if (runIn)
    return [
      { type: 'heading', level, text: runIn },
      { type: 'paragraph', text: trimmed.slice(runIn.length) },
    ];
  if (stop && stop.index <= 40) {
    // The stop stays with the heading, so the part's text is kept character for character.
    const heading = trimmed.slice(0, stop.index + 1);
    const rest = trimmed.slice(stop.index + 1).trim();
    const blocks: Block[] = [{ type: 'heading', level, text: heading }];
    if (rest) blocks.push({ type: 'paragraph', text: rest });
    return blocks;
  }
  return [{ type: 'paragraph', text: trimmed }];
}

const RUN_IN = new RegExp(
  `^([(（]${NUMERAL}[)）][^，,。；;：:]{2,10}[，,][^，,。；;：:]{2,12}?)(?=(\\S{2}))`,
);

/**
 * A run-in heading printed without punctuation: `（一）` + a short phrase, one comma, a short phrase, then a
 * word that opens a sentence (RUN_IN_OPENERS). Only used when no full stop or colon ends the heading.
 */
function runInHeading(text: string): string | undefined {
  const match = RUN_IN.exec(text);
  if (!match) return undefined;
  const head = match[1] as string;
  for (let end = head.length; end <= Math.min(text.length - 2, head.length + 10); end++) {
    if (/[，,。；;：:]/.test(text[end - 1] ?? '')) return undefined;
    if (RUN_IN_OPENERS.includes(text.slice(end, end + 2))) return text.slice(0, end);
  }
  return undefined;
}

/** Breaks a run-together line before inline （一） headings that follow the end of a sentence. */
function splitInline(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`(?<=[。；;！])\\s*(?=[(（]${NUMERAL}[)）])`, 'g');
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > from) out.push(text.slice(from, m.index));
    from = m.index + m[0].length;
    re.lastIndex = from + 1;
  }
  out.push(text.slice(from));
  return out.filter((t) => t.trim() !== '');
}

/**
 * The blocks of a narrative part. HTML lines keep their structure (a paragraph is a paragraph, a heading a
 * heading). Text lines are guessed: numbered lines are headings (split from the sentence they open), and
 * in `wrapped` text (pdftotext, PDF-to-markdown) consecutive lines join into one paragraph.
 */
export function narrativeBlocks(lines: readonly Line[], wrapped: boolean): Block[] {
  const blocks: Block[] = [];
  let open: { text: string } | undefined;
  for (const line of lines) {
    if (line.kind === 'heading' || line.kind === 'paragraph') {
      open = undefined;
      const level =
        headingLevel(line.text) ?? (line.kind === 'heading' ? headingFromTag(line.tag) : undefined);
      if (line.kind === 'heading') {
        blocks.push({ type: 'heading', level: level ?? 2, text: line.text });
      } else if (line.lead) {
        blocks.push({ type: 'paragraph', lead: line.lead, text: line.text.slice(line.lead.length).trim() });
      } else {
        blocks.push({ type: 'paragraph', text: line.text });
      }
      continue;
    }
    if (line.kind === 'row') {
      open = undefined;
      const text = (line.cells ?? []).filter((c) => c.trim() && c !== '\u2060').join(' ');
      if (text) blocks.push({ type: 'paragraph', text });
      continue;
    }
    if (line.text.trim() === '' || PAGE_NUMBER.test(line.text) || /^\s*\|?\s*:?-{3,}/.test(line.text)) {
      if (!wrapped) open = undefined;
      continue;
    }
    const clean = line.text.replace(FURNITURE, '');
    if (clean.trim() === '') continue;
    for (const piece of splitInline(clean)) {
      const level = headingLevel(piece);
      const indented = /^\s{2,}/.test(clean);
      if (level !== undefined) {
        const split = splitHeading(piece, level);
        for (const block of split) blocks.push(block);
        const last = split[split.length - 1];
        open = last?.type === 'paragraph' && wrapped ? (last as { text: string }) : undefined;
        continue;
      }
      const text = wrapped ? piece.trim() : piece.trim();
      if (wrapped && open && !indented) {
        open.text = joinWrapped(open.text, text);
        continue;
      }
      const paragraph: Block = { type: 'paragraph', text };
      blocks.push(paragraph);
      open = wrapped ? (paragraph as { text: string }) : undefined;
    }
  }
  return blocks;
}

function headingFromTag(tag: number | undefined): 2 | 3 | 4 {
  if (tag === undefined || tag <= 3) return 2;
  return tag === 4 ? 3 : 4;
}

/** Joins a wrapped line to its paragraph: no space between CJK characters, one between Latin words. */
function joinWrapped(before: string, after: string): string {
  const a = before.slice(-1);
  const b = after.slice(0, 1);
  const latin = /[A-Za-z0-9]/;
  return latin.test(a) && latin.test(b) ? `${before} ${after}` : `${before}${after}`;
}

/** A part's blocks as one string (for comparing starts and ends). */
export function blocksText(blocks: readonly Block[] | undefined): string {
  return (blocks ?? []).map((b) => (b.type === 'paragraph' && b.lead ? b.lead + b.text : b.text)).join('\n');
}
