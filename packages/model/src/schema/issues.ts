import type { LocalizedText } from '../types.js';
import { alternatives, closest, isBlankMark, keyList, numberInText, show, toHalfWidth } from './messages.js';
import { formatPath, type PathSegment } from './path.js';
import { MAX_YEAR, MIN_YEAR, type Role } from './report-schema.js';

/**
 * The stable machine id of a problem found in an input. From `parseReport` / `parseReportJson`: `wrong-type`,
 * `missing`, `unknown-key`, `empty`, `not-a-count`, `not-an-amount`, `bad-year`, `bad-date`, `bad-value`,
 * `format-version`, `invalid`, `json-syntax`, `too-large`, `too-deep`, `unreadable`, and `too-many-issues`
 * (path ``: how many more problems were found than are listed). Reading a file before it is parsed (the CLI,
 * the server) adds `not-found`, `is-directory`, `not-a-file`, `binary` and `not-utf8`; `empty`, `too-large`
 * and `unreadable` are shared.
 */
export type ParseIssueCode =
  | 'wrong-type'
  | 'missing'
  | 'unknown-key'
  | 'empty'
  | 'not-a-count'
  | 'not-an-amount'
  | 'bad-year'
  | 'bad-date'
  | 'bad-value'
  | 'format-version'
  | 'invalid'
  | 'json-syntax'
  | 'too-large'
  | 'too-deep'
  | 'unreadable'
  | 'too-many-issues'
  | 'not-found'
  | 'is-directory'
  | 'not-a-file'
  | 'binary'
  | 'not-utf8';

/** One problem found in an input, located by its JSON path, with a stable code and a zh/en message. */
export interface ParseIssue {
  /** Dotted JSON path of the offending value, e.g. `t3.received.naturalPerson`; `` for the root. */
  path: string;
  code: ParseIssueCode;
  message: LocalizedText;
}

/** Builds an issue whose message opens with the path: `t3.received.naturalPerson：…` / `…: …`. */
export function issue(
  segments: readonly PathSegment[],
  code: ParseIssueCode,
  text: LocalizedText,
): ParseIssue {
  const path = formatPath(segments);
  const message =
    path === ''
      ? { zh: `根节点${text.zh}`, en: `root ${text.en}` }
      : { zh: `${path}：${text.zh}`, en: `${path}: ${text.en}` };
  return { path, code, message };
}

/** `expected` + `，实为 X` / `, got X` + an optional hint. */
export function got(
  expected: LocalizedText,
  value: unknown,
  hint?: LocalizedText,
  written?: string,
): LocalizedText {
  const shown = written === undefined ? show(value) : { zh: written, en: written };
  // No space between two Chinese words (实为数组), one before a quoted value or number (实为 "12件").
  const space = /^[\u4e00-\u9fff]/u.test(shown.zh) ? '' : ' ';
  return {
    zh: `${expected.zh}，实为${space}${shown.zh}${hint ? `，${hint.zh}` : ''}`,
    en: `${expected.en}, got ${shown.en}${hint ? `; ${hint.en}` : ''}`,
  };
}

function where(parent: readonly PathSegment[]): LocalizedText {
  const path = formatPath(parent);
  return path === '' ? { zh: '顶层', en: 'at the top level' } : { zh: `${path} 中`, en: `in ${path}` };
}

/** Why a value is not a usable number, with what to write instead. */
function numberHint(value: unknown, kind: 'count' | 'amount' | 'year'): LocalizedText | undefined {
  if (typeof value === 'string') {
    if (kind !== 'year' && isBlankMark(value)) {
      return {
        zh: '空白、/、— 或“无”请写 null',
        en: 'write null for a blank, /, — or 无 cell',
      };
    }
    const found = numberInText(value);
    if (!found) return undefined;
    const fits =
      found.value >= 0 &&
      (kind === 'amount' || Number.isInteger(found.value)) &&
      (kind !== 'year' || (found.value >= MIN_YEAR && found.value <= MAX_YEAR));
    if (!fits) return undefined;
    const n = String(found.value);
    if (found.fullWidth)
      return { zh: `其中是全角数字，请改为半角 ${n}`, en: `those are full-width digits; write ${n}` };
    if (found.unit) {
      return {
        zh: `请只写数字 ${n}（单位“${found.unit}”不写入）`,
        en: `write the number ${n} (the unit ${found.unit} is implied)`,
      };
    }
    if (found.grouped)
      return { zh: `请去掉千位分隔符，写作 ${n}`, en: `write ${n} without thousands separators` };
    return {
      zh: `这是加了引号的数字，请去掉引号写作 ${n}`,
      en: `that is a number in quotes; write ${n} without the quotes`,
    };
  }
  if (typeof value !== 'number') return undefined;
  if (!Number.isFinite(value)) {
    return { zh: `${value} 不是合法的 JSON 数字`, en: `${value} is not a JSON number` };
  }
  if (kind === 'year') {
    if (Number.isInteger(value) && value >= 0 && value < 100 && 2000 + value >= MIN_YEAR) {
      return { zh: `请写完整年份，如 ${2000 + value}`, en: `write the full year, e.g. ${2000 + value}` };
    }
    if (value < MIN_YEAR && value > 1900) {
      return { zh: '《政府信息公开条例》自 2008 年起施行', en: 'the 条例 applies from 2008' };
    }
    if (!Number.isInteger(value)) return { zh: '年份应为整数', en: 'a year is a whole number' };
    return undefined;
  }
  if (value < 0) {
    return kind === 'count'
      ? { zh: '件数不能为负', en: 'a count cannot be negative' }
      : { zh: '金额不能为负', en: 'an amount cannot be negative' };
  }
  if (kind === 'count' && !Number.isInteger(value)) {
    return { zh: '件数应为整数', en: 'a count is a whole number' };
  }
  if (kind === 'count' && value > Number.MAX_SAFE_INTEGER) {
    return { zh: '数值过大，超出精确整数范围', en: 'too large to be an exact integer' };
  }
  return undefined;
}

const DATE_LIKE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u;

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dateHint(value: unknown): LocalizedText | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE_LIKE.exec(toHalfWidth(value).trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!realDate(year, month, day)) return { zh: '该日期不存在', en: 'there is no such date' };
  const iso = `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (iso === value) return undefined;
  return { zh: `请写作 "${iso}"`, en: `write "${iso}"` };
}

const KIND_VALUES = ['government', 'department', 'other'] as const;

function kindHint(value: unknown): LocalizedText | undefined {
  if (typeof value !== 'string') return undefined;
  let meant: string | undefined = closest(value, KIND_VALUES);
  if (!meant && /政府/u.test(value)) meant = 'government';
  else if (!meant && /部门|局|委|办|厅|署|院/u.test(value)) meant = 'department';
  else if (!meant && /其他|学|企业|公司|集团|医院/u.test(value)) meant = 'other';
  return meant ? { zh: `是否应为 "${meant}"？`, en: `did you mean "${meant}"?` } : undefined;
}

const TYPE_HINT = {
  zh: '应为块对象：{"type": "heading", "level": 2, "text": …} 或 {"type": "paragraph", "text": …}',
  en: 'must be a block object, {"type": "heading", "level": 2, "text": …} or {"type": "paragraph", "text": …}',
};

/** The message for a value that is present but wrong, according to what its schema node expects. */
export function valueIssue(
  segments: readonly PathSegment[],
  value: unknown,
  role: Role | undefined,
  objectKeys: readonly string[] | undefined,
  fallback: string,
  written?: string,
): ParseIssue {
  switch (role?.kind) {
    case 'count':
      return issue(
        segments,
        'not-a-count',
        got(
          { zh: '应为非负整数', en: 'must be a non-negative integer' },
          value,
          numberHint(value, 'count'),
          written,
        ),
      );
    case 'amount':
      return issue(
        segments,
        'not-an-amount',
        got(
          {
            zh: '应为非负数（单位：万元，可有小数）',
            en: 'must be a non-negative number of 万元 (decimals allowed)',
          },
          value,
          numberHint(value, 'amount'),
          written,
        ),
      );
    case 'year':
      return issue(
        segments,
        'bad-year',
        got(
          {
            zh: `应为 ${MIN_YEAR} 至 ${MAX_YEAR} 之间的整数年份`,
            en: `must be a whole year from ${MIN_YEAR} to ${MAX_YEAR}`,
          },
          value,
          numberHint(value, 'year'),
          written,
        ),
      );
    case 'date':
      return issue(
        segments,
        'bad-date',
        got(
          { zh: '应为 YYYY-MM-DD 格式的真实日期', en: 'must be a real calendar date written YYYY-MM-DD' },
          value,
          dateHint(value),
        ),
      );
    case 'format-version': {
      if (value === '2019') {
        return issue(segments, 'format-version', {
          zh: '"2019" 为 2019 年版年报格式，可以识别但不支持渲染或校验；请用导入工具将其转换为 2021 年版格式',
          en: '"2019" is the 2019 report format, which is recognised but not supported for rendering or checking; use the importer to convert the report to the 2021 format',
        });
      }
      const hint =
        value === 2021 || value === 2019
          ? { zh: `须为字符串，请写 "${value}"（加引号）`, en: `it is a string: write "${value}" in quotes` }
          : undefined;
      return issue(
        segments,
        'format-version',
        got(
          { zh: '应为 "2021"（2021 年版法定格式）', en: 'must be "2021" (the 2021 statutory format)' },
          value,
          hint,
        ),
      );
    }
    case 'agency-kind':
      return issue(
        segments,
        'bad-value',
        got(
          {
            zh: `应为 ${alternatives(KIND_VALUES).zh} 之一`,
            en: `must be one of ${alternatives(KIND_VALUES).en}`,
          },
          value,
          kindHint(value),
        ),
      );
    case 'heading-level': {
      let hint: LocalizedText | undefined;
      if (typeof value === 'string' && /^[234]$/.test(value.trim())) {
        hint = { zh: `请去掉引号写作 ${value.trim()}`, en: `write ${value.trim()} without the quotes` };
      } else if (value === 1) {
        hint = {
          zh: '1 级标题（一、…）由各部分隐含，不写入块中',
          en: 'level 1 (一、…) is implied by the section and is not a block',
        };
      }
      return issue(
        segments,
        'bad-value',
        got(
          {
            zh: '应为 2、3 或 4（2 =（一），3 = 1.，4 =（1））',
            en: 'must be 2, 3 or 4 (2 = （一）, 3 = 1., 4 = （1）)',
          },
          value,
          hint,
        ),
      );
    }
    case 'block-type': {
      const meant = typeof value === 'string' ? closest(value, role.values) : undefined;
      return issue(
        segments,
        'bad-value',
        got(
          { zh: `应为 ${alternatives(role.values).zh}`, en: `must be ${alternatives(role.values).en}` },
          value,
          meant ? { zh: `是否应为 "${meant}"？`, en: `did you mean "${meant}"?` } : undefined,
        ),
      );
    }
    case 'block':
      return issue(
        segments,
        'wrong-type',
        got(
          TYPE_HINT,
          value,
          typeof value === 'string'
            ? {
                zh: '段落请写作 {"type": "paragraph", "text": "…"}',
                en: 'write a paragraph as {"type": "paragraph", "text": "…"}',
              }
            : undefined,
        ),
      );
    case 'text':
      if (typeof value === 'string') {
        return issue(
          segments,
          'empty',
          got({ zh: `${role.what.zh}不能为空`, en: `${role.what.en} must not be empty` }, value),
        );
      }
      return issue(
        segments,
        'wrong-type',
        got(
          role.nonEmpty
            ? { zh: '应为非空字符串', en: 'must be a non-empty string' }
            : { zh: '应为字符串', en: 'must be a string' },
          value,
        ),
      );
    case 'array':
      return issue(
        segments,
        'wrong-type',
        got(
          { zh: `应为数组（${role.what.zh}）`, en: `must be an array (${role.what.en})` },
          value,
          typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value))
            ? { zh: '请用 [ ] 括起各项', en: 'put the items in [ ]' }
            : undefined,
        ),
      );
    default:
      if (objectKeys) {
        return issue(
          segments,
          'wrong-type',
          got(
            {
              zh: `应为对象（键：${keyList(objectKeys).zh}）`,
              en: `must be an object with keys ${keyList(objectKeys).en}`,
            },
            value,
            Array.isArray(value)
              ? {
                  zh: '应为以键名标注各项的对象，而不是数组',
                  en: 'use an object keyed by name, not an array',
                }
              : undefined,
          ),
        );
      }
      return issue(
        segments,
        'invalid',
        got({ zh: `无效（${fallback}）`, en: `is not valid (${fallback})` }, value),
      );
  }
}

/** How many unknown keys of an object a missing-key message looks through for a typo. */
const MAX_TYPO_SCAN = 1000;

/** The message for a required key that is absent. */
export function missingIssue(
  segments: readonly PathSegment[],
  role: Role | undefined,
  parent: Record<string, unknown>,
  siblingKeys: readonly string[],
): ParseIssue {
  const key = String(segments[segments.length - 1]);
  if (role?.kind === 'format-version') {
    return issue(segments, 'format-version', {
      zh: '缺少此项；Report JSON v1 须写明 "formatVersion": "2021"（2021 年版法定格式）',
      en: 'missing; Report JSON v1 needs "formatVersion": "2021" (the 2021 statutory format)',
    });
  }
  if (role?.kind === 'block-type') {
    return issue(segments, 'missing', {
      zh: `缺少此项；每个块须有 "type"：${alternatives(role.values).zh}`,
      en: `missing; every block needs a "type": ${alternatives(role.values).en}`,
    });
  }
  const at = where(segments.slice(0, -1));
  // A misspelt key is reported as unknown too; pointing at it here saves a search (among the first
  // MAX_TYPO_SCAN keys, so an object with a huge number of keys costs no more than a bounded look).
  const siblings = new Set(siblingKeys);
  let typo: string | undefined;
  let scanned = 0;
  for (const k in parent) {
    if (!Object.hasOwn(parent, k) || siblings.has(k)) continue;
    if (closest(k, [key]) === key) {
      typo = k;
      break;
    }
    if (++scanned >= MAX_TYPO_SCAN) break;
  }
  const hint = typo
    ? { zh: `；发现 "${typo}"，是否拼写错误？`, en: `; found "${typo}" — a typo?` }
    : { zh: '', en: '' };
  return issue(segments, 'missing', {
    zh: `缺少必填项（${at.zh}须有 "${key}"）${hint.zh}`,
    en: `missing (the key "${key}" is required ${at.en})${hint.en}`,
  });
}

/**
 * The message for a key the contract does not have. `absent` is the allowed keys the object lacks (the
 * only ones a typo can have meant); the caller computes it once per object, so that an object with many
 * unknown keys costs time linear in its size.
 */
export function unknownKeyIssue(
  parentSegments: readonly PathSegment[],
  key: string,
  allowed: readonly string[],
  absent: readonly string[],
): ParseIssue {
  const segments = [...parentSegments, key];
  const at = where(parentSegments);
  const meant = closest(key, absent);
  const tail = meant
    ? { zh: `，是否应为 "${meant}"？`, en: `; did you mean "${meant}"?` }
    : { zh: `；允许的键：${keyList(allowed).zh}`, en: `; allowed keys: ${keyList(allowed).en}` };
  const shown = show(key);
  return issue(segments, 'unknown-key', {
    zh: `${at.zh}有未知键 ${shown.zh}${tail.zh}`,
    en: `unknown key ${shown.en} ${at.en}${tail.en}`,
  });
}
