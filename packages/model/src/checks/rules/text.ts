import type { CellAddress } from '../../types.js';
import { oddCharactersMessage, oddFields } from '../characters.js';
import { type Ctx, emit, type RuleDefinition, type RuleMeta, withEvaluators } from '../context.js';

/*
 * Characters that print as garbage or reorder an official document's text (characters.ts finds them). The rule
 * bounds its own findings (`boundsItself`): the first MAX_CHARACTER_FINDINGS fields, then one counting the rest.
 */

/** The ids of the text rules. */
export type TextRuleId = 'text-characters';

/** How many fields `text-characters` names one by one; one more finding counts the rest. */
const MAX_CHARACTER_FINDINGS = 100;

function textCharacters(ctx: Ctx): void {
  const { fields, more } = oddFields(ctx.report, MAX_CHARACTER_FINDINGS);
  if (fields.length === 0) {
    emit(ctx, 'pass', () => ({
      cells: [],
      message: {
        zh: '文字中没有控制字符、孤立代理码元或双向文字控制符',
        en: 'No text holds control characters, lone surrogates or bidirectional controls',
      },
    }));
    return;
  }
  for (const field of fields) {
    emit(ctx, 'fail', () => ({
      cells: [],
      message: oddCharactersMessage(field.path, field.found),
    }));
  }
  if (more > 0) {
    emit(ctx, 'fail', () => ({
      cells: [],
      message: {
        zh: `另有 ${more} 个字段含有此类字符（只列出前 ${MAX_CHARACTER_FINDINGS} 个）`,
        en: `${more} more fields hold such characters (only the first ${MAX_CHARACTER_FINDINGS} are listed)`,
      },
    }));
  }
}

/**
 * Metadata only (no evaluators, no cells read), which the rule registry `RULES` is built from: code that needs
 * rule titles and order (a findings list) then bundles none of the checks.
 *
 * The text rule: one instance per text field (meta, title, preamble, every block) holding such characters.
 */
export const TEXT_RULE_SPECS: readonly RuleMeta<TextRuleId>[] = [
  {
    id: 'text-characters',
    rank: 170,
    severity: 'warning',
    scope: 'meta',
    needsPrevious: false,
    boundsItself: true,
    title: {
      zh: '文字中有控制字符、孤立代理码元或双向文字控制符',
      en: 'Text holds control characters, lone surrogates or bidirectional controls',
    },
  },
];

/** The family's rules with the cells they read and their evaluators, for the engine. */
export const TEXT_RULES: readonly RuleDefinition<TextRuleId>[] = /* @__PURE__ */ withEvaluators(
  TEXT_RULE_SPECS,
  () => ({
    'text-characters': { reads: (): readonly CellAddress[] => [], evaluate: textCharacters },
  }),
);
