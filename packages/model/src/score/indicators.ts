import { COPIED_SHARE } from '../checks/rules/cross-year.js';
import { STATUTORY_DEADLINES } from '../tables/deadlines.js';
import { NARRATIVE_HEADINGS } from '../tables/parts.js';
import type { Deadlines, IndicatorId, IndicatorSpec, ScoreThresholds } from './types.js';

/*
 * The national default scorecard. The items are what the Regulations (条例, 2019 revision) and the national format
 * (国办公开办函〔2021〕30号) require of a report, plus two that evaluators check in practice; every weight is the
 * project's choice (no national text weighs the items), and the defaults sum to 100 so a total reads as a
 * percentage. packages/model/README.md › Scorecard prints this table.
 */

const REGULATIONS_49 = '《中华人民共和国政府信息公开条例》第四十九条';
const REGULATIONS_50 = '《中华人民共和国政府信息公开条例》第五十条';
const FORMAT_2021 = '国办公开办函〔2021〕30号';
const FEE_MEASURES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

/** Every indicator, in scorecard order, with its national default weight. */
export const INDICATORS: readonly IndicatorSpec[] = [
  {
    id: 'on-time',
    weight: 10,
    description: {
      zh: '按期发布：发布日期不晚于法定期限（部门1月31日、人民政府3月31日）',
      en: 'Published on time: not after the statutory deadline (departments 31 January, governments 31 March)',
    },
    reads: ['meta.publishedAt', 'meta.kind', 'meta.year'],
    rules: ['deadline'],
    needsPrevious: false,
    source: { kind: 'statute', basis: { zh: REGULATIONS_49, en: `${REGULATIONS_49} (deadlines)` } },
  },
  {
    id: 'six-parts',
    weight: 10,
    description: {
      zh: '六部分齐全：总体情况、三张统计表、存在的主要问题及改进情况、其他需要报告的事项',
      en: 'All six parts present: overview, the three statistics tables, problems and improvements, other matters',
    },
    reads: ['sections.overview', 't2', 't3', 't4', 'sections.problems', 'sections.other'],
    rules: [],
    needsPrevious: false,
    source: {
      kind: 'statute',
      basis: {
        zh: `${REGULATIONS_50}；${FORMAT_2021}`,
        en: `${REGULATIONS_50}; ${FORMAT_2021} (the six parts)`,
      },
    },
  },
  {
    id: 'tables-complete',
    weight: 10,
    description: {
      zh: '三张统计表填写完整：没有空白的法定单元格（没有的填 0）',
      en: 'The three tables complete: no blank statutory cell (none is written 0)',
    },
    reads: ['t2', 't3', 't4'],
    rules: ['cell-blank'],
    needsPrevious: false,
    source: { kind: 'statute', basis: { zh: FORMAT_2021, en: `${FORMAT_2021} (the tables)` } },
  },
  {
    id: 'arithmetic',
    weight: 15,
    description: {
      zh: '表格勾稽关系成立：行、列合计与表三收支平衡',
      en: 'Table arithmetic holds: row and column totals, and the balance of 表三',
    },
    reads: ['t3', 't4'],
    rules: ['t3-balance', 't3-results-total', 't3-row-total', 't4-group-total'],
    needsPrevious: false,
    source: {
      kind: 'statute',
      basis: { zh: `${FORMAT_2021}（表格结构所含勾稽关系）`, en: `${FORMAT_2021} (implied by the tables)` },
    },
  },
  {
    id: 'narrative-consistent',
    weight: 10,
    description: {
      zh: '正文与表格一致：正文所述件数与表三、表四相符',
      en: 'Narrative consistent with the tables: counts quoted in the text match 表三 and 表四',
    },
    reads: ['sections.overview', 'sections.other', 't3', 't4'],
    rules: [
      'narrative-none-claim',
      'narrative-received',
      'narrative-carried-over',
      'narrative-carried-forward',
      'narrative-outcomes',
      'narrative-review-litigation',
    ],
    needsPrevious: false,
    source: { kind: 'practice', basis: { zh: '评估实践', en: 'evaluation practice' } },
  },
  {
    id: 'problems-concrete',
    weight: 15,
    description: {
      zh: `${NARRATIVE_HEADINGS.problems} 具体：不为空、不只写“无”、不照抄上年，指出问题并列出具体措施`,
      en: 'Problems section concrete: not empty, not a bare 无, not copied from last year, names problems and specific measures',
    },
    reads: ['sections.problems'],
    rules: ['narrative-problems-empty'],
    needsPrevious: false,
    source: {
      kind: 'statute',
      basis: { zh: `${REGULATIONS_50}第（四）项`, en: `${REGULATIONS_50}, item (四)` },
    },
  },
  {
    id: 'previous-followed-up',
    weight: 10,
    description: {
      zh: '上年问题有回应：说明上年度所列问题的整改、改进情况',
      en: 'Last year’s problems followed up: says how last year’s problems were dealt with',
    },
    reads: ['sections.problems'],
    rules: [],
    needsPrevious: true,
    source: {
      kind: 'statute',
      basis: {
        zh: `${REGULATIONS_50}第（四）项（“改进情况”）`,
        en: `${REGULATIONS_50}, item (四) (“改进情况”, improvements)`,
      },
    },
  },
  {
    id: 'fee-reported',
    weight: 5,
    description: {
      zh: `${NARRATIVE_HEADINGS.other} 说明信息处理费收取情况`,
      en: 'Part 六 says whether 信息处理费 (processing fees) were charged',
    },
    reads: ['sections.other'],
    rules: ['narrative-fee'],
    needsPrevious: false,
    source: {
      kind: 'statute',
      basis: { zh: `${FORMAT_2021}；${FEE_MEASURES}`, en: `${FORMAT_2021}; ${FEE_MEASURES}` },
    },
  },
  {
    id: 'review-litigation-reported',
    weight: 10,
    description: {
      zh: '行政复议、行政诉讼情况已填报：表四各单元格均有数字',
      en: 'Administrative reviews and lawsuits reported: every cell of 表四 holds a number',
    },
    reads: ['t4'],
    rules: [],
    needsPrevious: false,
    source: {
      kind: 'statute',
      basis: { zh: `${REGULATIONS_50}第（三）项`, en: `${REGULATIONS_50}, item (三)` },
    },
  },
  {
    id: 'year-on-year',
    weight: 5,
    description: {
      zh: '有同比数据：正文将本年数字与上年比较（同比、较上年…）',
      en: 'Year-on-year figures given: the text compares this year’s figures with last year’s (同比, 较上年…)',
    },
    reads: ['sections.overview', 'sections.problems', 'sections.other'],
    rules: [],
    needsPrevious: false,
    source: { kind: 'practice', basis: { zh: '评估实践', en: 'evaluation practice' } },
  },
];

/** Every indicator id, in scorecard order. */
export const INDICATOR_IDS: readonly IndicatorId[] = INDICATORS.map((indicator) => indicator.id);

/**
 * The statutory publication deadlines (条例第四十九条), as `MM-DD` of the year after the reported one: a
 * 人民政府's report by 31 March, a 部门's by 31 January. Other bodies (universities, state enterprises) are held
 * to the department deadline, as the checker's `deadline` rule does.
 */
export const NATIONAL_DEADLINES: Readonly<Deadlines> = STATUTORY_DEADLINES;

/** The default thresholds of the text heuristics (the project's choice; the copy ratio is the checker's). */
export const NATIONAL_THRESHOLDS: Readonly<ScoreThresholds> = {
  copyRatio: COPIED_SHARE,
  problemsMinChars: 40,
  problemsMinMeasures: 2,
};
