import type { LocalizedText } from '../types.js';
import { INDICATOR_IDS, INDICATORS, NATIONAL_DEADLINES, NATIONAL_THRESHOLDS } from './indicators.js';
import type {
  Deadlines,
  Deduction,
  IndicatorId,
  IndicatorMode,
  IndicatorSetting,
  ManualItem,
  ResolvedRulepack,
  ScoreThresholds,
} from './types.js';

/*
 * Rulepacks as data and their defaults, without the validation (rulepack.ts, which loads zod): `scoreReport` runs
 * on a resolved rulepack, so it stays in @nianbao/model/core beside `checkReport`.
 */

/** An indicator's settings in a rulepack; what is left out keeps the national default. */
export interface RulepackIndicator {
  enabled?: boolean;
  weight?: number;
  mode?: IndicatorMode;
}

/** A rulepack file (format 1), as `parseRulepack` returns it. */
export interface Rulepack {
  /** The JSON Schema the file declares, for editors; not read. */
  $schema?: string;
  /** The rulepack format: always 1. */
  rulepack: 1;
  /** A short name printed on the scorecard, e.g. `宿迁（示例）`. */
  name: string;
  description?: LocalizedText;
  indicators?: Partial<Record<IndicatorId, RulepackIndicator>>;
  thresholds?: Partial<ScoreThresholds>;
  deadlines?: Partial<Deadlines>;
  deductions?: Deduction[];
  /** Items a person scores by hand (e.g. 图解 published, required content items), with their weights. */
  manual?: ManualItem[];
}

/** The national defaults as a rulepack: every indicator on, automatic, at its default weight; no deductions. */
export function nationalRulepack(): ResolvedRulepack {
  return {
    name: 'national',
    description: {
      zh: '全国默认：《条例》与国办公开办函〔2021〕30号要求的内容，权重为本项目所定（合计 100）',
      en: 'National defaults: what the Regulations and 国办公开办函〔2021〕30号 require; weights are the project’s choice (sum 100)',
    },
    indicators: Object.fromEntries(
      INDICATORS.map((spec) => [spec.id, { enabled: true, weight: spec.weight, mode: 'automatic' }]),
    ) as Record<IndicatorId, IndicatorSetting>,
    thresholds: { ...NATIONAL_THRESHOLDS },
    deadlines: { ...NATIONAL_DEADLINES },
    deductions: [],
    manual: [],
  };
}

/** A rulepack laid over the national defaults (`nationalRulepack()` when none is given). */
export function resolveRulepack(pack?: Rulepack): ResolvedRulepack {
  const national = nationalRulepack();
  if (!pack) return national;
  const indicators = { ...national.indicators };
  for (const id of INDICATOR_IDS) {
    const given = pack.indicators?.[id];
    if (given) indicators[id] = { ...indicators[id], ...given };
  }
  return {
    name: pack.name,
    description: pack.description ?? { zh: pack.name, en: pack.name },
    indicators,
    thresholds: { ...national.thresholds, ...pack.thresholds },
    deadlines: { ...national.deadlines, ...pack.deadlines },
    deductions: [...(pack.deductions ?? [])],
    manual: [...(pack.manual ?? [])],
  };
}
