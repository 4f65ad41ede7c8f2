/*
 * Where a statutory label may break across lines: between words, never inside one (自然/人, 社会公/益组织 are
 * wrong). The statute's labels use a small vocabulary, so a dictionary of its words and forward maximum matching
 * is enough: at each position the longest dictionary word starting there is one unit; a character no word covers
 * is a unit of its own (labels outside the statute still break somewhere).
 *
 * Units then glue where a break would be wrong in any case: a numeral item number (`1.`) stays with the word
 * after it; closing punctuation (`）`, `、`, `，`, `”`) ends the unit before it and opening punctuation (`（`,
 * `“`) starts the unit after it (避头尾); a Latin or digit run stays whole; and a single character never stands
 * alone as the last unit (it joins the unit before it), so a label never ends with one character on its own
 * line. Invariant: `labelSegments(label).join('') === label`.
 */

/** Words of the 2021 statutory tables' labels (国办公开办函〔2021〕30号), as the units a label breaks between. */
export const STATUTE_WORDS: readonly string[] = [
  // Applicants (申请人情况)
  '申请人',
  '情况',
  '自然人',
  '法人',
  '或其他',
  '组织',
  '商业',
  '企业',
  '科研',
  '机构',
  '社会',
  '公益',
  '法律',
  '服务',
  '其他',
  '总计',
  // 表三 rows
  '本年',
  '本年度',
  '新收',
  '上年',
  '下年度',
  '结转',
  '继续',
  '办理',
  '结果',
  '政府',
  '信息',
  '公开',
  '申请',
  '数量',
  '予以',
  '部分',
  '区分',
  '处理',
  '只计',
  '这一',
  '情形',
  '不计',
  '不予',
  '属于',
  '国家',
  '秘密',
  '行政',
  '法规',
  '禁止',
  '危及',
  '三安全',
  '一稳定',
  '保护',
  '第三方',
  '合法',
  '权益',
  '三类',
  '四类',
  '内部',
  '事务',
  '过程性',
  '执法',
  '案卷',
  '查询',
  '事项',
  '无法',
  '提供',
  '本机关',
  '不掌握',
  '相关',
  '没有',
  '现成',
  '需要',
  '另行',
  '制作',
  '补正后',
  '内容',
  '仍不',
  '明确',
  '信访',
  '举报',
  '投诉类',
  '重复',
  '要求',
  '出版物',
  '无正当',
  '理由',
  '大量',
  '反复',
  '机关',
  '确认',
  '重新',
  '出具',
  '已获取',
  '逾期',
  '不补正',
  '不再',
  '未按',
  '收费',
  '通知',
  '缴纳',
  '费用',
  // 表二
  '第二十条',
  '信息内容',
  '制发',
  '废止',
  '现行',
  '有效',
  '件数',
  '决定',
  '金额',
  '单位',
  '万元',
  '规章',
  '规范性',
  '文件',
  '许可',
  '处罚',
  '强制',
  '事业性',
  // 表四
  '复议',
  '诉讼',
  '维持',
  '纠正',
  '尚未',
  '审结',
  '未经',
  '直接',
  '起诉',
  '复议后',
  // The corner note of 表三
  '本列',
  '数据',
  '勾稽',
  '关系',
  '第一项',
  '第二项',
  '第三项',
  '第四项',
  '之和',
  '等于',
];

const WORDS: ReadonlySet<string> = new Set(STATUTE_WORDS);
const LONGEST = Math.max(...STATUTE_WORDS.map((w) => w.length));

/** Punctuation that ends the unit before it (may not start a line). */
const CLOSING = new Set(Array.from('）)、，,。；;：:”’」』》〕】．.%％'));
/** Punctuation that starts the unit after it (may not end a line). */
const OPENING = new Set(Array.from('（(“‘「『《〔【'));

const isLatin = (ch: string): boolean => /^[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]$/u.test(ch);

/**
 * A numeral item number at the start of a label (`1.`): it goes with the word after it. Chinese ordinals (`三、`,
 * `（三）`) may stand on a line of their own, as in a narrow column of a printed form.
 */
const ITEM_NUMBER = /^[0-9]+\./u;

/** Splits a label into its unbreakable units; a line may break between any two of them. */
export function labelSegments(label: string): string[] {
  const chars = Array.from(label);
  const atoms: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i] as string;
    if (isLatin(ch)) {
      let j = i;
      while (j < chars.length && isLatin(chars[j] as string)) j++;
      atoms.push(chars.slice(i, j).join(''));
      i = j;
      continue;
    }
    let taken = 1;
    for (let n = Math.min(LONGEST, chars.length - i); n > 1; n--) {
      if (WORDS.has(chars.slice(i, i + n).join(''))) {
        taken = n;
        break;
      }
    }
    atoms.push(chars.slice(i, i + taken).join(''));
    i += taken;
  }
  const units: string[] = [];
  let glueNext = false;
  for (const atom of atoms) {
    const first = Array.from(atom)[0] ?? '';
    const last = units.length - 1;
    if (last >= 0 && (glueNext || CLOSING.has(first))) units[last] = `${units[last]}${atom}`;
    else units.push(atom);
    const chars2 = Array.from(atom);
    glueNext = OPENING.has(chars2[chars2.length - 1] ?? '');
  }
  // The item number goes with the first word after it.
  const item = ITEM_NUMBER.exec(label)?.[0];
  if (item && units.length > 1 && units[0] === item) units.splice(0, 2, `${units[0]}${units[1]}`);
  // Never one character alone at the end.
  const tail = units[units.length - 1];
  if (units.length > 1 && tail !== undefined && Array.from(tail).length === 1) {
    units.splice(units.length - 2, 2, `${units[units.length - 2]}${tail}`);
  }
  return units;
}

/** Offsets (in UTF-16 code units, 0 < offset < length) where a label may break: between its segments. */
export function labelBreakPoints(label: string): number[] {
  const points: number[] = [];
  let at = 0;
  const segments = labelSegments(label);
  for (const segment of segments.slice(0, -1)) {
    at += segment.length;
    points.push(at);
  }
  return points;
}
