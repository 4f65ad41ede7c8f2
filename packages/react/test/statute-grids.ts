/*
 * The three statutory tables of 国办公开办函〔2021〕30号 as grids, transcribed independently of the model from the
 * statute notes (spec/statutory-format-2021.md) and the key table of spec/report-json-v1.md. Each position holds
 * the label of the cell covering it, or `@address` for a data cell. The DOM tests compare rendered tables
 * against these, so a wrong label, span or address in the model or the renderer fails here.
 */

const t3Columns = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
  'total',
];
const note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const repeat = (label: string, n: number): string[] => Array.from({ length: n }, () => label);
const t3Data = (path: string): string[] => t3Columns.map((c) => `@t3.${path}.${c}`);

const results = '三、本年度办理结果';
const groups: [string, string, [string, string][]][] = [
  [
    '（三）不予公开',
    'withheld',
    [
      ['1.属于国家秘密', 'stateSecret'],
      ['2.其他法律行政法规禁止公开', 'prohibitedByLaw'],
      ['3.危及“三安全一稳定”', 'threeSecurities'],
      ['4.保护第三方合法权益', 'thirdPartyRights'],
      ['5.属于三类内部事务信息', 'internalAffairs'],
      ['6.属于四类过程性信息', 'processInfo'],
      ['7.属于行政执法案卷', 'enforcementFiles'],
      ['8.属于行政查询事项', 'queryMatters'],
    ],
  ],
  [
    '（四）无法提供',
    'unavailable',
    [
      ['1.本机关不掌握相关政府信息', 'notHeld'],
      ['2.没有现成信息需要另行制作', 'needsCreation'],
      ['3.补正后申请内容仍不明确', 'unclear'],
    ],
  ],
  [
    '（五）不予处理',
    'notProcessed',
    [
      ['1.信访举报投诉类申请', 'complaint'],
      ['2.重复申请', 'duplicate'],
      ['3.要求提供公开出版物', 'publication'],
      ['4.无正当理由大量反复申请', 'excessive'],
      ['5.要求行政机关确认或重新出具已获取信息', 'confirmation'],
    ],
  ],
  [
    '（六）其他处理',
    'other',
    [
      ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'overdueCorrection'],
      ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'unpaidFee'],
      ['3.其他', 'other'],
    ],
  ],
];

/** 表三: 10 columns × 28 rows. */
export const T3_GRID: string[][] = [
  [...repeat(note, 3), ...repeat('申请人情况', 7)],
  [...repeat(note, 3), '自然人', ...repeat('法人或其他组织', 5), '总计'],
  [...repeat(note, 3), '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
  [...repeat('一、本年新收政府信息公开申请数量', 3), ...t3Data('received')],
  [...repeat('二、上年结转政府信息公开申请数量', 3), ...t3Data('carriedOver')],
  [results, ...repeat('（一）予以公开', 2), ...t3Data('results.disclosed')],
  [
    results,
    ...repeat('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 2),
    ...t3Data('results.partlyDisclosed'),
  ],
  ...groups.flatMap(([label, key, leaves]) =>
    leaves.map(([leaf, leafKey]) => [results, label, leaf, ...t3Data(`results.${key}.${leafKey}`)]),
  ),
  [results, ...repeat('（七）总计', 2), ...t3Data('results.total')],
  [...repeat('四、结转下年度继续办理', 3), ...t3Data('carriedForward')],
];

const block = (title: string, header: string[], rows: [string, string[]][]): string[][] => [
  repeat(title, 4),
  ['信息内容', ...header],
  ...rows.map(([label, data]) => [label, ...data]),
];

/** 表二: 4 columns; four blocks, each a title row, a header row and data rows. */
export const T2_GRID: string[][] = [
  ...block(
    '第二十条第（一）项',
    ['本年制发件数', '本年废止件数', '现行有效件数'],
    [
      ['规章', ['@t2.rules.issued', '@t2.rules.repealed', '@t2.rules.inForce']],
      [
        '行政规范性文件',
        ['@t2.normativeDocs.issued', '@t2.normativeDocs.repealed', '@t2.normativeDocs.inForce'],
      ],
    ],
  ),
  ...block('第二十条第（五）项', repeat('本年处理决定数量', 3), [
    ['行政许可', repeat('@t2.licensing.decisions', 3)],
  ]),
  ...block('第二十条第（六）项', repeat('本年处理决定数量', 3), [
    ['行政处罚', repeat('@t2.penalties.decisions', 3)],
    ['行政强制', repeat('@t2.coercion.decisions', 3)],
  ]),
  ...block('第二十条第（八）项', repeat('本年收费金额（单位：万元）', 3), [
    ['行政事业性收费', repeat('@t2.fees.amount', 3)],
  ]),
];

const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const t4Keys = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** 表四: 15 columns × 4 rows. */
export const T4_GRID: string[][] = [
  [...repeat('行政复议', 5), ...repeat('行政诉讼', 10)],
  [...outcomes, ...repeat('未经复议直接起诉', 5), ...repeat('复议后起诉', 5)],
  [...outcomes, ...outcomes, ...outcomes],
  ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((g) => t4Keys.map((k) => `@t4.${g}.${k}`)),
];
