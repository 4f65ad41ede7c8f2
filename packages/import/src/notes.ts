/*
 * Every note the importer emits, keyed by its code: the severity it carries, the one-line description the
 * README lists (notes.test.ts keeps the two equal), and the zh/en text of each message with its parameters.
 * A reader emits a note by code and template (`importNote('run-split', NOTE_TEXT['run-split'].t4(…), …)`),
 * so the wording of a note lives here and nowhere else.
 */

import { type CellAddress, type LocalizedText, T2_SPEC, T3_SPEC, T4_SPEC } from '@nianbao/model';
import type { ImportNote } from './types.js';

/** The stable code of a reading note. */
export type NoteCode =
  | 'format-legacy'
  | 'legacy-arithmetic'
  | 'ambiguous-run'
  | 'run-split'
  | 'run-capped'
  | 'cell-note'
  | 'row-inferred'
  | 'label-unmatched'
  | 'missing-table'
  | 'missing-part'
  | 'meta-missing'
  | 'report-invalid'
  | 'notes-capped'
  | 'input-encoding'
  | 'input-format'
  | 'input-empty'
  | 'input-binary'
  | 'input-too-large'
  | 'input-unreadable'
  | 'input-unsupported'
  | 'pdf-async'
  | 'pdf-no-text'
  | 'pdf-encrypted'
  | 'no-tables';

/** What the catalogue says of a code. */
interface NoteEntry {
  /** `warning` when a value may be wrong or is missing; `info` when the reading is sure but worth knowing. */
  readonly severity: 'warning' | 'info';
  /** One line: when the note is emitted (the README's list of note codes). */
  readonly doc: string;
}

/** Every note code, in the README's order, with its severity and one-line description. */
export const NOTE_CATALOGUE: Readonly<Record<NoteCode, NoteEntry>> = {
  'format-legacy': {
    severity: 'warning',
    doc: 'a table or row is in the 2019 format (国办公开办函〔2019〕60号); only cells that mean the same in 2021 are read',
  },
  'legacy-arithmetic': {
    severity: 'warning',
    doc: 'T3-R2 fails in a 2019-format 表三 counted with its one-row （六）其他处理 (checkReport can only call it uncertain)',
  },
  'ambiguous-run': {
    severity: 'warning',
    doc: 'a row of run-together digits has several readings no identity decides between; every candidate is listed',
  },
  'run-split': {
    severity: 'info',
    doc: 'a row of run-together digits was split: the only reading that closes it, or the one the column identities leave',
  },
  'run-capped': {
    severity: 'warning',
    doc: 'a row of run-together digits had more readings than the splitter tries (1,000 accepted readings or its step budget): its cells may be wrong or blank',
  },
  'cell-note': {
    severity: 'info',
    doc: 'a cell carries a parenthesised note, e.g. `22（其中修订16件）` is read as 22',
  },
  'row-inferred': { severity: 'info', doc: 'a row of values without its label was placed by row order' },
  'label-unmatched': {
    severity: 'warning',
    doc: 'a row of values matches no statutory row, or cannot be read as that row’s cells; it is not used',
  },
  'missing-table': {
    severity: 'warning',
    doc: 'a table is not in the input, or no values of it could be read',
  },
  'missing-part': {
    severity: 'info',
    doc: 'a narrative part was not found (or was taken from the text after 表四)',
  },
  'meta-missing': {
    severity: 'warning',
    doc: 'the year or the reporting body is not in the text (info when the caller gave it)',
  },
  'report-invalid': {
    severity: 'warning',
    doc: 'what was read is refused by the model’s validator; nothing is written',
  },
  'notes-capped': {
    severity: 'info',
    doc: 'more than 100 notes: the first 100 are listed, this one counts the rest',
  },
  'input-encoding': { severity: 'info', doc: 'which text encoding the bytes were read in' },
  'input-format': {
    severity: 'info',
    doc: 'the input was read as another format (an Excel workbook, a legacy Word file, Report JSON)',
  },
  'input-empty': { severity: 'warning', doc: 'refused: the input is empty' },
  'input-binary': {
    severity: 'warning',
    doc: 'refused: the input is not text, nor a format the importer reads',
  },
  'input-too-large': { severity: 'warning', doc: 'refused: the input is over its format’s size limit' },
  'input-unreadable': {
    severity: 'warning',
    doc: 'refused: the file is missing, unreadable or damaged, or the importer (or its thread) failed on it',
  },
  'input-unsupported': {
    severity: 'warning',
    doc: 'refused: a format or feature the importer does not read',
  },
  'pdf-async': { severity: 'warning', doc: 'refused: a PDF given to the synchronous `importReport`' },
  'pdf-no-text': { severity: 'warning', doc: 'pages of a PDF have no text layer (scans)' },
  'pdf-encrypted': { severity: 'warning', doc: 'refused: the PDF is encrypted' },
  'no-tables': { severity: 'warning', doc: 'refused: none of the three tables’ headings is in the input' },
};

/** The notes' codes, in the catalogue's order. */
export const NOTE_CODES: readonly NoteCode[] = Object.keys(NOTE_CATALOGUE) as NoteCode[];

/** A note with the catalogue's severity for its code (`extra.severity` only where the catalogue says so). */
export function importNote(
  code: NoteCode,
  message: LocalizedText,
  cells: CellAddress[] = [],
  extra: Partial<Omit<ImportNote, 'code' | 'message' | 'cells'>> = {},
): ImportNote {
  return { code, severity: NOTE_CATALOGUE[code].severity, cells, message, ...extra };
}

const TABLE_ZH = { t2: '二', t3: '三', t4: '四' } as const;
const CAPTIONS = [T2_SPEC.caption, T3_SPEC.caption, T4_SPEC.caption];

/** A table row's label and its values as printed. */
interface RowText {
  readonly label: string;
  readonly raw: string;
}

/** A run's readings: how many, the first few (`describeCandidates`), and the one chosen if any. */
interface Readings {
  readonly count: number;
  readonly shown: string;
}

/** The zh/en text of every note, by code and situation. */
export const NOTE_TEXT = {
  'format-legacy': {
    report: (): LocalizedText => ({
      zh: '本报告（或其部分表格）使用 2019 年格式（国办公开办函〔2019〕60号），只读入与 2021 年格式含义相同的单元格',
      en: 'This report (or some of its tables) uses the 2019 format (国办公开办函〔2019〕60号); only cells that mean the same in the 2021 format were read',
    }),
    /** A 2019 表二 row; `mapped` is the 2019 column that has a 2021 cell (`target`), if any. */
    t2Row: (p: RowText & { mapped?: { column: string; target: string } }): LocalizedText => ({
      zh: `表二“${p.label}”一行是 2019 年格式（国办公开办函〔2019〕60号）：${p.mapped ? `只有“${p.mapped.column}”对应 2021 年格式的 ${p.mapped.target}，其余栏目` : '各栏目'}无对应单元格：${p.raw}`,
      en: `Table 二 row “${p.label}” is in the 2019 format (国办公开办函〔2019〕60号): ${p.mapped ? `only “${p.mapped.column}” maps to the 2021 cell ${p.mapped.target}; the other columns have` : 'its columns have'} no 2021 cell: ${p.raw}`,
    }),
    /** The 2019 表三's one-row （六）其他处理. */
    t3Other: (p: RowText): LocalizedText => ({
      zh: `表三“${p.label}”只有一行（2019 年格式，国办公开办函〔2019〕60号），无法分到 2021 年格式的三个子项；这些单元格留空。该行为 ${p.raw}`,
      en: `Table 三 “${p.label}” is a single row (the 2019 format, 国办公开办函〔2019〕60号) and cannot be split into the 2021 format's three sub-rows; those cells are left blank. The row reads ${p.raw}`,
    }),
  },
  'legacy-arithmetic': {
    t3Column: (p: {
      column: string;
      label: string;
      single: number | null;
      sum: number;
      total: number;
      totalLabel: string;
    }): LocalizedText => ({
      zh: `表三（2019 年格式）${p.column} 列：各项办理结果之和（含“${p.label}”一行 ${p.single}）为 ${p.sum}，但${p.totalLabel}为 ${p.total}`,
      en: `Table 三 (2019 format), column ${p.column}: the result rows (with the single “${p.label}” row, ${p.single}) sum to ${p.sum}, but ${p.totalLabel} is ${p.total}`,
    }),
  },
  'ambiguous-run': {
    t3Row: (p: RowText & Readings): LocalizedText => ({
      zh: `“${p.label}”的数字连写（${p.raw}）有 ${p.count} 种读法符合勾稽关系：${p.shown}`,
      en: `the run-together digits of “${p.label}” (${p.raw}) have ${p.count} readings that satisfy the identities: ${p.shown}`,
    }),
    t4: (p: Omit<RowText, 'label'> & Readings): LocalizedText => ({
      zh: `表四的数字连写（${p.raw}）有 ${p.count} 种读法：${p.shown}`,
      en: `the run-together digits of Table 四 (${p.raw}) have ${p.count} readings: ${p.shown}`,
    }),
    /** A 表二 row; `chosen` is the reading kept (`ambiguous: 'best'`), absent when the cells are left blank. */
    t2Row: (p: RowText & Readings & { chosen?: string }): LocalizedText => ({
      zh: `表二“${p.label}”的数字连写（${p.raw}）有 ${p.count} 种读法，没有勾稽关系可以区分：${p.shown}${p.chosen !== undefined ? `；暂取最合理的 ${p.chosen}（现行有效不少于制发和废止、数值最小），请人工核对` : '；留空'}`,
      en: `Table 二 “${p.label}”: the run-together digits (${p.raw}) have ${p.count} readings and no identity decides between them: ${p.shown}${p.chosen !== undefined ? `; taking the most plausible, ${p.chosen} (in force not below issued and repealed, smallest values): check it` : '; left blank'}`,
    }),
    /** A 2019 表二 row: as `t2Row`, the most even reading kept. */
    t2LegacyRow: (p: RowText & Readings & { chosen?: string }): LocalizedText => ({
      zh: `表二“${p.label}”的数字连写（${p.raw}）有 ${p.count} 种读法：${p.shown}${p.chosen !== undefined ? `；暂取数值最均衡的 ${p.chosen}，请人工核对` : '；留空'}`,
      en: `Table 二 “${p.label}”: the run-together digits (${p.raw}) have ${p.count} readings: ${p.shown}${p.chosen !== undefined ? `; taking the most even one, ${p.chosen}: check it` : '; left blank'}`,
    }),
  },
  'run-split': {
    /** A 表三 row with several readings that close it, one left by the column identities. */
    t3Chosen: (p: RowText & { count: number; chosen: string }): LocalizedText => ({
      zh: `“${p.label}”的数字连写（${p.raw}）有 ${p.count} 种读法符合本行总计，按各列勾稽关系取 ${p.chosen}`,
      en: `the run-together digits of “${p.label}” (${p.raw}) have ${p.count} readings that close the row; the column identities leave ${p.chosen}`,
    }),
    /** 表三 rows each with exactly one reading. */
    t3Unique: (p: { rows: number }): LocalizedText => ({
      zh: `表三有 ${p.rows} 行数字连写（无分隔），每行只有一种读法使本行总计成立，已按此拆分`,
      en: `Table 三 has ${p.rows} row(s) of digits printed without separators; each has exactly one reading whose 总计 closes the row, and was split so`,
    }),
    t4: (p: { raw: string; chosen: string }): LocalizedText => ({
      zh: `表四的数字连写（${p.raw}）读作 ${p.chosen}`,
      en: `the run-together digits of Table 四 (${p.raw}) read as ${p.chosen}`,
    }),
  },
  'run-capped': {
    /** `limit`: which cap stopped the search; `max`: MAX_CANDIDATES. */
    row: (p: RowText & { limit: 'steps' | 'candidates'; max: number }): LocalizedText => {
      const why =
        p.limit === 'candidates'
          ? {
              zh: `读法超过 ${p.max} 种，只比较了前 ${p.max} 种`,
              en: `it has more than ${p.max} readings; only the first ${p.max} were compared`,
            }
          : {
              zh: '可能的读法太多，未能逐一比较',
              en: 'it has too many possible readings to compare them all',
            };
      return {
        zh: `“${p.label}”的数字连写（${p.raw}）${why.zh}；这些单元格可能读错或未读出，请核对原文`,
        en: `the run-together digits of “${p.label}” (${p.raw}): ${why.en}; these cells may be misread or left blank, check the source`,
      };
    },
  },
  'cell-note': {
    cell: (p: { address: CellAddress; value: number | null; note: string }): LocalizedText => ({
      zh: `${p.address} 读作 ${p.value}，附注“${p.note}”`,
      en: `${p.address} read as ${p.value}, with the note “${p.note}”`,
    }),
  },
  'row-inferred': {
    byOrder: (p: { line: number; label: string }): LocalizedText => ({
      zh: `第 ${p.line} 行的数值没有行标签，按行序定为“${p.label}”`,
      en: `line ${p.line}: values without a row label, placed by row order as “${p.label}”`,
    }),
  },
  'label-unmatched': {
    t3NoRow: (p: { line: number; raw: string }): LocalizedText => ({
      zh: `第 ${p.line} 行的一行数值（${p.raw}）无法对应到表三的任何一行，未采用`,
      en: `line ${p.line}: a row of values (${p.raw}) matches no row of Table 三 and was not used`,
    }),
    t3Unplaced: (p: { line: number }): LocalizedText => ({
      zh: `第 ${p.line} 行的数值没有行标签，位置无法确定，未采用`,
      en: `line ${p.line}: values without a row label whose row cannot be determined; not used`,
    }),
    t3Stray: (p: { line: number; raw: string }): LocalizedText => ({
      zh: `第 ${p.line} 行的数值（${p.raw}）不能构成表三的一行，未采用`,
      en: `line ${p.line}: values (${p.raw}) cannot be a row of Table 三; not used`,
    }),
    t3Width: (p: RowText & { width: number }): LocalizedText => ({
      zh: `“${p.label}”一行的数值（${p.raw}）无法读成 ${p.width} 个单元格`,
      en: `the values of “${p.label}” (${p.raw}) cannot be read as ${p.width} cells`,
    }),
    t2Width: (p: RowText & { width: number }): LocalizedText => ({
      zh: `表二“${p.label}”的数值（${p.raw}）无法读成 ${p.width} 个单元格`,
      en: `Table 二 “${p.label}”: the values (${p.raw}) cannot be read as ${p.width} cell(s)`,
    }),
  },
  'missing-table': {
    table: (p: { table: 't2' | 't3' | 't4'; headingFound: boolean }): LocalizedText => ({
      zh: `表${TABLE_ZH[p.table]}${p.headingFound ? '的标题在，但没有读到数值' : '不在输入中'}；其单元格留空`,
      en: `Table ${TABLE_ZH[p.table]} ${p.headingFound ? 'has its heading but no values could be read' : 'is not in the input'}; its cells are blank`,
    }),
  },
  'missing-part': {
    /** `heading`: the part's statutory heading. */
    problemsAfterT4: (p: { heading: string }): LocalizedText => ({
      zh: `没有找到“${p.heading}”的标题；表四之后的文字作为该部分读入`,
      en: `no heading ${p.heading} was found; the text after Table 四 was read as that part`,
    }),
    part: (p: { key: string }): LocalizedText => ({
      zh: `没有找到叙述部分 ${p.key}`,
      en: `narrative part ${p.key} not found`,
    }),
  },
  'meta-missing': {
    year: (): LocalizedText => ({
      zh: 'meta.year：文中没有找到报告年度（标题、“截至N年12月31日”“N年度”都没有）；请指定年度（nianbao import --year N）',
      en: 'meta.year: the report year is not in the text (no title, 截至N年12月31日 or N年度); state it (nianbao import --year N)',
    }),
    agency: (): LocalizedText => ({
      zh: 'meta.agency：文中没有找到报告机关名称（标题和正文都没有）；请指定机关（nianbao import --agency 名称）',
      en: 'meta.agency: the reporting body is named neither in the title nor in the body; state it (nianbao import --agency NAME)',
    }),
    /** Emitted as `info`: the caller's value is used. */
    fromCaller: (p: { what: 'year' | 'agency' }): LocalizedText => ({
      zh: `文中没有${p.what === 'year' ? '报告年度' : '报告机关'}，使用了调用方给出的值`,
      en: `the ${p.what === 'year' ? 'report year' : 'reporting body'} is not in the text; the value the caller gave is used`,
    }),
  },
  'report-invalid': {
    json: (p: { why: LocalizedText; more: number }): LocalizedText => ({
      zh: `报告 JSON 无效：${p.why.zh}${p.more > 0 ? `（另有 ${p.more} 处问题，用 nianbao validate 查看全部）` : ''}`,
      en: `the Report JSON is invalid: ${p.why.en}${p.more > 0 ? ` (and ${p.more} more; nianbao validate lists them all)` : ''}`,
    }),
    refused: (p: { why: LocalizedText }): LocalizedText => ({
      zh: `${p.why.zh}（读入的结果不是有效的报告，未写出）`,
      en: `${p.why.en} (what was read is not a valid report, so nothing is written)`,
    }),
  },
  'notes-capped': {
    more: (p: { more: number; total: number; max: number }): LocalizedText => ({
      zh: `另有 ${p.more} 条读取说明未列出（共 ${p.total} 条，只列前 ${p.max} 条）`,
      en: `${p.more} more reading notes are not listed (${p.total} in all; the first ${p.max} are shown)`,
    }),
  },
  'input-encoding': {
    read: (p: { encoding: string; bom: boolean }): LocalizedText => ({
      zh: `按 ${p.encoding} 编码读取${p.bom ? '（按字节顺序标记）' : ''}`,
      en: `read as ${p.encoding} text${p.bom ? ' (from its byte order mark)' : ''}`,
    }),
  },
  'input-empty': {
    empty: (): LocalizedText => ({ zh: '输入为空', en: 'the input is empty' }),
  },
  'input-format': {
    /** A legacy Word file read, with its number of tables. */
    doc: (p: { tables: number }): LocalizedText => ({
      zh: `读取的是旧版 Word 文件（.doc，Word 97–2003），含 ${p.tables} 个表格`,
      en: `read as a legacy Word file (.doc, Word 97–2003) with ${p.tables} table${p.tables === 1 ? '' : 's'}`,
    }),
    json: (): LocalizedText => ({
      zh: '按报告 JSON（nianbao 的数据格式）读取：按 nianbao validate 的规则校验，单元格原样读取，未作推断',
      en: 'read as Report JSON (nianbao’s data format): validated as nianbao validate does, cells taken as given, nothing inferred',
    }),
    xlsx: (p: { sheets: number }): LocalizedText => ({
      zh: `按 Excel 工作簿读取（${p.sheets} 个工作表，合并单元格按跨行跨列读取）`,
      en: `read as an Excel workbook (${p.sheets} sheet(s); merged ranges read as spans)`,
    }),
  },
  'input-too-large': {
    doc: (p: { mb: string; limitMb: number }): LocalizedText => ({
      zh: `旧版 Word 文件过大（${p.mb} MB），上限为 ${p.limitMb} MB`,
      en: `the legacy Word file is too large (${p.mb} MB); the limit is ${p.limitMb} MB`,
    }),
    docx: (p: { mb: string; limitMb: number }): LocalizedText => ({
      zh: `Word 文件过大（${p.mb} MB），上限为 ${p.limitMb} MB`,
      en: `the Word file is too large (${p.mb} MB); the limit is ${p.limitMb} MB`,
    }),
    /** A Word file whose XML inflates past the cap (`limit`: e.g. `50 MB`). */
    docxXml: (p: { limit: string }): LocalizedText => ({
      zh: `Word 文件解压后的 XML 超过 ${p.limit}（word/document.xml）：疑为压缩炸弹，未读取`,
      en: `the Word file's XML expands past ${p.limit} (word/document.xml): possibly a zip bomb; not read`,
    }),
    /** A PDF longer than the pages read. */
    pdfPages: (p: { total: number; read: number }): LocalizedText => ({
      zh: `PDF 有 ${p.total} 页，只读了前 ${p.read} 页`,
      en: `the PDF has ${p.total} pages; only the first ${p.read} were read`,
    }),
    xlsx: (p: { mb: string; limitMb: number }): LocalizedText => ({
      zh: `Excel 文件过大（${p.mb} MB），上限为 ${p.limitMb} MB`,
      en: `the Excel file is too large (${p.mb} MB); the limit is ${p.limitMb} MB`,
    }),
    /** A workbook whose XML inflates past the cap. */
    xlsxXml: (p: { limitMb: number }): LocalizedText => ({
      zh: `Excel 文件解压后的 XML 超过 ${p.limitMb} MB：疑为压缩炸弹，未读取`,
      en: `the Excel file's XML expands past ${p.limitMb} MB: possibly a zip bomb; not read`,
    }),
    /** `mb`: the input's size when known; `limitMb`: the limit. */
    size: (p: { mb?: string; limitMb: number }): LocalizedText => ({
      zh: `输入过大${p.mb !== undefined ? `（${p.mb} MB）` : ''}，上限为 ${p.limitMb} MB`,
      en: `input too large${p.mb !== undefined ? ` (${p.mb} MB)` : ''}; the limit is ${p.limitMb} MB`,
    }),
  },
  'input-binary': {
    /** A zip without word/document.xml. */
    zipNotWord: (): LocalizedText => ({
      zh: '是 zip 压缩包，但不是 Word 文档（没有 word/document.xml）',
      en: 'a zip archive, but not a Word document (no word/document.xml)',
    }),
    /** An OLE compound file that is not a Word document (`what`: what it is, by its streams). */
    oleNotWord: (p: { what: LocalizedText }): LocalizedText => ({
      zh: `这是${p.what.zh}，不是年度报告的 Word 文件`,
      en: `this is ${p.what.en}, not a report as a Word file`,
    }),
    nul: (): LocalizedText => ({
      zh: '不是文本（含 NUL 字符）：请直接给出 PDF、Word 等文件的字节，或先转换为文本或 HTML',
      en: 'not text (contains NUL): give a PDF or Word file as bytes, or convert it to text or HTML first',
    }),
    /** `what`: what the bytes are (from sniffFormat). */
    sniffed: (p: { what: LocalizedText }): LocalizedText => ({
      zh: `这是${p.what.zh}，不是年度报告的文本、网页、PDF 或 Word 文件`,
      en: `this is ${p.what.en}, not a report as text, a web page, PDF or Word file`,
    }),
  },
  'input-unreadable': {
    /** pdf.js refused the file as damaged (`why`: pdf.js's message). */
    pdf: (p: { error: string }): LocalizedText => ({
      zh: `PDF 文件已损坏，无法读取（${p.error}）`,
      en: `the PDF is damaged and cannot be read (${p.error})`,
    }),
    /** pdf.js failed in a way it does not report as a damaged file. */
    pdfFailed: (p: { error: string }): LocalizedText => ({
      zh: `PDF 无法读取（${p.error}）`,
      en: `the PDF cannot be read (${p.error})`,
    }),
    docxZip: (p: { error: string }): LocalizedText => ({
      zh: `Word 文件（DOCX）已损坏，无法解压（${p.error}）`,
      en: `the Word file (DOCX) is damaged and cannot be unzipped (${p.error})`,
    }),
    docx: (p: { error: string }): LocalizedText => ({
      zh: `Word 文件（DOCX）无法读取：${p.error}`,
      en: `the Word file (DOCX) cannot be read: ${p.error}`,
    }),
    ole: (p: { error: string }): LocalizedText => ({
      zh: `OLE 复合文档（旧版 Word/Excel 文件）已损坏或不完整，无法打开（${p.error}）`,
      en: `the OLE compound file (a legacy Word/Excel file) is damaged or truncated and cannot be opened (${p.error})`,
    }),
    /** A legacy Word file damaged inside (`where`: which structure, as Word's format names it). */
    docDamaged: (p: { where: string }): LocalizedText => ({
      zh: `旧版 Word 文件（.doc）已损坏：${p.where}`,
      en: `the legacy Word file (.doc) is damaged: ${p.where}`,
    }),
    doc: (p: { error: string }): LocalizedText => ({
      zh: `旧版 Word 文件（.doc）无法读取：${p.error}`,
      en: `the legacy Word file (.doc) cannot be read: ${p.error}`,
    }),
    /** A file that could not be read (`why`: from the file system). */
    file: (p: { why: LocalizedText }): LocalizedText => p.why,
    xlsxZip: (p: { detail: string }): LocalizedText => ({
      zh: `Excel 文件（XLSX）已损坏，无法解压（${p.detail}）`,
      en: `the Excel file (XLSX) is damaged and cannot be unzipped (${p.detail})`,
    }),
    xlsx: (p: { error: string }): LocalizedText => ({
      zh: `Excel 文件（XLSX）无法读取：${p.error}`,
      en: `the Excel file (XLSX) cannot be read: ${p.error}`,
    }),
    importerFailed: (p: { reason: string }): LocalizedText => ({
      zh: `导入时出错（${p.reason}）`,
      en: `the importer failed (${p.reason})`,
    }),
  },
  'pdf-async': {
    sync: (): LocalizedText => ({
      zh: '这是 PDF 文件：PDF 须用异步的 importDocument 读取（nianbao import 会这样做）',
      en: 'this is a PDF: a PDF is read by the asynchronous importDocument (as nianbao import does)',
    }),
  },
  'no-tables': {
    /** A Word file without Word tables, where no table was found in its text either. */
    docx: (): LocalizedText => ({
      zh: 'Word 文件中没有表格（w:tbl）；年度报告的三张表须是 Word 表格或文字行',
      en: 'the Word file has no tables (w:tbl); the report’s three tables must be Word tables or lines of text',
    }),
    none: (): LocalizedText => ({
      zh: `没有找到年度报告的表格（${CAPTIONS.map((caption) => `“${caption}”`).join('')}都不在输入中）`,
      en: `no annual-report tables found (none of the headings ${CAPTIONS.join(', ')} is in the input)`,
    }),
  },
  'pdf-encrypted': {
    password: (): LocalizedText => ({
      zh: 'PDF 已加密，需要密码才能打开：请提供未加密的文件（或在阅读器中输入密码后另存一份）',
      en: 'the PDF is encrypted and needs a password to open: give an unencrypted copy (open it with the password and save a copy)',
    }),
  },
  'pdf-no-text': {
    /** Every page an image: a scan. */
    scanned: (p: { pages: number }): LocalizedText => ({
      zh: `PDF 没有文字层（${p.pages} 页都是图片，疑为扫描件）：需要先做文字识别（OCR），再导入识别出的文字`,
      en: `the PDF has no text layer (all ${p.pages} pages are images, probably a scan): OCR is needed first; import the recognised text`,
    }),
    empty: (p: { pages: number }): LocalizedText => ({
      zh: `PDF 的 ${p.pages} 页中没有任何文字`,
      en: `none of the PDF's ${p.pages} pages holds any text`,
    }),
    /** Some pages without text (`list`: their numbers). */
    pages: (p: { list: string }): LocalizedText => ({
      zh: `PDF 第 ${p.list} 页没有文字层（图片或扫描页），其内容未读入；需要文字识别（OCR）`,
      en: `page(s) ${p.list} of the PDF have no text layer (images or scans) and were not read; OCR is needed for them`,
    }),
  },
  'input-unsupported': {
    docEncrypted: (): LocalizedText => ({
      zh: '旧版 Word 文件（.doc）已加密（设有打开密码）：请在 Word 或 WPS 中输入密码后另存为不加密的 .docx 或 PDF',
      en: 'the legacy Word file (.doc) is encrypted (it has an open password): open it in Word or WPS and save it without a password as .docx or PDF',
    }),
    docTooOld: (p: { nFib: number }): LocalizedText => ({
      zh: `这是 Word 6/95 或更早的文件（nFib ${p.nFib}）：请在 Word 或 WPS 中另存为 .docx 或 PDF`,
      en: `this is a Word 6/95 or older file (nFib ${p.nFib}): save it as .docx or PDF in Word or WPS`,
    }),
  },
};
