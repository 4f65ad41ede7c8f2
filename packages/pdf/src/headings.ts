/**
 * Top-level headings of the narrative parts (一、五、六). The table parts (二、三、四) take their headings from
 * the model's `TableSpec.caption`; these three are not in the model yet, so they are stated here, verbatim
 * from 国办公开办函〔2021〕30号.
 */
export const PART_HEADINGS: { readonly overview: string; readonly problems: string; readonly other: string } =
  {
    overview: '一、总体情况',
    problems: '五、存在的主要问题及改进情况',
    other: '六、其他需要报告的事项',
  };

/** The printed title: `meta.title`, else `{agency}{year}年政府信息公开工作年度报告`. */
export function reportTitle(meta: { agency: string; year: number; title?: string }): string {
  return meta.title ?? `${meta.agency}${meta.year}年政府信息公开工作年度报告`;
}
