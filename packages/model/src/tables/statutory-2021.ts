import type { ColumnNode, RowNode, TableSpec } from './spec-types.js';

/*
 * The three statutory tables of 国办公开办函〔2021〕30号, transcribed from the published template
 * (see spec/statutory-format-2021.md). Labels are verbatim: full-width brackets and commas, ASCII `1.`
 * numbering, curly quotes in “三安全一稳定”. Every renderer and message takes its labels from here.
 */

const OUTCOME_COLUMNS: readonly ColumnNode[] = [
  { label: '结果维持', key: 'upheld' },
  { label: '结果纠正', key: 'corrected' },
  { label: '其他结果', key: 'other' },
  { label: '尚未审结', key: 'pending' },
  { label: '总计', key: 'total', total: true },
];

/** 表二 主动公开政府信息情况: four 第二十条 blocks on a four-column grid. */
export const T2_SPEC: TableSpec = {
  id: 't2',
  part: '二',
  caption: '二、主动公开政府信息情况',
  blocks: [
    {
      title: '第二十条第（一）项',
      corner: '信息内容',
      cornerRole: 'header',
      columns: [
        { label: '本年制发件数', key: 'issued' },
        { label: '本年废止件数', key: 'repealed' },
        { label: '现行有效件数', key: 'inForce' },
      ],
      rows: [
        { label: '规章', key: 'rules' },
        { label: '行政规范性文件', key: 'normativeDocs' },
      ],
    },
    {
      title: '第二十条第（五）项',
      corner: '信息内容',
      cornerRole: 'header',
      columns: [{ label: '本年处理决定数量', key: 'decisions', span: 3 }],
      rows: [{ label: '行政许可', key: 'licensing' }],
    },
    {
      title: '第二十条第（六）项',
      corner: '信息内容',
      cornerRole: 'header',
      columns: [{ label: '本年处理决定数量', key: 'decisions', span: 3 }],
      rows: [
        { label: '行政处罚', key: 'penalties' },
        { label: '行政强制', key: 'coercion' },
      ],
    },
    {
      title: '第二十条第（八）项',
      corner: '信息内容',
      cornerRole: 'header',
      columns: [
        { label: '本年收费金额（单位：万元）', key: 'amount', span: 3, value: 'amount', unit: '万元' },
      ],
      rows: [{ label: '行政事业性收费', key: 'fees' }],
    },
  ],
};

/** The corner note of 表三, printed in every 2021-format report: the column balance rule T3-R1. */
export const T3_CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const T3_ROWS: readonly RowNode[] = [
  { label: '一、本年新收政府信息公开申请数量', key: 'received' },
  { label: '二、上年结转政府信息公开申请数量', key: 'carriedOver' },
  {
    label: '三、本年度办理结果',
    key: 'results',
    children: [
      { label: '（一）予以公开', key: 'disclosed' },
      { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', key: 'partlyDisclosed' },
      {
        label: '（三）不予公开',
        key: 'withheld',
        children: [
          { label: '1.属于国家秘密', key: 'stateSecret' },
          { label: '2.其他法律行政法规禁止公开', key: 'prohibitedByLaw' },
          { label: '3.危及“三安全一稳定”', key: 'threeSecurities' },
          { label: '4.保护第三方合法权益', key: 'thirdPartyRights' },
          { label: '5.属于三类内部事务信息', key: 'internalAffairs' },
          { label: '6.属于四类过程性信息', key: 'processInfo' },
          { label: '7.属于行政执法案卷', key: 'enforcementFiles' },
          { label: '8.属于行政查询事项', key: 'queryMatters' },
        ],
      },
      {
        label: '（四）无法提供',
        key: 'unavailable',
        children: [
          { label: '1.本机关不掌握相关政府信息', key: 'notHeld' },
          { label: '2.没有现成信息需要另行制作', key: 'needsCreation' },
          { label: '3.补正后申请内容仍不明确', key: 'unclear' },
        ],
      },
      {
        label: '（五）不予处理',
        key: 'notProcessed',
        children: [
          { label: '1.信访举报投诉类申请', key: 'complaint' },
          { label: '2.重复申请', key: 'duplicate' },
          { label: '3.要求提供公开出版物', key: 'publication' },
          { label: '4.无正当理由大量反复申请', key: 'excessive' },
          { label: '5.要求行政机关确认或重新出具已获取信息', key: 'confirmation' },
        ],
      },
      {
        label: '（六）其他处理',
        key: 'other',
        children: [
          {
            label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
            key: 'overdueCorrection',
          },
          {
            label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
            key: 'unpaidFee',
          },
          { label: '3.其他', key: 'other' },
        ],
      },
      { label: '（七）总计', key: 'total', total: true },
    ],
  },
  { label: '四、结转下年度继续办理', key: 'carriedForward' },
];

/** 表三 收到和处理政府信息公开申请情况: 10 grid columns × 28 rows. */
export const T3_SPEC: TableSpec = {
  id: 't3',
  part: '三',
  caption: '三、收到和处理政府信息公开申请情况',
  blocks: [
    {
      corner: T3_CORNER_NOTE,
      cornerRole: 'note',
      columns: [
        {
          label: '申请人情况',
          children: [
            { label: '自然人', key: 'naturalPerson' },
            {
              label: '法人或其他组织',
              children: [
                { label: '商业企业', key: 'commercial' },
                { label: '科研机构', key: 'research' },
                { label: '社会公益组织', key: 'publicInterest' },
                { label: '法律服务机构', key: 'legalService' },
                { label: '其他', key: 'otherOrg' },
              ],
            },
            { label: '总计', key: 'total', total: true },
          ],
        },
      ],
      rows: T3_ROWS,
    },
  ],
};

/** 表四 政府信息公开行政复议、行政诉讼情况: 15 leaf columns under 3 header rows, one data row. */
export const T4_SPEC: TableSpec = {
  id: 't4',
  part: '四',
  caption: '四、政府信息公开行政复议、行政诉讼情况',
  blocks: [
    {
      columns: [
        { label: '行政复议', key: 'review', children: OUTCOME_COLUMNS },
        {
          label: '行政诉讼',
          children: [
            { label: '未经复议直接起诉', key: 'litigationDirect', children: OUTCOME_COLUMNS },
            { label: '复议后起诉', key: 'litigationAfterReview', children: OUTCOME_COLUMNS },
          ],
        },
      ],
    },
  ],
};

/** The three statutory tables, in report order. */
export const STATUTORY_TABLES: readonly TableSpec[] = [T2_SPEC, T3_SPEC, T4_SPEC];
