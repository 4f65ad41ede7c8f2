/**
 * The Report JSON v1 contract (国办公开办函〔2021〕30号 format) as TypeScript types.
 *
 * These keys are a public API: they may gain optional fields but are never renamed, dropped or re-typed.
 * The runtime schema in `schema/` is checked against these types at compile time (see `schema/report-schema.ts`).
 */

/** A statutory cell: a number, or `null` for blank / `/` / `—` / `无` / unknown. Never silently 0. */
export type CellValue = number | null;

/** The seven applicant columns of 表三, in statutory order. */
export const T3_COLUMN_KEYS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
  'total',
] as const;
/** A column of 表三. */
export type T3ColumnKey = (typeof T3_COLUMN_KEYS)[number];
/** The six applicant columns whose sum is 总计 (T3-R3). */
export const T3_APPLICANT_KEYS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
] as const;

/** One row of 表三: a value in each of the seven columns. */
export type T3Row = Record<T3ColumnKey, CellValue>;

/** Leaf keys of （三）不予公开, in statutory order. */
export const T3_WITHHELD_KEYS = [
  'stateSecret',
  'prohibitedByLaw',
  'threeSecurities',
  'thirdPartyRights',
  'internalAffairs',
  'processInfo',
  'enforcementFiles',
  'queryMatters',
] as const;
/** Leaf keys of （四）无法提供. */
export const T3_UNAVAILABLE_KEYS = ['notHeld', 'needsCreation', 'unclear'] as const;
/** Leaf keys of （五）不予处理. */
export const T3_NOT_PROCESSED_KEYS = [
  'complaint',
  'duplicate',
  'publication',
  'excessive',
  'confirmation',
] as const;
/** Leaf keys of （六）其他处理. */
export const T3_OTHER_KEYS = ['overdueCorrection', 'unpaidFee', 'other'] as const;

/** 三、本年度办理结果: 21 leaf rows in six categories, plus （七）总计. */
export interface T3Results {
  /** （一）予以公开 */
  disclosed: T3Row;
  /** （二）部分公开 */
  partlyDisclosed: T3Row;
  /** （三）不予公开 */
  withheld: Record<(typeof T3_WITHHELD_KEYS)[number], T3Row>;
  /** （四）无法提供 */
  unavailable: Record<(typeof T3_UNAVAILABLE_KEYS)[number], T3Row>;
  /** （五）不予处理 */
  notProcessed: Record<(typeof T3_NOT_PROCESSED_KEYS)[number], T3Row>;
  /** （六）其他处理 */
  other: Record<(typeof T3_OTHER_KEYS)[number], T3Row>;
  /** （七）总计 */
  total: T3Row;
}

/** 表三 收到和处理政府信息公开申请情况. */
export interface T3 {
  /** 一、本年新收政府信息公开申请数量 */
  received: T3Row;
  /** 二、上年结转政府信息公开申请数量 */
  carriedOver: T3Row;
  /** 三、本年度办理结果 */
  results: T3Results;
  /** 四、结转下年度继续办理 */
  carriedForward: T3Row;
}

/** The three document rows of 表二 第二十条第（一）项: 本年制发件数, 本年废止件数, 现行有效件数. */
export interface T2DocumentRow {
  /** 本年制发件数 */
  issued: CellValue;
  /** 本年废止件数 */
  repealed: CellValue;
  /** 现行有效件数 */
  inForce: CellValue;
}

/** A 表二 row with one count: 本年处理决定数量. */
export interface T2DecisionRow {
  /** 本年处理决定数量 */
  decisions: CellValue;
}

/** 表二 主动公开政府信息情况. */
export interface T2 {
  /** 第二十条第（一）项 规章 */
  rules: T2DocumentRow;
  /** 第二十条第（一）项 行政规范性文件 */
  normativeDocs: T2DocumentRow;
  /** 第二十条第（五）项 行政许可 */
  licensing: T2DecisionRow;
  /** 第二十条第（六）项 行政处罚 */
  penalties: T2DecisionRow;
  /** 第二十条第（六）项 行政强制 */
  coercion: T2DecisionRow;
  /** 第二十条第（八）项 行政事业性收费 */
  fees: {
    /** 本年收费金额, in 万元 (the only non-integer statutory cell). */
    amount: CellValue;
  };
}

/** The five outcome columns of each 表四 group, in statutory order. */
export const T4_COLUMN_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
/** A column of 表四. */
export type T4ColumnKey = (typeof T4_COLUMN_KEYS)[number];
/** The three groups of 表四, in statutory order. */
export const T4_GROUP_KEYS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
/** A group of 表四. */
export type T4GroupKey = (typeof T4_GROUP_KEYS)[number];
/** One 表四 group: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
export type T4Group = Record<T4ColumnKey, CellValue>;
/** 表四 政府信息公开行政复议、行政诉讼情况. */
export type T4 = Record<T4GroupKey, T4Group>;

/** Contact details, usually from the preamble. */
export interface Contact {
  phone?: string;
  address?: string;
  postcode?: string;
  email?: string;
}

/** Who is reporting: a 人民政府 on itself, a 部门, or another body (university, SOE…). */
export type AgencyKind = 'government' | 'department' | 'other';

/** Facts about the report itself. */
export interface ReportMeta {
  /** The reporting body, e.g. `平罗县头闸镇人民政府`. */
  agency: string;
  /** The reported year N (statistics period N-01-01 to N-12-31). */
  year: number;
  /** What kind of body reports; decides the publication deadline. */
  kind?: AgencyKind;
  /** e.g. `宁夏回族自治区石嘴山市平罗县`. */
  region?: string;
  contact?: Contact;
  /** Publication date `YYYY-MM-DD`, when known. */
  publishedAt?: string;
  /** Defaults to `{agency}{year}年政府信息公开工作年度报告`. */
  title?: string;
}

/** A narrative heading: level 2 = （一）, 3 = 1., 4 = （1）. */
export interface HeadingBlock {
  type: 'heading';
  level: 2 | 3 | 4;
  text: string;
}

/** A narrative paragraph, optionally opening with a bold lead-in phrase. */
export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  /** A bold lead-in printed before `text`, e.g. `规范网站管理。`. */
  lead?: string;
}

/** A block of narrative. */
export type Block = HeadingBlock | ParagraphBlock;

/** The narrative parts; the table parts 二/三/四 are `t2`/`t3`/`t4`. */
export interface ReportSections {
  /** 一、总体情况 */
  overview?: Block[];
  /** 五、存在的主要问题及改进情况 */
  problems?: Block[];
  /** 六、其他需要报告的事项 */
  other?: Block[];
}

/** The statutory format a report follows. Only "2021" is accepted by `parseReport`. */
export type FormatVersion = '2021';

/** A whole annual report, as Report JSON v1. */
export interface Report {
  formatVersion: FormatVersion;
  meta: ReportMeta;
  /** Paragraphs before 一、总体情况 (legal basis, period, contact). */
  preamble?: string[];
  sections?: ReportSections;
  /** 二、主动公开政府信息情况 */
  t2: T2;
  /** 三、收到和处理政府信息公开申请情况 */
  t3: T3;
  /** 四、政府信息公开行政复议、行政诉讼情况 */
  t4: T4;
}

/** The id of a statutory table. */
export type TableId = 't2' | 't3' | 't4';

/** A dotted cell address such as `t3.results.withheld.stateSecret.naturalPerson`. */
export type CellAddress = string;

/** A message users read, in Chinese and English. */
export interface LocalizedText {
  zh: string;
  en: string;
}
