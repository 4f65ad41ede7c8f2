/*
 * Reading numbers out of the narrative. Each pattern ties a keyword to a number and its unit within one
 * clause (no 。；， or line break in between), so that nearby numbers about other things are not read:
 * 「收到留言94条」 has no 申请 and the unit 条; 「依申请公开文件 51 件」 has no 收到/受理 verb;
 * 「公开 2021 年三公经费」 is not in a statistics-period clause. All patterns are compiled once.
 */

/** A number in the text: Arabic digits, or Chinese numerals such as 三, 十二, 一百零五. */
const NUM = '(\\d+|[零〇一二两三四五六七八九十百千]+)';
/** The units applications and cases are counted in. */
const UNIT = '\\s*(?:件|宗|份)';
/** What may sit between a keyword and its number without leaving the clause. */
const GAP = '[^\\d\\n。；;，,：:！？!?]';
/** The rest of a clause after a number. */
const REST = '[^\\n。；;，,！？!?]';

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Parses Arabic digits or a Chinese numeral (up to 万). */
export function parseNumber(token: string): number {
  const first = token.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    let n = 0;
    for (let i = 0; i < token.length; i++) n = n * 10 + (token.charCodeAt(i) - 0x30);
    return n;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of token) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = CN_UNITS[ch];
    if (unit !== undefined) {
      section += (digit === 0 ? 1 : digit) * unit;
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** The text of narrative blocks, one line per block (a bold lead-in joined to its paragraph). */
export function blocksText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  let text = '';
  for (const block of blocks) {
    if (typeof block !== 'object' || block === null) continue;
    const { lead, text: body } = block as { lead?: unknown; text?: unknown };
    if (typeof lead === 'string') text += lead;
    if (typeof body === 'string') text += body;
    text += '\n';
  }
  return text;
}

/** A number quoted in the text; the phrase is `text.slice(at, end)` (sliced only for a message). */
export interface Quote {
  /** Where the phrase starts in the scanned text. */
  readonly at: number;
  /** Where it ends. */
  readonly end: number;
  readonly value: number;
}

/** A quoted number of applications received. */
export interface ReceivedQuote extends Quote {
  /** Said with 新收: it can only mean 一. Otherwise (收到, 受理) it may mean 一 or 一 + 二. */
  readonly strict: boolean;
}

/** A quoted number tied to one of several keywords (outcome categories, 复议/诉讼). */
export interface KeyedQuote extends Quote {
  readonly key: number;
}

/** A claim that there were none: of applications, of 行政复议, or of 行政诉讼. */
export interface NoneClaim {
  readonly at: number;
  readonly text: string;
  readonly kind: 'applications' | 'review' | 'litigation';
}

/** Words that make a 收到/受理 phrase about something other than this year's total of applications. */
const RECEIVED_EXCLUDE =
  /较|比|同比|环比|增|减|上年|去年|上一年|结转|其中|自然人|法人|企业|机构|组织|留言|咨询|来信|来电|投诉|信访|复议|诉讼|办结|答复|回复/;
/** With no 申请 between verb and number, only these connectors may stand there (「共收到 12 件」). */
const BARE_GAP = /^(?:共|共计|合计|总计|各类|了|到)*$/;
const CLOSERS = /[\s）)」”'"]/g;
/** Words that make a 结转 phrase a sub-count (「其中自然人 3 件」) or a comparison. */
const SUB_COUNT_EXCLUDE = /较|比|增|减|其中|自然人|法人|企业|机构|组织|办结|答复/;
/** Where carried-forward applications go: 下年度, 下一年, 次年, 明年, or a named year (「结转至2025年」). */
const NEXT_YEAR = '(?:下一?年度?|次年|明年|\\d{4}\\s*年度?)';
const CASE_ONLY_UNITS = new Set(['起', '个']);
const NUMERAL = /[\d零〇一二两三四五六七八九十百千]/;

/*
 * The scan. One global regex finds the keywords (a regex call per match dominates the cost, so the text is
 * scanned once); at each keyword a sticky pattern reads what follows it (「收到…申请 N 件」, 「予以公开 N 件」),
 * and, where that fails, an end-anchored pattern reads a number just before it (「16 件结转至2024年」,
 * 「40 件予以公开」). A number read after a keyword is not read again before the next one.
 */
/*
 * The fixed words the scanner looks for, by class: the only place they are listed. The keyword pattern is
 * built from these lists and a matched word is classified by looking it up in the same lists, so a word added
 * here is both found and classified (nothing decides by a word's first character).
 */
/** Verbs of receiving applications: the number after them is 一 (or 一 + 二, see `ReceivedQuote.strict`). */
const VERBS: readonly string[] = ['收到', '受理', '新收', '接收', '接到'];
/** A verb with this word just before it is negated (「未收到」, 「没收到」, 「没有受理」): not a count. */
const VERB_NEGATORS: readonly string[] = ['未', '没', '没有'];
/** The words of applications carried over from last year (二). */
const CARRIED_OVER_WORDS: readonly string[] = ['上年结转', '上一年结转', '上年度结转', '上一年度结转'];
/** The words of applications carried forward (四); 转入 is read only before a count (「3 件转入下年度」). */
const CARRIED_FORWARD_WORDS: readonly string[] = ['结转', '转入'];
/** Words opening a claim that there were none (「未收到申请」, 「无行政复议」). */
const NEGATIONS: readonly string[] = ['未', '没有', '无'];
const VERB_TAIL = new RegExp(`(${GAP}{0,30}?)${NUM}${UNIT}`, 'y');
/** The rest of the clause after a bare 「收到 N 件」 (up to 20 characters). */
const REST_OF_CLAUSE = new RegExp(`${REST}{0,20}`, 'y');
const OVER_TAIL = new RegExp(`(?:的|至本年度?|到本年度?)?(${GAP}{0,20}?)${NUM}${UNIT}`, 'y');
const FORWARD_TAIL = new RegExp(
  `(?:至|到|入)?${NEXT_YEAR}(?:继续)?(?:办理)?(?:的)?(${GAP}{0,12}?)${NUM}${UNIT}`,
  'y',
);
/** After 「N 件结转」: where to (or nothing more in the clause). */
const FORWARD_REVERSED_TAIL = new RegExp(
  `(?:至|到|入)?(?:${NEXT_YEAR}|(?=继续办理|[，,。；;）)\\n]|$))`,
  'y',
);
const KEYED_TAIL = new RegExp(
  `(?:的|类)?(?:案件|案|申请|事项|决定|答复)?(?:共|共计|合计)?(?:为)?\\s*${NUM}\\s*(件|宗|份|起|个)`,
  'y',
);
/** A count just before a keyword: 「N 件(申请)(为|需|被|予以…)」 at the end of the text before it. */
const COUNT_BEFORE = new RegExp(
  `(?<![\\d零〇一二两三四五六七八九十百千])${NUM}\\s*(件|宗|份|起|个)(?:申请)?(?:为|系|属|需|将|已|被|予以|作出|被作出|予以作出)?$`,
);
const APP_NONE = /(?:未|没有)(?:收到|接到|受理|新收)([^\n。；;，,]{0,20}?)申请(?!人)/y;
const CASE_NONE =
  /(?:(?:未|没有)(?:发生|产生|出现|收到|接到|涉及|被提起|提起|有)|无)([^\n。；;，,]{0,30}?)(?:行政复议|行政诉讼)/y;
const CLAUSE_END = /[\n。；;，,]/;
const COUNTED = /\d|[一二两三四五六七八九十]\s*(?:件|宗|份)/;

function clauseFrom(text: string, at: number): string {
  const rest = text.slice(at, at + 80);
  const end = rest.search(CLAUSE_END);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Everything the count rules read from parts 一 and 六. */
export interface NarrativeCounts {
  readonly received: ReceivedQuote[];
  readonly carriedOver: Quote[];
  readonly carriedForward: Quote[];
  /** Quotes of `keywords[key]` (outcome categories, 行政复议, 行政诉讼). */
  readonly keyed: KeyedQuote[];
  readonly claims: NoneClaim[];
}

/** Keyword classes other than a keyed category (whose class is its index in `keywords`). */
const VERB = -2;
const OVER = -3;
const FORWARD = -4;
const NEGATION = -5;

/** The scanner's fixed words by class, for tests that check every listed word is found and classified. */
export const SCANNER_WORDS: {
  readonly verbs: readonly string[];
  readonly carriedOver: readonly string[];
  readonly carriedForward: readonly string[];
  readonly negations: readonly string[];
} = {
  verbs: VERBS,
  carriedOver: CARRIED_OVER_WORDS,
  carriedForward: CARRIED_FORWARD_WORDS,
  negations: NEGATIONS,
};

/** Every fixed word and its class, from the word lists above. */
const FIXED_WORDS: ReadonlyMap<string, number> = new Map([
  ...VERBS.map((word) => [word, VERB] as const),
  ...CARRIED_OVER_WORDS.map((word) => [word, OVER] as const),
  ...CARRIED_FORWARD_WORDS.map((word) => [word, FORWARD] as const),
  ...NEGATIONS.map((word) => [word, NEGATION] as const),
]);

/** The scanner of one keyword list: its pattern and each matched word's class. */
interface KeywordScanner {
  readonly keywords: readonly string[];
  readonly key: string;
  readonly re: RegExp;
  readonly classOf: ReadonlyMap<string, number>;
}

let keywordCache: KeywordScanner | undefined;

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The keyword scanner for a keyword list, compiled once (callers pass the same list every time). A keyed
 * category that is also a fixed word would be read twice over: that is a programming error and throws.
 */
function keywordScanner(keywords: readonly string[]): KeywordScanner {
  if (keywordCache?.keywords === keywords) return keywordCache;
  const key = keywords.join('|');
  if (keywordCache?.key === key) {
    keywordCache = { ...keywordCache, keywords };
    return keywordCache;
  }
  const classOf = new Map(FIXED_WORDS);
  keywords.forEach((word, index) => {
    if (classOf.has(word)) throw new Error(`narrative keyword ${word} is also a fixed word of the scanner`);
    classOf.set(word, index);
  });
  // Longer words first, so 无法提供 is one keyword and not 无 + 法提供, 上年结转 not 结转.
  const words = [...classOf.keys()].sort((a, b) => b.length - a.length).map(escapeWord);
  keywordCache = { keywords, key, re: new RegExp(words.join('|'), 'g'), classOf };
  return keywordCache;
}

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/**
 * Reads the counted phrases and the none-claims of `text`. `keywords` are the keyed categories; those in
 * `caseKeywords` may also be counted in 起/个.
 */
export function scanNarrative(
  text: string,
  keywords: readonly string[],
  caseKeywords: readonly string[] = [],
): NarrativeCounts {
  const out: NarrativeCounts = { received: [], carriedOver: [], carriedForward: [], keyed: [], claims: [] };
  const { re, classOf } = keywordScanner(keywords);
  /** End of the last number read after a keyword: a reversed form may not read it again. */
  let readUntil = 0;
  /** End of the clause of the last 复议/诉讼 none-claim: one claim per clause. */
  let caseClaimUntil = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const resume = re.lastIndex;
    const kind = classOf.get(word) as number;
    if (kind >= 0) {
      const keyed = kind;
      const tail = stickyAt(KEYED_TAIL, text, end);
      const unit = tail?.[2] ?? '';
      const caseUnitOk = !CASE_ONLY_UNITS.has(unit) || caseKeywords.includes(word);
      if (tail && caseUnitOk) {
        readUntil = KEYED_TAIL.lastIndex;
        out.keyed.push({
          at: start,
          end: readUntil,
          value: parseNumber(tail[1] ?? ''),
          key: keyed,
        });
      } else {
        const before = countBefore(text, start, readUntil);
        if (before && (!CASE_ONLY_UNITS.has(before.unit) || caseKeywords.includes(word))) {
          out.keyed.push({
            at: before.at,
            end: end,
            value: before.value,
            key: keyed,
          });
        }
      }
    } else if (kind === VERB) {
      const negated = VERB_NEGATORS.some(
        (negator) => start >= negator.length && text.startsWith(negator, start - negator.length),
      );
      const tail = negated ? null : stickyAt(VERB_TAIL, text, end);
      if (tail && acceptReceived(tail[1] ?? '', text, VERB_TAIL.lastIndex)) {
        readUntil = VERB_TAIL.lastIndex;
        const gap = tail[1] ?? '';
        out.received.push({
          at: start,
          end: readUntil,
          value: parseNumber(tail[2] ?? ''),
          strict: word === '新收' || gap.includes('新收'),
        });
      }
    } else if (kind === OVER) {
      const tail = stickyAt(OVER_TAIL, text, end);
      if (tail && !SUB_COUNT_EXCLUDE.test(tail[1] ?? '')) {
        readUntil = OVER_TAIL.lastIndex;
        out.carriedOver.push({
          at: start,
          end: readUntil,
          value: parseNumber(tail[2] ?? ''),
        });
      } else {
        const before = countBefore(text, start, readUntil);
        if (before && !CASE_ONLY_UNITS.has(before.unit)) {
          out.carriedOver.push({ at: before.at, end: end, value: before.value });
        }
      }
    } else if (kind === FORWARD) {
      const tail = word === '转入' ? null : stickyAt(FORWARD_TAIL, text, end);
      if (tail && !SUB_COUNT_EXCLUDE.test(tail[1] ?? '')) {
        readUntil = FORWARD_TAIL.lastIndex;
        out.carriedForward.push({
          at: start,
          end: readUntil,
          value: parseNumber(tail[2] ?? ''),
        });
      } else if (stickyAt(FORWARD_REVERSED_TAIL, text, end)) {
        const before = countBefore(text, start, readUntil);
        if (before && !CASE_ONLY_UNITS.has(before.unit)) {
          const to = Math.max(end, FORWARD_REVERSED_TAIL.lastIndex);
          out.carriedForward.push({ at: before.at, end: to, value: before.value });
        }
      }
    } else if (kind === NEGATION) {
      // 未 / 没有 / 无: a claim that there were no applications, or no 行政复议 / 行政诉讼.
      const app = stickyAt(APP_NONE, text, start);
      if (app && !/复议|诉讼/.test(app[1] ?? '')) {
        const clause = clauseFrom(text, start);
        // 「尚未受理的申请 3 件」 counts applications; it does not claim there were none.
        if (!COUNTED.test(clause)) out.claims.push({ at: start, text: clause, kind: 'applications' });
      }
      const cases =
        start >= caseClaimUntil && !text.startsWith('无法', start) ? stickyAt(CASE_NONE, text, start) : null;
      if (cases) {
        const clause = clauseFrom(text, start);
        if (clause.includes('复议')) out.claims.push({ at: start, text: clause, kind: 'review' });
        if (clause.includes('诉讼')) out.claims.push({ at: start, text: clause, kind: 'litigation' });
        caseClaimUntil = start + clause.length;
      }
    }
    re.lastIndex = resume;
  }
  return out;
}

/** The bare-verb and exclusion rules of a 「收到/受理…N 件」 phrase ending at `end`. */
function acceptReceived(gap: string, text: string, end: number): boolean {
  if (RECEIVED_EXCLUDE.test(gap)) return false;
  if (gap.includes('申请')) return true;
  if (!BARE_GAP.test(gap.replace(/\s/g, ''))) return false;
  // A bare 「收到 N 件」 counts applications only if nothing else is named after it in the clause.
  const rest = (stickyAt(REST_OF_CLAUSE, text, end)?.[0] ?? '').replace(CLOSERS, '');
  return rest === '' || rest.includes('申请');
}

/** A count 「N 件」 ending right before `at` (connectors allowed), not overlapping what was already read. */
function countBefore(
  text: string,
  at: number,
  readUntil: number,
): { at: number; value: number; unit: string } | undefined {
  const from = Math.max(readUntil, at - 16);
  if (from >= at) return undefined;
  const m = COUNT_BEFORE.exec(text.slice(from, at));
  // The lookbehind cannot see past the slice: a number cut at its start is not a number.
  if (!m || (m.index === 0 && from > 0 && NUMERAL.test(text[from - 1] ?? ''))) return undefined;
  return { at: from + m.index, value: parseNumber(m[1] ?? ''), unit: m[2] ?? '' };
}

const PERIOD_CLAUSE = /统计|期限|时限|时段|期间|数据/;
const FULL_DATE = /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/g;
const YEAR_OF_REPORT = /((?:19|20)\d{2})\s*年度/g;
const TITLE_YEAR = /((?:19|20)\d{2})\s*年/g;

function yearsIn(re: RegExp, text: string, into: number[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) into.push(Number(m[1]));
}

function endsSentence(code: number): boolean {
  return code === 0x3002 /* 。 */ || code === 0xff1b /* ； */ || code === 0x3b /* ; */ || code === 0x0a;
}

/**
 * The sentences of a paragraph (split at 。；; and line breaks), found in one pass, each tested against
 * PERIOD_CLAUSE at most once: `at` is asked in increasing order within one pass over the matches, so the whole
 * lookup is linear in the paragraph however many dates one sentence holds.
 */
class Sentences {
  private readonly ends: number[] = [];
  private readonly period: (boolean | undefined)[] = [];
  private cursor = 0;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (endsSentence(text.charCodeAt(i))) this.ends.push(i);
    this.ends.push(text.length);
  }

  /** Starts another pass over the matches (from the paragraph's start). */
  rewind(): void {
    this.cursor = 0;
  }

  /** The index of the sentence holding position `at` (not before the last one asked in this pass). */
  private indexAt(at: number): number {
    while ((this.ends[this.cursor] as number) < at) this.cursor++;
    return this.cursor;
  }

  /** Whether the sentence at `at` speaks of the statistics period (统计/期限/数据…). */
  isPeriod(at: number): boolean {
    const i = this.indexAt(at);
    let cached = this.period[i];
    if (cached === undefined) {
      cached = PERIOD_CLAUSE.test(this.sentence(i));
      this.period[i] = cached;
    }
    return cached;
  }

  /** The text of the sentence at `at`. */
  textAt(at: number): string {
    return this.sentence(this.indexAt(at));
  }

  private sentence(i: number): string {
    const start = i === 0 ? 0 : (this.ends[i - 1] as number) + 1;
    return this.text.slice(start, this.ends[i]);
  }
}

/**
 * The years of the statistics period stated in the preamble: full dates (YYYY年M月D日), or 「YYYY年度」,
 * in sentences that speak of 统计/期限/数据. Other years (「公开 2021 年三公经费」) are not a period.
 */
export function periodYears(preamble: unknown): { years: number[]; text: string } {
  const years: number[] = [];
  let text = '';
  if (!Array.isArray(preamble)) return { years, text };
  for (const paragraph of preamble) {
    if (typeof paragraph !== 'string' || !PERIOD_CLAUSE.test(paragraph)) continue;
    const sentences = new Sentences(paragraph);
    for (const re of [FULL_DATE, YEAR_OF_REPORT]) {
      sentences.rewind();
      re.lastIndex = 0;
      for (let m = re.exec(paragraph); m !== null; m = re.exec(paragraph)) {
        if (!sentences.isPeriod(m.index)) continue;
        years.push(Number(m[1]));
        if (text === '') text = sentences.textAt(m.index).trim();
      }
      // Full dates name the period when present; 「YYYY年度」 is the fallback.
      if (years.length > 0) break;
    }
  }
  return { years, text };
}

/** The years a title names (「…2024年政府信息公开工作年度报告」). */
export function titleYears(title: string): number[] {
  const years: number[] = [];
  yearsIn(TITLE_YEAR, title, years);
  return years;
}

/** Whether a part's text says nothing: empty, or a bare 无 / 暂无 / 没有. */
export function isBareNone(text: string): boolean {
  if (text.length > 16) return false;
  const core = text.replace(/[\s。.，,；;：:！!、/—-]/g, '');
  return core === '' || core === '无' || core === '暂无' || core === '没有';
}

/*
 * How a report states its 信息处理费 (国办函〔2020〕109号): by name (信息处理费, 处理费) or as the fact of charging,
 * which part 六 is where the statute puts it: 「未发生收费情况」「未发生政府信息公开收费事项」「收取政府信息公开信息处理费
 * 3940 元」「未收取任何费用」. So 收费 anywhere in the part, or 收取 followed within a clause by 费. A clause stops at
 * sentence or clause punctuation, so 「收取群众意见，经费…」 is not a fee statement.
 */
const FEE_STATEMENT = /处理费|收费|收取[^。；;！!？?\n]{0,12}?费/;

/** Whether narrative blocks (part 六) state the 信息处理费: by name, or as charging or not charging fees. */
export function mentionsFee(blocks: unknown): boolean {
  if (!Array.isArray(blocks)) return false;
  for (const block of blocks) {
    if (typeof block !== 'object' || block === null) continue;
    const { lead, text } = block as { lead?: unknown; text?: unknown };
    if (
      (typeof text === 'string' && FEE_STATEMENT.test(text)) ||
      (typeof lead === 'string' && FEE_STATEMENT.test(lead))
    ) {
      return true;
    }
  }
  return false;
}

const SHINGLE = 4;

function shingles(text: string): Set<string> {
  const core = text.replace(/[\d\s]/g, '');
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= core.length; i++) set.add(core.slice(i, i + SHINGLE));
  return set;
}

/**
 * How much of `current` repeats `previous`: the share of current's character 4-grams (digits and
 * whitespace stripped, so changed numbers and years do not hide a copy) that also occur in previous.
 * `null` when current is too short to have any 4-gram.
 */
export function repeatShare(current: string, previous: string): number | null {
  const mine = shingles(current);
  if (mine.size === 0) return null;
  const theirs = shingles(previous);
  let shared = 0;
  for (const gram of mine) if (theirs.has(gram)) shared++;
  return shared / mine.size;
}

/*
 * Counts of 表二's documents stated in the text: 「制发行政规范性文件 12 件」, 「出台了四项规范性文件」,
 * 「废止规章 1 件」. A verb of issuing or repealing, then within the clause either the document's name and its
 * count (「规范性文件四项」) or the count and the name (「四项规范性文件」). Nothing that is not a statement of
 * this year's count is read: a gap naming a review, a filing, an interpretation or a sub-count (「审查规范性文件
 * 5 件」, 「其中」), two kinds counted together (「规章和规范性文件 5 件」), or 规章制度 (internal rules).
 */

/** The real-world names of 表二's document rows beside the statute's own label (the key). */
export const DOCUMENT_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  规章: ['政府规章', '部门规章'],
  行政规范性文件: ['规范性文件'],
};
/** Verbs whose count is 本年制发件数. */
const ISSUE_VERBS: readonly string[] = ['制发', '制定', '印发', '出台', '发布', '颁布'];
/** Verbs whose count is 本年废止件数. */
const REPEAL_VERBS: readonly string[] = ['废止', '废除', '宣布失效'];
/** Words that make the phrase after a verb something other than this year's count. */
const DOCUMENT_GAP_EXCLUDE =
  /其中|审查|审核|备案|解读|起草|征求|评估|宣传|培训|现行有效|累计|以来|和|及|与|、/;
/** Measure words documents are counted in. */
const DOCUMENT_UNIT = '(?:件|项|个|部|份|篇)';
/** A bounded number (so a hostile digit run is not rescanned from every verb). */
const DOCUMENT_NUM = '(\\d{1,9}|[零〇一二两三四五六七八九十百千]{1,12})';

/** A document count read from the text: `key` indexes the kinds given, `action` says which cell it is. */
export interface DocumentQuote extends KeyedQuote {
  readonly action: 'issued' | 'repealed';
}

interface DocumentScanner {
  readonly kinds: readonly (readonly string[])[];
  readonly verbs: RegExp;
  readonly tail: RegExp;
  readonly kindOf: ReadonlyMap<string, number>;
}

let documentCache: DocumentScanner | undefined;

function documentScanner(kinds: readonly (readonly string[])[]): DocumentScanner {
  if (documentCache?.kinds === kinds) return documentCache;
  const kindOf = new Map<string, number>();
  kinds.forEach((words, key) => {
    for (const word of words) kindOf.set(word, key);
  });
  const byLength = (words: Iterable<string>): string =>
    [...words]
      .sort((a, b) => b.length - a.length)
      .map(escapeWord)
      .join('|');
  const kind = `(${byLength(kindOf.keys())})(?!制度)`;
  // Group 1: the gap; then either 2 (kind) + 3 (count), or 4 (count) + 5 (kind).
  const tail = new RegExp(
    `([^\\d\\n。；;，,：:！？!?]{0,12}?)(?:${kind}(?:共|共计|计|合计)?\\s*${DOCUMENT_NUM}\\s*${DOCUMENT_UNIT}|(?:了)?(?:共|共计|计|合计)?\\s*${DOCUMENT_NUM}\\s*${DOCUMENT_UNIT}(?:的)?${kind})`,
    'y',
  );
  const verbs = new RegExp(byLength([...ISSUE_VERBS, ...REPEAL_VERBS]), 'g');
  documentCache = { kinds, verbs, tail, kindOf };
  return documentCache;
}

/**
 * The counts of documents issued or repealed that `text` states. `kinds[k]` lists the names of document row
 * k (the statute's label first); a quote's `key` is k. Linear in the text: one pass over the verbs, and a
 * bounded look after each.
 */
export function scanDocuments(text: string, kinds: readonly (readonly string[])[]): DocumentQuote[] {
  const { verbs, tail, kindOf } = documentScanner(kinds);
  const out: DocumentQuote[] = [];
  /** End of the last count read: a second verb inside it (「制定出台」) does not read it again. */
  let readUntil = 0;
  verbs.lastIndex = 0;
  for (let m = verbs.exec(text); m !== null; m = verbs.exec(text)) {
    const start = m.index;
    const resume = verbs.lastIndex;
    const found = start < readUntil ? null : stickyAt(tail, text, resume);
    if (found) {
      const gap = found[1] ?? '';
      const kind = found[2] ?? found[5] ?? '';
      const mentionsKind = [...kindOf.keys()].some((word) => gap.includes(word));
      if (!DOCUMENT_GAP_EXCLUDE.test(gap) && !mentionsKind) {
        readUntil = tail.lastIndex;
        out.push({
          at: start,
          end: tail.lastIndex,
          value: parseNumber(found[3] ?? found[4] ?? ''),
          key: kindOf.get(kind) as number,
          action: REPEAL_VERBS.includes(m[0]) ? 'repealed' : 'issued',
        });
      }
    }
    verbs.lastIndex = resume;
  }
  return out;
}
