import { distance } from 'fastest-levenshtein';
import { PART_HEADINGS, type PartHeadingVariants } from './aliases.js';
import type { Line } from './document.js';
import { fold, labelCore, NUMERAL_CHAR, PART_NUMERAL_CHAR, spacedPattern } from './normalise.js';

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

const NUMBER = `(?:${NUMERAL_CHAR}\\s*[、.．,，]|第${PART_NUMERAL_CHAR}部分[:：]?)`;

/** A line that opens with a part's number (`四、`, `四.`). */
const NUMBERED_LINE = new RegExp(`^\\s*${NUMERAL_CHAR}\\s*[、.．,，]`);

/** A line that opens like any numbering: a numeral, a bracket or 第. */
const NUMBER_OPENS = new RegExp(`^\\s*(?:${NUMERAL_CHAR}|[（(第])`);

/** One pattern per part: optional numbering, then one of the part's phrases (any spacing). */
const PATTERNS: readonly { part: PartKey; inline: RegExp; start: RegExp }[] = PART_HEADINGS.map(
  (variants) => {
    const phrases = variants.phrases.map((phrase) => spacedPattern(fold(phrase))).join('|');
    return {
      part: variants.part,
      // Inside a line (run-together text): the numbering is required, so a list of the parts in the preamble
      // ("本报告包括总体情况、主动公开…") is not taken for headings.
      inline: new RegExp(`${PART_NUMERAL_CHAR}\\s*[、.．]\\s*(?:${phrases})`, 'g'),
      // At the start of a line: numbering optional (a `## 表二：…` line is not a heading: it has a prefix).
      start: new RegExp(`^\\s*(?:${NUMBER}\\s*)?(?:${phrases})`),
    };
  },
);

/** Each part's phrases as compared: folded, punctuation and spacing removed. */
const CORES: readonly { part: PartKey; cores: readonly string[] }[] = PART_HEADINGS.map((variants) => ({
  part: variants.part,
  cores: variants.phrases.map((phrase) => labelCore(phrase)),
}));

/** Markdown and bold decoration around a heading (`## `, `**…**`, `表二：` is not decoration). */
const DECORATION = /^\s*(?:#{1,6}\s*)?(?:\*\*|__)?|(?:\*\*|__)?\s*$/g;

/** Similarity of two label cores: 1 − edit distance ÷ the longer length. */
function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 0 : 1 - distance(a, b) / longer;
}

/**
 * A whole-line heading that the exact phrases miss (a typo such as 行政法复议, a reworded heading such as
 * 因政府信息公开工作被申请行政复议提起行政诉讼情况, another numbering such as 四、政府信息公开申请情况): matched
 * by edit distance on normalised text against the statute's phrases of the parts not yet found. The closest
 * part wins when it is clearly closest (0.1 ahead of the next); a numbered line needs similarity ≥ 0.55, an
 * unnumbered one ≥ 0.8, so row labels and ordinary sentences are never taken for headings.
 */
function similarPart(folded: string): PartKey | undefined {
  const bare = folded.replace(DECORATION, '');
  if (bare.length > 60) return undefined;
  const numbered = NUMBERED_LINE.test(bare);
  const core = labelCore(bare);
  if (core.length < 4) return undefined;
  let best: PartKey | undefined;
  let bestScore = 0;
  let second = 0;
  for (let p = 0; p < CORES.length; p++) {
    const { part, cores } = CORES[p] as (typeof CORES)[number];
    const score = Math.max(...cores.map((c) => similarity(core, c)));
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = part;
    } else if (score > second) second = score;
  }
  if (bestScore - second < 0.1) return undefined;
  return bestScore >= (numbered ? 0.55 : 0.8) ? best : undefined;
}

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
      const numbered = NUMBER_OPENS.test(folded);
      if (!numbered && folded.trim().length > match[0].trim().length + 2) continue;
      found.push({ part: pattern.part, index: i, heading: line.text.slice(0, match[0].length).trim() });
      order = p + 1;
      break;
    }
  }
  return withSimilar(lines, found);
}

/**
 * Adds the parts the exact phrases did not find, by similarity, each looked for only between the parts found
 * before and after it in statutory order: an exact heading always wins over a look-alike (a report's own
 * overview may have a sub-heading 四、政府信息公开申请情况 before the real 表三 heading).
 */
function withSimilar(lines: readonly Line[], exact: readonly PartStart[]): PartStart[] {
  const found = [...exact];
  for (let p = 0; p < PATTERNS.length; p++) {
    const part = (PATTERNS[p] as (typeof PATTERNS)[number]).part;
    if (found.some((f) => f.part === part)) continue;
    const rank = (key: PartKey): number => PATTERNS.findIndex((q) => q.part === key);
    const before = found.filter((f) => rank(f.part) < p);
    const after = found.filter((f) => rank(f.part) > p);
    const from = before.length > 0 ? Math.max(...before.map((f) => f.index)) + 1 : 0;
    const to = after.length > 0 ? Math.min(...after.map((f) => f.index)) : lines.length;
    for (let i = from; i < to; i++) {
      const line = lines[i] as Line;
      if (!candidate(line) || similarPart(fold(line.text)) !== part) continue;
      found.push({ part, index: i, heading: line.text.trim() });
      found.sort((a, b) => a.index - b.index);
      break;
    }
  }
  return found;
}
