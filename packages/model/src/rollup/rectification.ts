import { type Finding, RULES, type RuleId, type Severity } from '../checks/rules.js';
import { cellName, describeCell } from '../tables/cells.js';
import { NARRATIVE_HEADINGS } from '../tables/parts.js';
import type { CellAddress, LocalizedText } from '../types.js';
import type { AuditNote } from './audit.js';

/*
 * The 整改通知: what a 政务公开办 sends back to a body whose report fails review, in words a clerk acts on. Each
 * failing rule becomes one instruction (what to do, in which part or cells), its findings folded into it: the cells
 * deduplicated and named as staff say them (`cellName`), the checker's own messages kept as details (they carry the
 * expected and actual figures). Errors come first, then warnings, then advice, each in the checker's rule order.
 */

/** One thing to put right. */
export interface RectificationItem {
  /** The rule, or `reading` for the importer's reading warnings and `unreadable` for a file that could not be read. */
  rule: RuleId | 'reading' | 'unreadable';
  severity: Severity;
  /** The instruction, naming the part or cells. */
  instruction: LocalizedText;
  /** The instruction without the cells (the same for every report failing the rule), for lists that show cells apart. */
  action: LocalizedText;
  /** The cells concerned, deduplicated, in the order the findings name them. */
  cells: CellAddress[];
  /** The findings' own messages, deduplicated (expected vs actual figures). */
  details: LocalizedText[];
}

/** A report's rectification list, most serious first. */
export interface RectificationNotice {
  agency: string;
  file: string;
  items: RectificationItem[];
}

/**
 * A row label of 表三 as the statute prints it (the cell's innermost row label, or the outer one at `depth` 0),
 * quoted: instructions name rows by the spec's own labels, never restated.
 */
function row(address: CellAddress, depth?: number): string {
  const labels = describeCell(address)?.rowLabels ?? [];
  return `“${labels[depth ?? labels.length - 1] ?? address}”`;
}

/** A narrative part's statutory heading, quoted. */
function part(key: keyof typeof NARRATIVE_HEADINGS): string {
  return `“${NARRATIVE_HEADINGS[key]}”`;
}

const RECEIVED = row('t3.received.naturalPerson');
const CARRIED_OVER = row('t3.carriedOver.naturalPerson');
const RESULTS = row('t3.results.total.naturalPerson', 0);
const TOTAL = row('t3.results.total.naturalPerson');
const CARRIED_FORWARD = row('t3.carriedForward.naturalPerson');

/** What to do per rule, in plain words; the cells are named after it. */
const INSTRUCTIONS: Readonly<Record<RuleId, LocalizedText>> = {
  't3-balance': {
    zh: `核对表三各列：${RECEIVED}加${CARRIED_OVER}应等于${TOTAL}加${CARRIED_FORWARD}`,
    en: 'Check each column of table 三: 一 (received) plus 二 (carried over) must equal （七）总计 plus 四 (carried forward)',
  },
  't3-results-total': {
    zh: `核对表三${TOTAL}：应等于（一）至（六）各项办理结果之和`,
    en: 'Check table 三 （七）总计: it must equal the sum of outcomes （一）–（六）',
  },
  't3-row-total': {
    zh: '核对表三“总计”列：应等于自然人与各类法人或其他组织之和',
    en: 'Check table 三’s 总计 column: it must equal the sum of the applicant columns',
  },
  't4-group-total': {
    zh: '核对表四“总计”：应等于结果维持、结果纠正、其他结果、尚未审结之和',
    en: 'Check table 四 总计: it must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  },
  'cell-type': {
    zh: '改正表格中的数值：件数应为非负整数，收费金额应为非负数',
    en: 'Correct the table values: counts must be whole numbers ≥ 0, the fee amount a number ≥ 0',
  },
  'narrative-none-claim': {
    zh: '改正正文中“未收到申请”“未发生复议、诉讼”等表述，使之与表格一致',
    en: 'Correct the text that claims no applications, reviews or lawsuits so that it agrees with the tables',
  },
  'cell-blank': {
    zh: '补填表格中的空白单元格（没有发生的填 0）',
    en: 'Fill in the blank table cells (0 where nothing happened)',
  },
  'narrative-received': {
    zh: `使正文所述本年新收申请数与表三${RECEIVED}一致`,
    en: 'Make the number of applications received in the text agree with table 三 一',
  },
  'narrative-carried-over': {
    zh: `使正文所述上年结转数与表三${CARRIED_OVER}一致`,
    en: 'Make the number carried over in the text agree with table 三 二',
  },
  'narrative-carried-forward': {
    zh: `使正文所述结转下年度数与表三${CARRIED_FORWARD}一致`,
    en: 'Make the number carried forward in the text agree with table 三 四',
  },
  'narrative-outcomes': {
    zh: `使正文所述办理结果数与表三${RESULTS}一致`,
    en: 'Make the outcome figures in the text agree with table 三 三',
  },
  'narrative-review-litigation': {
    zh: '使正文所述行政复议、行政诉讼数与表四一致',
    en: 'Make the review and lawsuit figures in the text agree with table 四',
  },
  'narrative-documents': {
    zh: '使正文所述规章、行政规范性文件制发或废止件数与表二一致',
    en: 'Make the 规章 and 规范性文件 figures in the text agree with table 二',
  },
  'narrative-problems-empty': {
    zh: `在${part('problems')}中写明本年存在的具体问题和改进措施`,
    en: 'Write the year’s concrete problems and the measures taken in part 五',
  },
  'narrative-fee': {
    zh: `在${part('other')}中说明信息处理费的收取情况（未收取的写明未收取）`,
    en: 'State in part 六 whether 信息处理费 was charged (say so when none was)',
  },
  'narrative-year': {
    zh: '改正标题或统计期限中的年份，使之与报告年度一致',
    en: 'Correct the year in the title or the statistics period to the report year',
  },
  deadline: {
    zh: '按《条例》第四十九条规定的期限发布年度报告，并说明逾期原因',
    en: 'Publish the report by the deadline of 条例第四十九条 and explain the delay',
  },
  'text-characters': {
    zh: '删除正文中的控制字符或乱码（多为复制粘贴带入）',
    en: 'Remove the control characters or garbled text (usually pasted in)',
  },
  'carryover-continuity': {
    zh: `核对表三${CARRIED_OVER}：应等于上年报告表三${CARRIED_FORWARD}`,
    en: 'Check table 三 二: it must equal last year’s table 三 四',
  },
  'narrative-copied': {
    zh: `重写${part('overview')}或${part('problems')}，写本年的实际情况，不照抄上年`,
    en: 'Rewrite part 一 or 五 with this year’s facts instead of last year’s text',
  },
  't2-stock-flow': {
    zh: '核对表二“现行有效件数”：应等于上年现行有效件数加本年制发件数减本年废止件数',
    en: 'Check table 二 现行有效件数: last year’s plus issued minus repealed',
  },
  't2-rules-level': {
    zh: '核对表二“规章”一行：县级及以下机关无权制定规章',
    en: 'Check table 二’s 规章 row: bodies at county level or below cannot make 规章',
  },
};

const UNREADABLE: LocalizedText = {
  zh: '报送的文件无法读取：请重新报送可读取的年度报告（带文字层的 PDF、Word 文档或网页）',
  en: 'The file sent cannot be read: send the report again as a readable file (a PDF with a text layer, a Word document or a web page)',
};

const READING: LocalizedText = {
  zh: '部分内容无法按法定格式读取：请按国办公开办函〔2021〕30号的格式排版表格后重新报送',
  en: 'Some content could not be read in the statutory layout: lay the tables out as 国办公开办函〔2021〕30号 prescribes and send it again',
};

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
const RULE_ORDER = new Map<RuleId, number>(RULES.map((rule, index) => [rule.id, index]));

/** How many cells an instruction names before saying how many more there are. */
const NAMED_CELLS = 6;

function withCells(base: LocalizedText, cells: readonly CellAddress[]): LocalizedText {
  if (cells.length === 0) return { ...base };
  const names = cells.slice(0, NAMED_CELLS).map(cellName).join('；');
  const more = cells.length - NAMED_CELLS;
  return {
    zh: `${base.zh}。涉及：${names}${more > 0 ? `，另有 ${more} 处` : ''}`,
    en: `${base.en}. Cells: ${names}${more > 0 ? `, and ${more} more` : ''}`,
  };
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A report's 整改 list from its findings (failing ones; undecided ones are a reviewer's matter, not the body's)
 * and its reading warnings: one item per rule with the plain instruction naming the cells, the cells deduplicated,
 * the findings' messages as details; errors first, then warnings, then advice, in the checker's rule order.
 * `reasons` (a file that could not be read) gives a single item asking for a readable file.
 */
export function rectificationNotice(
  findings: readonly Finding[],
  about: {
    agency: string;
    file: string;
    notes?: readonly AuditNote[];
    reasons?: readonly LocalizedText[];
    /** Late by the unit list's deadline (`expectedCoverage`), which the report's own `deadline` rule may not see. */
    late?: { deadline: string; publishedAt: string; daysLate: number };
  },
): RectificationNotice {
  const items: RectificationItem[] = [];
  if (about.reasons && about.reasons.length > 0) {
    items.push({
      rule: 'unreadable',
      severity: 'error',
      instruction: { ...UNREADABLE },
      action: { ...UNREADABLE },
      cells: [],
      details: unique(about.reasons, (reason) => reason.zh).map((reason) => ({ ...reason })),
    });
  }
  const byRule = new Map<RuleId, Finding[]>();
  for (const finding of findings) {
    if (finding.status !== 'fail') continue;
    byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
  }
  const rules = [...byRule.keys()].sort(
    (a, b) =>
      RANK[(byRule.get(a) as Finding[])[0]?.severity ?? 'info'] -
        RANK[(byRule.get(b) as Finding[])[0]?.severity ?? 'info'] ||
      (RULE_ORDER.get(a) ?? 0) - (RULE_ORDER.get(b) ?? 0),
  );
  for (const rule of rules) {
    const group = byRule.get(rule) as Finding[];
    const cells = unique(
      group.flatMap((finding) => finding.cells),
      (cell) => cell,
    );
    items.push({
      rule,
      severity: (group[0] as Finding).severity,
      instruction: withCells(INSTRUCTIONS[rule], cells),
      action: { ...INSTRUCTIONS[rule] },
      cells,
      details: unique(
        group.map((finding) => finding.message),
        (message) => message.zh,
      ).map((message) => ({ ...message })),
    });
  }
  const { late } = about;
  if (late && !byRule.has('deadline')) {
    items.push({
      rule: 'deadline',
      severity: 'warning',
      instruction: { ...INSTRUCTIONS.deadline },
      action: { ...INSTRUCTIONS.deadline },
      cells: [],
      details: [
        {
          zh: `发布日期 ${late.publishedAt}，期限 ${late.deadline}（按应报单位名单的单位类型），逾期 ${late.daysLate} 天`,
          en: `published ${late.publishedAt}, deadline ${late.deadline} (by the kind in the unit list), ${late.daysLate} day(s) late`,
        },
      ],
    });
  }
  const reading = (about.notes ?? []).filter((note) => note.severity === 'warning');
  if (reading.length > 0) {
    const cells = unique(
      reading.flatMap((note) => note.cells),
      (cell) => cell,
    );
    items.push({
      rule: 'reading',
      severity: 'warning',
      instruction: withCells(READING, cells),
      action: { ...READING },
      cells,
      details: unique(
        reading.map((note) => note.message),
        (message) => message.zh,
      ).map((message) => ({ ...message })),
    });
  }
  items.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return { agency: about.agency, file: about.file, items };
}

/** A notice as plain markdown for `nianbao audit --notices DIR`: a title, then the numbered items, in one language or both. */
export function rectificationMarkdown(notice: RectificationNotice, lang?: 'zh' | 'en'): string {
  const pick = (text: LocalizedText): string =>
    lang === 'zh' ? text.zh : lang === 'en' ? text.en : `${text.zh}\n   ${text.en}`;
  const word: Record<Severity, LocalizedText> = {
    error: { zh: '错误', en: 'error' },
    warning: { zh: '警告', en: 'warning' },
    info: { zh: '提示', en: 'advice' },
  };
  const who = notice.agency || notice.file;
  const title =
    lang === 'zh'
      ? `# 整改通知：${who}`
      : lang === 'en'
        ? `# Rectification notice: ${who}`
        : `# 整改通知 Rectification notice：${who}`;
  const file =
    lang === 'zh'
      ? `文件：${notice.file}`
      : lang === 'en'
        ? `File: ${notice.file}`
        : `文件 File：${notice.file}`;
  const lines = [title, '', file, ''];
  notice.items.forEach((item, index) => {
    lines.push(
      `${index + 1}. [${pick(word[item.severity]).replace(/\n {3}/, ' / ')}] ${pick(item.instruction)}`,
    );
    for (const detail of item.details) lines.push(`   - ${pick(detail).replace(/\n {3}/, '\n     ')}`);
  });
  return `${lines.join('\n')}\n`;
}
