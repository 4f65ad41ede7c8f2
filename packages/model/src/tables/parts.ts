import type { ReportMeta, ReportSections } from '../types.js';

/**
 * The statutory headings of the narrative parts 一、五、六, keyed like `Report.sections`, verbatim from
 * 国办公开办函〔2021〕30号. The table parts 二、三、四 take theirs from `TableSpec.caption`.
 */
export const NARRATIVE_HEADINGS: Readonly<Record<keyof ReportSections, string>> = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/** A report's printed title: `meta.title`, else `{agency}{year}年政府信息公开工作年度报告`. */
export function reportTitle(meta: Pick<ReportMeta, 'agency' | 'year' | 'title'>): string {
  return meta.title ?? `${meta.agency}${meta.year}年政府信息公开工作年度报告`;
}
