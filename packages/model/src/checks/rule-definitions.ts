import type { RuleDefinition } from './context.js';
import { AGENCY_RULES } from './rules/agency.js';
import { ARITHMETIC_RULES } from './rules/arithmetic.js';
import { CELL_RULES } from './rules/cells.js';
import { CROSS_YEAR_RULES } from './rules/cross-year.js';
import { DEADLINE_RULES } from './rules/deadline.js';
import { NARRATIVE_RULES } from './rules/narrative.js';
import { TEXT_RULES } from './rules/text.js';

/**
 * Every rule family's definitions with their evaluators, in reporting order (by `rank`): what the engine runs.
 * The registry `RULES` (rules.ts) is built from the same families' metadata alone, so the two list the same rules
 * in the same order (a test holds them equal).
 */
export const RULE_DEFINITIONS: readonly RuleDefinition[] = [
  ...ARITHMETIC_RULES,
  ...CELL_RULES,
  ...NARRATIVE_RULES,
  ...DEADLINE_RULES,
  ...TEXT_RULES,
  ...CROSS_YEAR_RULES,
  ...AGENCY_RULES,
].sort((a, b) => a.rank - b.rank);
