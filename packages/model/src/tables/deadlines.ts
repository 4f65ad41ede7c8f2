import type { AgencyKind } from '../types.js';

/**
 * The statutory publication deadlines (条例第四十九条), as `MM-DD` of the year after the reported one, by kind of
 * body: a 人民政府's report by 31 March, a 部门's by 31 January. Other bodies (universities, state enterprises) are
 * held to the department deadline. The checker's `deadline` rule and the scorecard's national defaults both read
 * this table, so they cannot disagree.
 */
export const STATUTORY_DEADLINES: Readonly<Record<AgencyKind, string>> = {
  government: '03-31',
  department: '01-31',
  other: '01-31',
};
