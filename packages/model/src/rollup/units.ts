import type { AgencyKind, LocalizedText } from '../types.js';
import { normaliseAgencyName } from './year-over-year.js';

/*
 * The list of bodies a 政务公开办 covers (`nianbao audit --expected units.csv`), as the statistics system hands
 * it out: a CSV with a header row in Chinese or English, saved by Excel or WPS as UTF-8 (with or without a BOM) or
 * as GBK. Only the name is required; a code, a level, a kind (which decides the deadline) and a 本级 mark may be
 * given. Every problem is reported with its line and column, and no row or column the user gave is dropped: columns
 * this reader does not know are kept as `extra`. Browser-safe (TextDecoder only).
 */

/** One body the office expects a report from. */
export interface ExpectedUnit {
  /** The body's name as the list gives it. */
  name: string;
  /** The matching key (`normaliseAgencyName(name)`), the same the year-over-year comparison matches by. */
  key: string;
  /** Other names the body's reports go by (`别名` column, e.g. `上海市科委`), matched the same way. */
  aliases?: string[];
  /** e.g. the 统一社会信用代码, when the list has a code column. */
  code?: string;
  /** e.g. `县级`, `乡镇`, as the list says it. */
  level?: string;
  /** The kind of body, which decides the statutory deadline; the report's own `meta.kind` when absent. */
  kind?: AgencyKind;
  /** The office's own body (本级): its report is kept apart from the region's total. */
  own?: boolean;
  /** Columns this reader does not know, by their header, so nothing the user gave is lost. */
  extra?: Record<string, string>;
  /** 1-based line of the row in the file. */
  line: number;
}

/** A problem in a unit list, located by 1-based line and column (in characters). */
export interface UnitListError {
  line: number;
  column: number;
  message: LocalizedText;
}

/** The units, or every problem found. `encoding` says how the bytes were read. */
export type UnitListResult =
  | { ok: true; units: ExpectedUnit[]; encoding: 'UTF-8' | 'GB18030' }
  | { ok: false; errors: UnitListError[] };

type Column = 'name' | 'code' | 'level' | 'kind' | 'own' | 'aliases';

/** Header words per column, compared after NFKC, whitespace removal and lower-casing. */
const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  name: [
    '名称',
    '单位名称',
    '机关名称',
    '单位',
    '机关',
    '部门',
    '部门名称',
    '机构名称',
    'name',
    'unit',
    'agency',
    'body',
  ],
  code: ['代码', '单位代码', '机构代码', '组织机构代码', '统一社会信用代码', '编码', '编号', 'code', 'id'],
  level: ['层级', '级别', '行政级别', '单位层级', 'level'],
  kind: ['类型', '类别', '机关类型', '单位类型', '性质', 'kind', 'type'],
  own: ['本级', '是否本级', 'own', 'self'],
  aliases: ['别名', '简称', '其他名称', 'alias', 'aliases'],
};

/** What separates several aliases in one field. */
const ALIAS_SEPARATOR = /[、;；|]/u;

const KINDS: Readonly<Record<string, AgencyKind>> = {
  人民政府: 'government',
  政府: 'government',
  government: 'government',
  部门: 'department',
  政府部门: 'department',
  department: 'department',
  其他: 'other',
  其他机关: 'other',
  other: 'other',
};

const YES = new Set(['是', '√', '✓', 'y', 'yes', 'true', '1', '本级']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0']);

const fold = (text: string): string => text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

function decode(bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'GB18030' } | UnitListError {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      line: 1,
      column: 1,
      message: {
        zh: '单位名单是 UTF-16 编码（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”或 GBK 编码的 CSV',
        en: 'the unit list is UTF-16 (Excel’s “Unicode text”); save it as “CSV UTF-8” or as a GBK CSV',
      },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      line: 1,
      column: 1,
      message: {
        zh: `单位名单不是文本（第 ${nul} 字节为 NUL）；应为 CSV 文件，不是 Excel 工作簿`,
        en: `the unit list is not text (NUL byte at offset ${nul}); it must be a CSV file, not an Excel workbook`,
      },
    };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: what Excel and WPS save a CSV in on a Chinese Windows is GBK, read as its superset GB18030.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'GB18030' };
  } catch {
    return {
      line: 1,
      column: 1,
      message: {
        zh: '单位名单既不是 UTF-8 也不是 GBK/GB18030 编码',
        en: 'the unit list is neither UTF-8 nor GBK/GB18030 text',
      },
    };
  }
}

interface Field {
  text: string;
  column: number;
}

interface Row {
  line: number;
  fields: Field[];
}

/** RFC 4180 rows (quoted fields may hold separators, quotes as `""` and line breaks). */
function csvRows(text: string, separator: string, errors: UnitListError[]): Row[] {
  const rows: Row[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  let row: Row = { line, fields: [] };
  while (i <= text.length) {
    const start = { line, column };
    let value = '';
    if (text[i] === '"') {
      i += 1;
      column += 1;
      let closed = false;
      while (i < text.length) {
        const ch = text[i] as string;
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            column += 2;
            continue;
          }
          i += 1;
          column += 1;
          closed = true;
          break;
        }
        value += ch;
        i += 1;
        if (ch === '\n') {
          line += 1;
          column = 1;
        } else column += 1;
      }
      if (!closed) {
        errors.push({
          ...start,
          message: {
            zh: `第 ${start.line} 行第 ${start.column} 列：引号没有闭合`,
            en: `line ${start.line}, column ${start.column}: the quoted field is never closed`,
          },
        });
        return rows;
      }
      if (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
        errors.push({
          line,
          column,
          message: {
            zh: `第 ${line} 行第 ${column} 列：引号后应为分隔符或换行`,
            en: `line ${line}, column ${column}: a separator or line break must follow the closing quote`,
          },
        });
        while (i < text.length && text[i] !== separator && text[i] !== '\n') {
          i += 1;
          column += 1;
        }
      }
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') {
          errors.push({
            line,
            column,
            message: {
              zh: `第 ${line} 行第 ${column} 列：未加引号的字段中有引号（含引号的字段应整体加引号，引号写作 ""）`,
              en: `line ${line}, column ${column}: a quote inside an unquoted field (quote the whole field and write quotes as "")`,
            },
          });
        }
        value += text[i];
        i += 1;
        column += 1;
      }
    }
    row.fields.push({ text: value, column: start.column });
    if (text[i] === separator) {
      i += 1;
      column += 1;
      continue;
    }
    if (text[i] === '\r') i += 1;
    if (text[i] === '\n') i += 1;
    if (row.fields.some((field) => field.text.trim() !== '')) rows.push(row);
    if (i >= text.length) break;
    line += 1;
    column = 1;
    row = { line, fields: [] };
  }
  return rows;
}

/**
 * Reads a unit list (CSV, comma- or tab-separated; UTF-8 with or without BOM, or GBK/GB18030): a header row naming
 * at least the name column (`名称`/`单位名称`/`name`…; also code `代码`/`统一社会信用代码`/`code`, level
 * `层级`/`level`, kind `类型`/`kind` as 人民政府/部门/其他 or government/department/other, 本级/`own` as
 * 是/否, and `别名`/`aliases`: other names its reports go by, separated by 、 or ;), then one body per row. Blank rows are skipped; unknown columns are kept as `extra`. Refuses with every
 * problem located by line and column: no name column, an empty name, a name, alias or code given twice (after the
 * year-over-year name normalisation), an unknown kind or 本级 mark, more than one body marked 本级.
 */
export function parseUnitList(bytes: Uint8Array): UnitListResult {
  const decoded = decode(bytes);
  if ('message' in decoded) return { ok: false, errors: [decoded] };
  const errors: UnitListError[] = [];
  const firstLine = decoded.text.split('\n', 1)[0] ?? '';
  const separator = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const rows = csvRows(decoded.text, separator, errors);
  const [header, ...body] = rows;
  if (!header) {
    return {
      ok: false,
      errors: [
        ...errors,
        { line: 1, column: 1, message: { zh: '单位名单为空', en: 'the unit list is empty' } },
      ],
    };
  }
  const columns = new Map<Column, number>();
  const extras: { index: number; name: string }[] = [];
  header.fields.forEach((field, index) => {
    const word = fold(field.text);
    const column = (Object.keys(HEADERS) as Column[]).find((key) => HEADERS[key].includes(word));
    if (column && !columns.has(column)) columns.set(column, index);
    else if (column) {
      errors.push({
        line: header.line,
        column: field.column,
        message: {
          zh: `第 ${header.line} 行第 ${field.column} 列：列“${field.text}”重复`,
          en: `line ${header.line}, column ${field.column}: the column “${field.text}” is given twice`,
        },
      });
    } else extras.push({ index, name: field.text.trim() || `#${index + 1}` });
  });
  const nameIndex = columns.get('name');
  if (nameIndex === undefined) {
    errors.push({
      line: header.line,
      column: 1,
      message: {
        zh: `第 ${header.line} 行：表头中没有名称列（应为“名称”“单位名称”“机关名称”或 name 之一）`,
        en: `line ${header.line}: the header has no name column (one of 名称, 单位名称, 机关名称 or name)`,
      },
    });
    return { ok: false, errors };
  }
  const units: ExpectedUnit[] = [];
  const byKey = new Map<string, number>();
  const byCode = new Map<string, number>();
  let ownLine: number | undefined;
  for (const row of body) {
    const at = (column: Column): Field | undefined => {
      const index = columns.get(column);
      return index === undefined ? undefined : row.fields[index];
    };
    const fail = (field: Field | undefined, zh: string, en: string): void => {
      const column = field?.column ?? row.fields.at(-1)?.column ?? 1;
      errors.push({
        line: row.line,
        column,
        message: {
          zh: `第 ${row.line} 行第 ${column} 列：${zh}`,
          en: `line ${row.line}, column ${column}: ${en}`,
        },
      });
    };
    const nameField = at('name');
    const name = nameField?.text.trim() ?? '';
    if (name === '') {
      fail(nameField, '名称为空', 'the name is empty');
      continue;
    }
    const key = normaliseAgencyName(name);
    const earlier = byKey.get(key);
    if (earlier !== undefined)
      fail(nameField, `“${name}”与第 ${earlier} 行重复`, `“${name}” repeats line ${earlier}`);
    else byKey.set(key, row.line);
    const unit: ExpectedUnit = { name, key, line: row.line };
    const aliases = (at('aliases')?.text ?? '')
      .split(ALIAS_SEPARATOR)
      .map((alias) => alias.trim())
      .filter((alias) => alias !== '');
    for (const alias of aliases) {
      const aliasKey = normaliseAgencyName(alias);
      const other = byKey.get(aliasKey);
      // A body's alias that is its own name again is harmless; one that names another body would match it twice.
      if (other !== undefined && !(other === row.line && aliasKey === key))
        fail(
          at('aliases'),
          `别名“${alias}”与第 ${other} 行重复`,
          `the alias “${alias}” repeats line ${other}`,
        );
      else byKey.set(aliasKey, row.line);
    }
    if (aliases.length > 0) unit.aliases = aliases;
    const code = at('code')?.text.trim() ?? '';
    if (code !== '') {
      const codeLine = byCode.get(code);
      if (codeLine !== undefined)
        fail(at('code'), `代码 ${code} 与第 ${codeLine} 行重复`, `the code ${code} repeats line ${codeLine}`);
      else byCode.set(code, row.line);
      unit.code = code;
    }
    const level = at('level')?.text.trim() ?? '';
    if (level !== '') unit.level = level;
    const kindText = at('kind')?.text.trim() ?? '';
    if (kindText !== '') {
      const kind = KINDS[fold(kindText)];
      if (kind) unit.kind = kind;
      else
        fail(
          at('kind'),
          `类型“${kindText}”应为 人民政府、部门 或 其他`,
          `the kind “${kindText}” must be 人民政府/government, 部门/department or 其他/other`,
        );
    }
    const ownText = fold(at('own')?.text ?? '');
    if (YES.has(ownText)) {
      if (ownLine !== undefined)
        fail(
          at('own'),
          `第 ${ownLine} 行已标为本级，只能有一个本级`,
          `line ${ownLine} is already marked 本级 (own); only one can be`,
        );
      ownLine ??= row.line;
      unit.own = true;
    } else if (!NO.has(ownText)) {
      fail(
        at('own'),
        `本级一栏应为“是”或“否”，实为“${at('own')?.text}”`,
        `the 本级 (own) column must be 是/yes or 否/no, got “${at('own')?.text}”`,
      );
    }
    const extra: Record<string, string> = {};
    for (const { index, name: column } of extras) {
      const value = row.fields[index]?.text ?? '';
      if (value.trim() !== '') extra[column] = value;
    }
    if (row.fields.length > header.fields.length) {
      const over = row.fields.slice(header.fields.length).filter((field) => field.text.trim() !== '');
      if (over.length > 0) fail(over[0], '字段数多于表头', 'more fields than the header has');
    }
    if (Object.keys(extra).length > 0) unit.extra = extra;
    units.push(unit);
  }
  if (units.length === 0 && errors.length === 0) {
    errors.push({
      line: header.line,
      column: 1,
      message: { zh: '单位名单只有表头，没有单位', en: 'the unit list has a header but no units' },
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, units, encoding: decoded.encoding };
}
