import type { Contact, ReportMeta } from '@nianbao/model';
import { fold } from './normalise.js';

const TITLE_AFTER =
  /([\u4e00-\u9fa5（）()]{2,40}?)\s*(20\d{2})\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?\s*年度?\s*报告/;
const TITLE_BEFORE =
  /(20\d{2})\s*年度?\s*([\u4e00-\u9fa5（）()]{2,40}?)\s*(?:政府信息公开|政务公开)(?:工作)?\s*(?:年度)?\s*报告/;
const NOT_AGENCY = /^(?:特编制|编制|现将|现向社会公布|现发布|发布|关于|本机关|我局|我办|我区|我市|我县)+/;

function cleanAgency(raw: string): string {
  let agency = raw.replace(/[《》“”"\s]/g, '');
  agency = agency.replace(NOT_AGENCY, '');
  const cut = Math.max(agency.lastIndexOf('编制'), agency.lastIndexOf('公布'), agency.lastIndexOf('发布'));
  if (cut >= 0) agency = agency.slice(cut + 2);
  return agency;
}

/** The agency and year from the report's title, looked for in the first lines, then in the whole text. */
function titleFacts(head: string): { agency?: string; year?: number; title?: string } {
  const lines = head
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // A title may be broken over two lines (agency on one, "2024 年政府信息公开工作年度报告" on the next).
  for (let i = 0; i < Math.min(lines.length, 30); i++) {
    const line = (lines[i] as string).replace(/^(?:标题|名称|title)\s*[:：\t]\s*/, '');
    const joined = `${line}${lines[i + 1] ?? ''}`;
    for (const text of [line, joined]) {
      const after = TITLE_AFTER.exec(text);
      if (after) {
        const agency = cleanAgency(after[1] as string);
        const rest = after[0].slice((after[1] as string).length).replace(/\s+/g, '');
        if (agency.length >= 2) return { agency, year: Number(after[2]), title: `${agency}${rest}` };
      }
      const before = TITLE_BEFORE.exec(text);
      if (before) {
        const agency = cleanAgency(before[2] as string);
        if (agency.length >= 2)
          return { agency, year: Number(before[1]), title: before[0].replace(/\s+/g, '') };
      }
    }
    // "淮安市人民政府" alone, then "2024 年政府信息公开工作年度报告".
    const next = lines[i + 1] ?? '';
    const yearOnly = /^(20\d{2})\s*年度?\s*政府信息公开(?:工作)?年度报告$/.exec(next.replace(/\s+/g, ''));
    if (yearOnly && /^[\u4e00-\u9fa5]{2,30}$/.test(line)) {
      return { agency: line, year: Number(yearOnly[1]), title: `${line}${next.replace(/\s+/g, '')}` };
    }
  }
  return {};
}

/** The statistics period as the body states it: `截至2023年12月31日`, `2023年1月1日至12月31日`. */
const PERIOD: readonly RegExp[] = [
  /(?:截至|截止|截止到|截止至|至)\s*(20\d{2})\s*年\s*12\s*月\s*31\s*日/g,
  /(20\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:[起至到]|-|~)/g,
  /(?:统计|数据)[^。]{0,20}?(20\d{2})\s*年\s*1\s*月\s*1\s*日/g,
];

/**
 * The reported year from the body when no title gives it: the statistics period first (a sure statement of the
 * year), then the most frequent `N年度` / `N年，` (`2023年度`, `2023年，我局…`); ties go to the later year,
 * which is the report's own (earlier years appear as comparisons: 较2022年).
 */
function bodyYear(folded: string): number | undefined {
  for (const pattern of PERIOD) {
    pattern.lastIndex = 0;
    const match = pattern.exec(folded);
    if (match) return Number(match[1]);
  }
  const counts = new Map<number, number>();
  for (const match of folded.matchAll(/(?<![较比与同])(20\d{2})\s*年(?:度|[，,]|以来)/g)) {
    const year = Number(match[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && year > best)) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}

/** What an agency's name ends with (a 人民政府, a 局, a 委员会…). */
const AGENCY_END =
  '(?:人民政府办公室|人民政府|委员会|办公室|管理局|局|委|厅|办|中心|院|署|街道办事处|办事处)';

/**
 * An agency named in a body sentence when the title does not name it: `本报告由某县民政局编制`,
 * `某县民政局根据《中华人民共和国政府信息公开条例》…编制本报告`, `现将某县民政局2023年…报告公布`, and the
 * overview's opening `2024年，某县民政局认真贯彻…`.
 */
const BODY_AGENCY: readonly RegExp[] = [
  new RegExp(
    `本(?:年度)?报告由\\s*([\\u4e00-\\u9fa5（）()]{2,30}?${AGENCY_END})\\s*(?:负责)?(?:编制|制作|发布|公布|编写|起草)`,
  ),
  new RegExp(`(?:^|[。\\n])\\s*([\\u4e00-\\u9fa5（）()]{2,30}?${AGENCY_END})\\s*(?:根据|依据|按照)\\s*《`),
  new RegExp(
    `(?:现将|特将|特向社会公布|现公布|现予公布)\\s*([\\u4e00-\\u9fa5（）()]{2,30}?${AGENCY_END})\\s*20\\d{2}\\s*年`,
  ),
  new RegExp(
    `([\\u4e00-\\u9fa5（）()]{2,30}?${AGENCY_END})\\s*20\\d{2}\\s*年度?\\s*(?:政府信息公开|政务公开)(?:工作)?\\s*年度?\\s*报告`,
  ),
  // The overview's opening sentence names its subject after the year: `2024年，某市自然资源和规划局认真贯彻…`.
  new RegExp(
    `(?:^|[。\\n])\\s*20\\d{2}\\s*年度?\\s*[，,]\\s*([\\u4e00-\\u9fa5（）()]{2,30}?${AGENCY_END})(?=[\\u4e00-\\u9fa5])`,
  ),
];

/** Words that begin a sentence and are not part of a name (本报告… 我局…). */
const NOT_NAME =
  /^(?:本报告|本机关|我局|我办|我委|我区|我市|我县|现将|根据|依据|按照|为|特|今年|本年|全年|以下|下面|是|由)/;

function bodyAgency(folded: string): string | undefined {
  for (const pattern of BODY_AGENCY) {
    const match = pattern.exec(folded);
    if (!match) continue;
    const agency = cleanAgency(match[1] as string);
    if (agency.length >= 3 && !NOT_NAME.test(agency)) return agency;
  }
  return undefined;
}

function isoDate(match: RegExpExecArray): string {
  return `${match[1]}-${(match[2] as string).padStart(2, '0')}-${(match[3] as string).padStart(2, '0')}`;
}

/** The facts about a report that its text states: agency, year, contact, publication date. */
export function readMeta(text: string, preamble: string): { meta: Partial<ReportMeta>; found: string[] } {
  const folded = fold(text);
  const meta: Partial<ReportMeta> = {};
  const found: string[] = [];
  const title = titleFacts(folded.slice(0, 4000));
  if (title.agency) {
    meta.agency = title.agency;
    found.push('agency');
  }
  if (title.year) {
    meta.year = title.year;
    found.push('year');
  }
  if (meta.year === undefined) {
    const year = bodyYear(folded);
    if (year !== undefined) {
      meta.year = year;
      found.push('year');
    }
  }
  if (meta.agency === undefined) {
    const agency = bodyAgency(folded);
    if (agency !== undefined) {
      meta.agency = agency;
      found.push('agency');
    }
  }
  if (meta.agency) {
    if (/(?:人民政府|[区县市镇乡旗])$/.test(meta.agency)) meta.kind = 'government';
    else if (/(?:局|委员会|委|办公室|办|厅|中心|院|署|处|所)$/.test(meta.agency)) meta.kind = 'department';
  }

  if (!meta.kind) {
    // No name to judge by: how the report speaks of itself (我局 / 我县).
    const department = (folded.match(/[我本](?:局|委|办|厅|中心)/g) ?? []).length;
    const government = (folded.match(/[我本](?:市|区|县|镇|乡)(?!场)/g) ?? []).length;
    if (department > government && department >= 2) meta.kind = 'department';
    else if (government > department && government >= 2) meta.kind = 'government';
  }
  const published =
    /(?:发布时间|发布日期|公开日期|成文日期|时间)\s*[:：\t]\s*(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(
      folded,
    );
  if (published) {
    meta.publishedAt = isoDate(published);
    found.push('publishedAt');
  } else {
    // A signature date closing the report: the last line that is only a date.
    const lines = folded.trim().split('\n').slice(-4).reverse();
    for (const line of lines) {
      const only = /^\s*(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/.exec(line);
      if (only) {
        meta.publishedAt = isoDate(only);
        found.push('publishedAt');
        break;
      }
    }
  }

  // Matched on folded text, sliced from the original (folding keeps positions): `0527—83593059` stays verbatim.
  const original = preamble || text.slice(0, 6000);
  const source = fold(original);
  const verbatim = (match: RegExpExecArray, group: number): string => {
    const start = match.index + match[0].indexOf(match[group] as string);
    return original.slice(start, start + (match[group] as string).length);
  };
  const contact: Contact = {};
  const phone =
    /(?:电话|联系电话|电话\/传真|传真)\s*[:：]?\s*((?:0\d{2,3}\s*[-—－]?\s*)?\d{7,8}(?:\s*[-—－]\s*\d{1,5})?)/.exec(
      source,
    );
  if (phone) contact.phone = verbatim(phone, 1).trim();
  const address = /(?:联系地址|通讯地址|地址)\s*[:：]\s*([^；;，,。)）\n]+)/.exec(source);
  // pdftotext puts spaces around digits (`翔宇南道 1 号`); a line break leaves one between characters.
  if (address) contact.address = (address[1] as string).replace(/\s+/g, '');
  const postcode = /邮编\s*[:：]?\s*(\d{6})/.exec(source);
  if (postcode) contact.postcode = postcode[1] as string;
  const email = /([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/.exec(source);
  if (email) contact.email = email[1] as string;
  if (Object.keys(contact).length > 0) {
    meta.contact = contact;
    found.push('contact');
  }
  // The title is kept only when it is not what reportTitle() would print anyway.
  if (
    title.title &&
    meta.agency &&
    meta.year &&
    title.title !== `${meta.agency}${meta.year}年政府信息公开工作年度报告`
  ) {
    meta.title = title.title;
  }
  return { meta, found };
}
