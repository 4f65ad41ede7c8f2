import { cellLabel } from '../../tables/cells.js';
import type { CellAddress } from '../../types.js';
import { agencyLevel, cannotMakeRules } from '../agency-level.js';
import { tableStructure } from '../arithmetic.js';
import { cellIndex, numberAt } from '../cell-values.js';
import {
  type Ctx,
  emit,
  kept,
  type RuleDefinition,
  type RuleMeta,
  type Status,
  withEvaluators,
} from '../context.js';

/*
 * What the reporting body may have, by its level (agency-level.ts reads it from `meta.agency`): a county,
 * district or township body cannot make 规章, so 规章 counted in its 表二 are most likely another body's
 * documents or 行政规范性文件 in the wrong row. Advice (`info`): the level is read from the name.
 */

/** The ids of the rules about the reporting body. */
export type AgencyRuleId = 't2-rules-level';

/** 表二's 规章 row: the first document row of the table structure. */
function rulesRow(): { label: string; cells: readonly CellAddress[] } {
  const row = tableStructure().stockRows[0] as ReturnType<typeof tableStructure>['stockRows'][number];
  return { label: row.label, cells: [row.issued, row.repealed, row.inForce] };
}

function rulesLevel(ctx: Ctx): void {
  const agency = ctx.report.meta?.agency;
  if (typeof agency !== 'string') return;
  const level = agencyLevel(agency);
  // Only a name that settles the level gives an instance; elsewhere the rule says nothing.
  if (!cannotMakeRules(level)) return;
  const { label, cells } = rulesRow();
  const reported = cells.filter((cell) => (numberAt(ctx.values, cellIndex(cell)) ?? 0) > 0);
  const status: Status = reported.length > 0 ? 'fail' : 'pass';
  if (!kept(ctx, status)) return;
  const place =
    level === 'county'
      ? { zh: '县（区、旗）级', en: 'county-level' }
      : { zh: '乡镇（街道）级', en: 'township-level' };
  emit(ctx, status, () => {
    if (status === 'pass') {
      return {
        cells: [...cells],
        message: {
          zh: `${agency}为${place.zh}机关，表二未填${label}`,
          en: `${agency} is a ${place.en} body and reports no ${label} in table 二`,
        },
      };
    }
    const listed = reported.map(
      (cell) => `${cellLabel(cell)} = ${String(numberAt(ctx.values, cellIndex(cell)))}`,
    );
    return {
      cells: reported,
      message: {
        zh: `${agency}按名称为${place.zh}机关，无权制定${label}（立法法第九十一条、第九十三条），表二却填有：${listed.join('；')}；请核对是否应填入行政规范性文件`,
        en: `${agency} is, by its name, a ${place.en} body, which cannot make ${label} (立法法 arts. 91, 93), yet table 二 has ${listed.join('; ')}; check whether these belong under 行政规范性文件`,
      },
    };
  });
}

/**
 * Metadata only (no evaluators, no cells read), which the rule registry `RULES` is built from: code that needs
 * rule titles and order (a findings list) then bundles none of the checks.
 *
 * The rules about the reporting body: one instance for a body whose name places it at county level or below.
 */
export const AGENCY_RULE_SPECS: readonly RuleMeta<AgencyRuleId>[] = [
  {
    id: 't2-rules-level',
    rank: 205,
    severity: 'info',
    scope: 't2',
    needsPrevious: false,
    title: {
      zh: '县级及以下机关无权制定规章，表二却填有规章',
      en: 'A body at county level or below, which cannot make 规章, reports 规章 in table 二',
    },
  },
];

/** The family's rules with the cells they read and their evaluators, for the engine. */
export const AGENCY_RULES: readonly RuleDefinition<AgencyRuleId>[] = /* @__PURE__ */ withEvaluators(
  AGENCY_RULE_SPECS,
  () => ({
    't2-rules-level': { reads: () => rulesRow().cells, evaluate: rulesLevel },
  }),
);
