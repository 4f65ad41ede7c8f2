import { PART_HEADINGS, type PartHeadingVariants } from './aliases.js';
import type { Line } from './document.js';
import { fold, spacedPattern } from './normalise.js';

/** A report part as the importer knows it. */
export type PartKey = PartHeadingVariants['part'];

/** Where a part starts: the line of its heading and what the heading said. */
export interface PartStart {
  readonly part: PartKey;
  /** Index into the lines; the heading is the start of that line. */
  readonly index: number;
  /** The heading as printed. */
  readonly heading: string;
}

const NUMBER = '(?:[一二三四五六七八九十]\\s*[、.．,，]|第[一二三四五六七]部分[:：]?)';

/** One pattern per part: optional numbering, then one of the part's phrases (any spacing). */
const PATTERNS: readonly { part: PartKey; inline: RegExp; start: RegExp }[] = PART_HEADINGS.map(
  (variants) => {
    const phrases = variants.phrases.map((phrase) => spacedPattern(fold(phrase))).join('|');
    return {
      part: variants.part,
      // Inside a line (run-together text): the numbering is required, so a list of the parts in the preamble
      // ("本报告包括总体情况、主动公开…") is not taken for headings.
      inline: new RegExp(`[一二三四五六七]\\s*[、.．]\\s*(?:${phrases})`, 'g'),
      // At the start of a line: numbering optional (a `## 表二：…` line is not a heading: it has a prefix).
      start: new RegExp(`^\\s*(?:${NUMBER}\\s*)?(?:${phrases})`),
    };
  },
);

/**
 * Breaks text lines before part headings that sit in the middle of a line (a page whose text was copied
 * as one paragraph), so every heading starts a line. HTML lines are left as they are.
 */
export function splitInlineHeadings(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    if (line.kind !== 'text' || line.text.length < 40) {
      out.push(line);
      continue;
    }
    const folded = fold(line.text);
    const cuts = new Set<number>();
    for (const { inline } of PATTERNS) {
      inline.lastIndex = 0;
      for (let m = inline.exec(folded); m; m = inline.exec(folded)) {
        // Not a heading when it continues a Chinese numeral list inside a row label (三、本年度… is not a part).
        if (m.index > 0) cuts.add(m.index);
      }
    }
    if (cuts.size === 0) {
      out.push(line);
      continue;
    }
    let from = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      out.push({ ...line, text: line.text.slice(from, cut) });
      from = cut;
    }
    out.push({ ...line, text: line.text.slice(from) });
  }
  return out;
}

/** Whether a line can be a part heading at all (headings are short, or begin a run-together line). */
function candidate(line: Line): boolean {
  if (line.kind === 'row') return false;
  return true;
}

/**
 * The start of each part found, in report order. Parts are taken greedily in statutory order: the first
 * heading of each part after the previous part's heading. A part whose heading is missing is absent.
 */
export function findParts(lines: readonly Line[]): PartStart[] {
  const found: PartStart[] = [];
  let order = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!candidate(line)) continue;
    const folded = fold(line.text);
    for (let p = order; p < PATTERNS.length; p++) {
      const pattern = PATTERNS[p] as (typeof PATTERNS)[number];
      const match = pattern.start.exec(folded);
      if (!match) continue;
      // A heading line is the heading, or the heading followed by text (run-together); a long line that
      // merely starts with the phrase ("总体情况良好…") is not one unless it is numbered.
      const numbered = /^\s*[一二三四五六七八九十（(第]/.test(folded);
      if (!numbered && folded.trim().length > match[0].trim().length + 2) continue;
      found.push({ part: pattern.part, index: i, heading: line.text.slice(0, match[0].length).trim() });
      order = p + 1;
      break;
    }
  }
  return found;
}
