import type { ReportMeta, ReportSections } from '@nianbao/model';

/*
 * The model has the three table captions (二/三/四) but not the headings of the narrative parts 一/五/六 nor the
 * default title; until it exports them, they live here, once, verbatim from report-json-v1.md.
 */

/** The statutory headings of the narrative parts, keyed like `Report.sections`. */
export const NARRATIVE_HEADINGS: Readonly<Record<keyof ReportSections, string>> = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/** A report's title: `meta.title`, or `{agency}{year}年政府信息公开工作年度报告`. */
export function reportTitle(meta: ReportMeta): string {
  return meta.title ?? `${meta.agency}${meta.year}年政府信息公开工作年度报告`;
}
