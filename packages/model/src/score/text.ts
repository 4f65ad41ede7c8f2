/*
 * The text heuristics of the scorecard: is part 五 concrete, does it follow up last year's problems, does the
 * narrative compare with last year. They are documented word lists, not a model of the language: a person
 * can read each reason and see what was (not) found. Sentences are never matched whole, so a report cannot
 * pass by copying one "right" sentence.
 */

/** Words that name a shortcoming (part 五 should say what is wrong before what will change). */
export const PROBLEM_WORDS: readonly string[] = [
  '问题',
  '不足',
  '差距',
  '有待',
  '不够',
  '仍需',
  '欠缺',
  '偏低',
  '滞后',
  '不及时',
  '薄弱',
  '短板',
  '不到位',
  '不规范',
  '不全',
  '单一',
];

/**
 * Verbs of a concrete measure: each names an act someone can later show was done. The vague verbs evaluators
 * criticise (加强, 提升, 提高, 强化, 进一步) are left out on purpose: "进一步加强" alone is not a measure.
 */
export const MEASURE_VERBS: readonly string[] = [
  '制定',
  '建立',
  '修订',
  '出台',
  '印发',
  '编制',
  '开展',
  '组织',
  '培训',
  '轮训',
  '上线',
  '增设',
  '新增',
  '开设',
  '设立',
  '扩大',
  '评查',
  '通报',
  '核查',
  '督查',
  '清理',
  '整改',
  '考核',
  '纳入',
  '实行',
  '推行',
  '配备',
  '聘请',
  '迁移',
  '改版',
];

/** Words saying a measure was carried out (follow-up of last year's problems). */
export const FOLLOW_UP_WORDS: readonly string[] = ['整改', '改进', '落实', '完成', '解决', '办结', '销号'];

/** Ways of naming last year in the text (the numeric year is added per report). */
const LAST_YEAR_WORDS: readonly string[] = ['上年', '上一年', '去年', '上年度', '上一年度'];

/** Phrases that compare a figure with last year's. */
const COMPARISON =
  /同比|环比|较上年|比上年|较去年|比去年|与上年相比|与去年相比|上年同期|较\d{4}年|比\d{4}年/g;

/** After a comparison phrase: a change and a number, within the same clause. */
const CHANGE_WITH_NUMBER =
  /^[^。；;！!\n]{0,20}?(?:增长|增加|下降|减少|上升|提高|降低|持平|多|少)[^。；;！!\n]{0,12}?\d/;

/** Characters that are not text for length counts. */
const SPACE = /\s/g;

/** Whether a UTF-16 code unit is what `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** How many characters a text has, whitespace not counted (counted in place: it runs on every part, per report). */
export function visibleLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) if (!isSpace(text.charCodeAt(index))) length += 1;
  return length;
}

/** Whether `text` has a visible character (`visibleLength(text) > 0`, stopping at the first one). */
export function hasVisibleText(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (!isSpace(text.charCodeAt(index))) return true;
  return false;
}

/** The words of `words` that occur in `text`, in list order. */
export function wordsIn(text: string, words: readonly string[]): string[] {
  return words.filter((word) => text.includes(word));
}

/** The ways `text` names last year: 上年, 去年… or the previous year's number followed by 年. */
export function lastYearMentions(text: string, previousYear: number | undefined): string[] {
  const found = wordsIn(text, LAST_YEAR_WORDS);
  if (previousYear !== undefined && Number.isInteger(previousYear)) {
    const numeric = `${previousYear}年`;
    if (text.replace(SPACE, '').includes(numeric)) found.push(numeric);
  }
  return found;
}

/** What the narrative says about last year's figures. */
export interface Comparisons {
  /** Comparison phrases found (同比, 较上年…), in text order, each once. */
  phrases: string[];
  /** How many of them are followed by a change and a number in the same clause. */
  withNumber: number;
}

/** The comparisons with last year in a text. */
export function comparisons(text: string): Comparisons {
  const phrases: string[] = [];
  let withNumber = 0;
  for (const match of text.matchAll(COMPARISON)) {
    if (!phrases.includes(match[0])) phrases.push(match[0]);
    const after = text.slice((match.index ?? 0) + match[0].length);
    if (CHANGE_WITH_NUMBER.test(after)) withNumber += 1;
  }
  return { phrases, withNumber };
}
