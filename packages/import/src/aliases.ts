/*
 * Real-world variants of the statute's wording, in one place. The statute's own labels come from
 * @nianbao/model (T2_SPEC, T3_SPEC, T4_SPEC, NARRATIVE_HEADINGS); this file lists only what published reports
 * write instead (see statutory-format-2021.md §2–§5), each with where it was seen.
 */

import { NARRATIVE_HEADINGS, T2_SPEC, T3_SPEC, T4_SPEC } from '@nianbao/model';

/** A part of the report and the key phrases its heading may carry (without the 一、 numbering). */
export interface PartHeadingVariants {
  readonly part: 'overview' | 't2' | 't3' | 't4' | 'problems' | 'other';
  /** Phrases matched after the numbering; whitespace is ignored and punctuation is compared ASCII-folded. */
  readonly phrases: readonly string[];
}

/** A statutory heading without its `一、` numbering: the phrase reports are matched on. */
const phrase = (heading: string): string => heading.replace(/^[一二三四五六]、/, '');

/**
 * Heading variants of the six parts, in report order. The first phrase is the statute's, from @nianbao/model;
 * the rest are what published reports write instead.
 */
export const PART_HEADINGS: readonly PartHeadingVariants[] = [
  { part: 'overview', phrases: [phrase(NARRATIVE_HEADINGS.overview)] },
  { part: 't2', phrases: [phrase(T2_SPEC.caption)] },
  { part: 't3', phrases: [phrase(T3_SPEC.caption)] },
  {
    part: 't4',
    phrases: [
      phrase(T4_SPEC.caption),
      '政府信息公开行政复议和行政诉讼情况',
      '政府信息公开行政复议及行政诉讼情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
    ],
  },
  {
    part: 'problems',
    phrases: [
      phrase(NARRATIVE_HEADINGS.problems),
      '存在的主要问题及整改措施', // 013
      '政府信息公开工作存在的主要问题及改进情况',
      '存在的主要问题和改进措施', // 014 preamble wording
      '存在的主要问题及改进措施',
      '存在的主要问题和改进情况',
    ],
  },
  { part: 'other', phrases: [phrase(NARRATIVE_HEADINGS.other)] },
];

/** Row labels reports print instead of the statute's, keyed by the statute's row key path. */
export const ROW_LABEL_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // 007, 013: the 2019 label survives in 2021-format tables.
  normativeDocs: ['规范性文件'],
};

/** Prefixes of lines that are page furniture, not content. */
export const PAGE_NUMBER: RegExp =
  /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$/;

/**
 * Words that open the sentence after a run-in heading printed with no punctuation (012:
 * `（一）强化组织协调，着力规范公开工作积极贯彻…`, `（二）围绕工作重点，扎实推进主动公开根据国家…`).
 */
export const RUN_IN_OPENERS: readonly string[] = [
  '积极',
  '根据',
  '按照',
  '围绕',
  '坚持',
  '严格',
  '认真',
  '依托',
  '结合',
  '通过',
  '全年',
  '今年',
  '本年',
  '我区',
  '我市',
  '我县',
  '我局',
];
