import { type CellAddress, type RowNode, T2_SPEC, T3_SPEC, T4_SPEC, type TableSpec } from '@nianbao/model';
import { LEGACY_DECISIONS_COLUMN, LEGACY_T2_MARKERS, LEGACY_T2_ROWS, ROW_LABEL_ALIASES } from './aliases.js';
import { fold, labelCore, longestCommon, squash, stripNumbering } from './normalise.js';
import type { CutPhrase, Region, RowRecord, Token } from './records.js';
import { closesWithTotal, type RunReadings, readRun, runCapNote, t4Prefix, t4Totals } from './split-run.js';
import type { ImportNote } from './types.js';

/** What reading the tables produced: cell values, how each was obtained, and notes. */
export interface TableReading {
  readonly values: Map<CellAddress, number>;
  readonly status: Map<CellAddress, 'read' | 'inferred'>;
  readonly notes: ImportNote[];
}

/** A new, empty reading. */
export function newReading(): TableReading {
  return { values: new Map(), status: new Map(), notes: [] };
}

function set(
  reading: TableReading,
  address: CellAddress,
  value: number | null,
  how: 'read' | 'inferred',
): void {
  if (value === null) return;
  reading.values.set(address, value);
  reading.status.set(address, how);
}

/** A row of a statutory table, flattened: its address prefix, label, numbering and core. */
interface FlatRow {
  readonly path: string;
  readonly label: string;
  readonly numbering: string;
  readonly core: string;
  readonly group: boolean;
}

function numberingOf(label: string): string {
  return label.slice(0, label.length - stripNumbering(label).length).trim();
}

function flatten(rows: readonly RowNode[], prefix: string, out: FlatRow[]): FlatRow[] {
  for (const row of rows) {
    const path = prefix ? `${prefix}.${row.key}` : (row.key as string);
    const entry = {
      path,
      label: row.label,
      numbering: numberingOf(row.label),
      core: labelCore(row.label),
      group: row.children !== undefined,
    };
    out.push(entry);
    if (row.children) flatten(row.children, path, out);
  }
  return out;
}

const T3_ROWS: readonly FlatRow[] = flatten(T3_SPEC.blocks[0]?.rows ?? [], '', []);
const T3_LEAVES: readonly FlatRow[] = T3_ROWS.filter((row) => !row.group);
const T3_OTHER_GROUP: FlatRow = T3_ROWS.find((row) => row.path === 'results.other') as FlatRow;
/** Alignment targets: the 25 leaf rows, and （六）其他处理 as one row (the 2019 format) after （五）5. */
const T3_TARGETS: readonly FlatRow[] = (() => {
  const targets = [...T3_LEAVES];
  const at = targets.findIndex((row) => row.path.startsWith('results.other.'));
  targets.splice(at, 0, T3_OTHER_GROUP);
  return targets;
})();

function columnKeys(spec: TableSpec): string[] {
  const keys: string[] = [];
  const walk = (nodes: TableSpec['blocks'][number]['columns'], prefix: string): void => {
    for (const node of nodes) {
      const path = node.key ? (prefix ? `${prefix}.${node.key}` : node.key) : prefix;
      if (node.children) walk(node.children, path);
      else keys.push(path);
    }
  };
  for (const block of spec.blocks) walk(block.columns, '');
  return keys;
}

/** A leaf column with its label and the labels of its keyed ancestors (行政复议, 复议后起诉…). */
interface LeafColumn {
  readonly path: string;
  readonly label: string;
  readonly groups: readonly string[];
}

function leafColumns(spec: TableSpec): LeafColumn[] {
  const out: LeafColumn[] = [];
  const walk = (nodes: TableSpec['blocks'][number]['columns'], prefix: string, groups: string[]): void => {
    for (const node of nodes) {
      const path = node.key ? (prefix ? `${prefix}.${node.key}` : node.key) : prefix;
      if (node.children) walk(node.children, path, node.key ? [...groups, node.label] : groups);
      else out.push({ path, label: node.label, groups });
    }
  };
  for (const block of spec.blocks) walk(block.columns, '', []);
  return out;
}

/**
 * Column keys by grid column, read from an HTML table's header rows (spans filled in): the bottom header of a
 * column names its leaf, the headers above must include its keyed groups. `undefined` unless every leaf is
 * found in its own column, in which case values are read by header, not by position.
 */
function headerColumns(headerRows: readonly string[][], spec: TableSpec): Map<number, string> | undefined {
  if (headerRows.length === 0) return undefined;
  const leaves = leafColumns(spec);
  const width = Math.max(...headerRows.map((row) => row.length));
  const map = new Map<number, string>();
  for (let j = 0; j < width; j++) {
    const stack: string[] = [];
    for (const row of headerRows) {
      const core = labelCore(row[j] ?? '');
      if (core && stack[stack.length - 1] !== core) stack.push(core);
    }
    const bottom = stack[stack.length - 1];
    if (!bottom) continue;
    const found = leaves.filter(
      (leaf) =>
        labelCore(leaf.label) === bottom && leaf.groups.every((group) => stack.includes(labelCore(group))),
    );
    if (found.length === 1) map.set(j, (found[0] as LeafColumn).path);
  }
  const keys = new Set(map.values());
  return keys.size === leaves.length && map.size === leaves.length ? map : undefined;
}

/** A row's tokens in statutory column order, placed by their headers; `undefined` when a value has no header. */
function byHeaders(
  record: RowRecord,
  map: Map<number, string> | undefined,
  keys: readonly string[],
): Token[] | undefined {
  const columns = record.columns;
  if (!map || !columns || columns.length !== record.values.length) return undefined;
  if (columns.some((column, i) => !map.has(column) && record.values[i]?.value !== null)) return undefined;
  return keys.map((key) => {
    const i = columns.findIndex((column) => map.get(column) === key);
    return i >= 0 ? (record.values[i] as Token) : { raw: '', value: null };
  });
}

const T3_COLUMNS: readonly string[] = columnKeys(T3_SPEC);
const T4_COLUMNS: readonly string[] = columnKeys(T4_SPEC);

function columnLabels(spec: TableSpec): string[] {
  const labels: string[] = [];
  const walk = (nodes: TableSpec['blocks'][number]['columns']): void => {
    for (const node of nodes) {
      labels.push(node.label);
      if (node.children) walk(node.children);
    }
  };
  for (const block of spec.blocks) walk(block.columns);
  return labels;
}

/** Phrases that cut run-together 表三 text into rows. */
export const T3_PHRASES: readonly CutPhrase[] = [
  ...T3_ROWS.map((row) => ({ phrase: stripNumbering(row.label), numbering: row.numbering })),
  { phrase: T3_SPEC.blocks[0]?.corner ?? '' },
];

/** Phrases that cut run-together 表四 text (its headers; the data row is what follows). */
export const T4_PHRASES: readonly CutPhrase[] = [...new Set(columnLabels(T4_SPEC))].map((phrase) => ({
  phrase,
}));

interface T2Row {
  readonly path: string;
  readonly labels: readonly string[];
  readonly columns: readonly string[];
}

const T2_ROWS: readonly T2Row[] = T2_SPEC.blocks.flatMap((block) =>
  (block.rows ?? []).map((row) => ({
    path: row.key as string,
    labels: [row.label, ...(ROW_LABEL_ALIASES[row.key as string] ?? [])],
    columns: block.columns.map((column) => column.key as string),
  })),
);

/** Phrases that cut run-together 表二 text. */
export const T2_PHRASES: readonly CutPhrase[] = [
  ...T2_SPEC.blocks.flatMap((block) => [
    ...(block.title ? [{ phrase: block.title }] : []),
    ...(block.corner ? [{ phrase: block.corner }] : []),
    ...block.columns.map((column) => ({ phrase: column.label })),
  ]),
  ...T2_ROWS.flatMap((row) => row.labels.map((phrase) => ({ phrase }))),
  ...LEGACY_T2_ROWS.map((phrase) => ({ phrase })),
  ...LEGACY_T2_MARKERS.map((phrase) => ({ phrase })),
  { phrase: LEGACY_DECISIONS_COLUMN },
];

function note(
  code: ImportNote['code'],
  severity: ImportNote['severity'],
  cells: CellAddress[],
  zh: string,
  en: string,
  extra: Partial<ImportNote> = {},
): ImportNote {
  return { code, severity, cells, message: { zh, en }, ...extra };
}

/** Records the parenthesised notes of a row's cells (`22（其中修订16件）`). */
function cellNotes(
  reading: TableReading,
  addresses: readonly CellAddress[],
  tokens: readonly Token[],
  line: number,
) {
  tokens.forEach((token, i) => {
    const address = addresses[i];
    if (!token.note || !address) return;
    reading.notes.push(
      note(
        'cell-note',
        'info',
        [address],
        `${address} 读作 ${token.value}，附注“${token.note}”`,
        `${address} read as ${token.value}, with the note “${token.note}”`,
        { line },
      ),
    );
  });
}

/** Readings of a row of value tokens into `width` numbers: direct, or by splitting runs of digits. */
/** Where a capped digit-splitter search is reported: the row's label and cells, its line, the notes to add to. */
interface CapReport {
  readonly label: string;
  readonly cells: CellAddress[];
  readonly line?: number;
  readonly notes: ImportNote[];
}

function readings(
  tokens: readonly Token[],
  width: number,
  accept: (values: readonly number[]) => boolean,
  prune?: (values: readonly number[]) => boolean,
  cap?: CapReport,
): { direct: (number | null)[] } | { runs: number[][]; total: number } | undefined {
  let cells = [...tokens];
  while (cells.length > width && cells[cells.length - 1]?.value === null) cells.pop();
  if (cells.length === width) return { direct: cells.map((t) => t.value) };
  if (cells.length > width || cells.some((t) => t.value === null || t.digits === undefined)) {
    // Trailing blanks beyond the width were dropped; anything else that does not fit cannot be placed.
    cells = [];
    return undefined;
  }
  const tokenDigits = cells.map((t) => t.digits as string);
  // A search a cap stopped may have missed the right reading: said once, on the search whose answer is used (or,
  // when none is, on the first that was capped), so the reader knows these cells may be wrong or blank.
  const capped = (run: RunReadings): void => {
    if (!cap) return;
    const note = runCapNote(run, {
      label: cap.label,
      raw: cells.map((t) => t.raw).join(' '),
      cells: cap.cells,
      ...(cap.line !== undefined ? { line: cap.line } : {}),
    });
    if (note) cap.notes.push(note);
  };
  const strict = readRun(tokenDigits, width, accept, 1_000_000, prune);
  if (strict.candidates.length > 0) {
    capped(strict);
    return { runs: strict.candidates, total: strict.total };
  }
  const loose = readRun(tokenDigits, width, () => true, 200_000, undefined);
  if (loose.complete && loose.candidates.length > 0 && loose.candidates.length <= 64) {
    capped(strict);
    return { runs: loose.candidates, total: loose.total };
  }
  capped(strict.limit !== undefined ? strict : loose);
  return undefined;
}

function describeCandidates(candidates: readonly number[][]): string {
  const shown = candidates.slice(0, 6).map((c) => c.join(','));
  return shown.join(' | ') + (candidates.length > 6 ? ` …(${candidates.length})` : '');
}

/** Whether value tokens can be read as a row of `width` cells (exactly, with trailing blanks, or as runs). */
function couldBeRow(tokens: readonly Token[], width: number): boolean {
  let n = tokens.length;
  while (n > width && tokens[n - 1]?.value === null) n--;
  if (n === width) return true;
  if (n > width) return false;
  const digits = tokens.slice(0, n).map((t) => t.digits);
  if (digits.some((d) => d === undefined)) return false;
  return digits.join('').length >= width;
}

// ── 表三 ─────────────────────────────────────────────────────────────────────────────────────────────

/** How well a record's label names a target row: the longest common run of characters, 0 if too weak. */
function matchWeight(label: string, row: FlatRow): number {
  // Labels are short; a huge "label" (a page with no line breaks) is cut to the part next to the values,
  // which keeps the longest-common-substring search cheap.
  const core = labelCore(label.length > 400 ? label.slice(-400) : label);
  if (core === '' || row.core === '') return 0;
  const common = longestCommon(core, row.core);
  if (common < Math.min(row.core.length, 4)) return 0;
  if (common < row.core.length * 0.6) return 0;
  // A short core (3.其他) must be the whole label, not a word inside another label.
  if (row.core.length < 4 && core.length > row.core.length + 2) return 0;
  return common;
}

interface Placed {
  readonly record: RowRecord;
  readonly target: FlatRow;
  readonly how: 'read' | 'inferred';
}

/**
 * Aligns the value rows found with the statutory rows. Rows appear in statutory order, so the alignment is
 * monotone: a dynamic programme maximises the label evidence (own label, then a floated label before the
 * row at half weight); a row without a label is kept only where its position is forced by its neighbours.
 */
function alignT3(records: readonly RowRecord[], reading: TableReading): Placed[] {
  const n = T3_TARGETS.length;
  const k = records.length;
  const ownWeight = (record: RowRecord, target: FlatRow): number =>
    record.label
      ? Math.max(matchWeight(record.label, target), record.leaf ? matchWeight(record.leaf, target) : 0)
      : 0;
  // A label that names no row by itself may be the tail of a wrapped one (`正、行政机关不再处理其政府信` after
  // `1、申请人无正当理由逾期不补`): then the label lines just before it are read with it.
  const wrapped = records.map(
    (record) =>
      record.label !== '' &&
      record.before !== '' &&
      T3_TARGETS.every((target) => ownWeight(record, target) === 0),
  );
  const weight = (i: number, j: number): number => {
    const record = records[i] as RowRecord;
    const target = T3_TARGETS[j] as FlatRow;
    const own = wrapped[i]
      ? matchWeight(`${record.before} ${record.label}`.slice(-120), target)
      : ownWeight(record, target);
    if (own > 0) return own + (target.group ? -0.5 : 0);
    if (record.label) {
      // A label that names nothing: a value row of a header, or a label we cannot read.
      return target.group ? Number.NEGATIVE_INFINITY : 0;
    }
    const floated = record.before ? matchWeight(record.before, target) / 2 : 0;
    return target.group ? Number.NEGATIVE_INFINITY : floated;
  };
  const SKIP = -10;
  const f: number[][] = Array.from({ length: k + 1 }, () =>
    new Array<number>(n + 1).fill(Number.NEGATIVE_INFINITY),
  );
  const choice: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let j = 0; j <= n; j++) (f[0] as number[])[j] = 0;
  for (let i = 1; i <= k; i++) {
    for (let j = 0; j <= n; j++) {
      let best = (f[i - 1] as number[])[j] as number;
      best += SKIP;
      let how = -1; // skip record i-1
      if (j > 0) {
        const keep = (f[i] as number[])[j - 1] as number; // target j-1 unused
        if (keep > best) {
          best = keep;
          how = -2;
        }
        const w = weight(i - 1, j - 1);
        const take = ((f[i - 1] as number[])[j - 1] as number) + w;
        if (w !== Number.NEGATIVE_INFINITY && take >= best) {
          best = take;
          how = j - 1;
        }
      }
      (f[i] as number[])[j] = best;
      (choice[i] as number[])[j] = how;
    }
  }
  const assigned: (number | undefined)[] = new Array(k).fill(undefined);
  let i = k;
  let j = n;
  while (i > 0) {
    const how = (choice[i] as number[])[j] as number;
    if (how === -2) j--;
    else if (how === -1) i--;
    else {
      assigned[i - 1] = how;
      i--;
      j--;
    }
  }
  const placed: Placed[] = [];
  const anchors = assigned.map((target, r) =>
    target !== undefined && weight(r, target) > 0 ? target : undefined,
  );
  for (let r = 0; r < k; r++) {
    const record = records[r] as RowRecord;
    const target = assigned[r];
    if (target === undefined) {
      reading.notes.push(
        note(
          'label-unmatched',
          'warning',
          [],
          `第 ${record.line} 行的一行数值（${record.values.map((v) => v.raw).join(' ')}）无法对应到表三的任何一行，未采用`,
          `line ${record.line}: a row of values (${record.values.map((v) => v.raw).join(' ')}) matches no row of Table 三 and was not used`,
          { line: record.line },
        ),
      );
      continue;
    }
    if (anchors[r] !== undefined) {
      placed.push({ record, target: T3_TARGETS[target] as FlatRow, how: 'read' });
      continue;
    }
    // Forced? Between the neighbouring anchors there must be exactly as many leaf rows as records.
    let a = r - 1;
    while (a >= 0 && anchors[a] === undefined) a--;
    let b = r + 1;
    while (b < k && anchors[b] === undefined) b++;
    const from = a >= 0 ? (anchors[a] as number) : -1;
    const to = b < k ? (anchors[b] as number) : n;
    const slots = T3_TARGETS.slice(from + 1, to).filter((row) => !row.group).length;
    const between = b - a - 1;
    if (slots === between) {
      const leafTargets = T3_TARGETS.slice(from + 1, to).filter((row) => !row.group);
      const row = leafTargets[r - a - 1] as FlatRow;
      placed.push({ record, target: row, how: 'inferred' });
      reading.notes.push(
        note(
          'row-inferred',
          'info',
          [],
          `第 ${record.line} 行的数值没有行标签，按行序定为“${row.label}”`,
          `line ${record.line}: values without a row label, placed by row order as “${row.label}”`,
          { line: record.line },
        ),
      );
    } else {
      reading.notes.push(
        note(
          'label-unmatched',
          'warning',
          [],
          `第 ${record.line} 行的数值没有行标签，位置无法确定，未采用`,
          `line ${record.line}: values without a row label whose row cannot be determined; not used`,
          { line: record.line },
        ),
      );
    }
  }
  return placed;
}

/** Reads 表三. Returns whether the 2019 format's one-row （六）其他处理 was found. */
export function readT3(
  region: Region,
  reading: TableReading,
  ambiguous: 'best' | 'null',
): { legacy: boolean } {
  // A stray value (a page number, a cell the converter displaced) cannot be a row of 7: set it aside, and
  // pass the labels before it on to the next row.
  const usable: RowRecord[] = [];
  let carry = '';
  for (const record of region.records) {
    if (record.values.length === 0) continue;
    if (!couldBeRow(record.values, T3_COLUMNS.length)) {
      carry = [carry, record.before, record.label].filter((t) => t).join(' ');
      reading.notes.push(
        note(
          'label-unmatched',
          'warning',
          [],
          `第 ${record.line} 行的数值（${record.values.map((v) => v.raw).join(' ')}）不能构成表三的一行，未采用`,
          `line ${record.line}: values (${record.values.map((v) => v.raw).join(' ')}) cannot be a row of Table 三; not used`,
          { line: record.line },
        ),
      );
      continue;
    }
    usable.push(carry && !record.label ? { ...record, before: `${carry} ${record.before}`.trim() } : record);
    carry = '';
  }
  const placed = alignT3(usable, reading);
  const headers = headerColumns(region.headerRows, T3_SPEC);
  let legacy = false;
  let legacyRow: (number | null)[] | undefined;
  type Pending = { placed: Placed; runs: number[][] };
  const pending: Pending[] = [];
  for (const p of placed) {
    const prefix = `t3.${p.target.path}`;
    const tokens = byHeaders(p.record, headers, T3_COLUMNS) ?? p.record.values;
    const result = readings(tokens, T3_COLUMNS.length, closesWithTotal, undefined, {
      label: p.target.label,
      cells: T3_COLUMNS.map((column) => `${prefix}.${column}`),
      line: p.record.line,
      notes: reading.notes,
    });
    if (p.target.group) {
      legacy = true;
      const legacyValues = readings(tokens, T3_COLUMNS.length, closesWithTotal);
      if (legacyValues && 'direct' in legacyValues) legacyRow = legacyValues.direct;
      else if (legacyValues && legacyValues.runs.length === 1) legacyRow = legacyValues.runs[0] as number[];
      reading.notes.push(
        note(
          'format-legacy',
          'warning',
          [
            't3.results.other.overdueCorrection',
            't3.results.other.unpaidFee',
            't3.results.other.other',
          ].flatMap((row) => T3_COLUMNS.map((column) => `${row}.${column}`)),
          `表三“（六）其他处理”只有一行（2019 年格式，国办公开办函〔2019〕60号），无法分到 2021 年格式的三个子项；这些单元格留空。该行为 ${tokens.map((t) => t.raw).join(' ')}`,
          `Table 三 “（六）其他处理” is a single row (the 2019 format, 国办公开办函〔2019〕60号) and cannot be split into the 2021 format's three sub-rows; those cells are left blank. The row reads ${tokens.map((t) => t.raw).join(' ')}`,
          { line: p.record.line },
        ),
      );
      continue;
    }
    const addresses = T3_COLUMNS.map((column) => `${prefix}.${column}`);
    if (!result) {
      reading.notes.push(
        note(
          'label-unmatched',
          'warning',
          addresses,
          `“${p.target.label}”一行的数值（${tokens.map((t) => t.raw).join(' ')}）无法读成 7 个单元格`,
          `the values of “${p.target.label}” (${tokens.map((t) => t.raw).join(' ')}) cannot be read as 7 cells`,
          { line: p.record.line },
        ),
      );
      continue;
    }
    if ('direct' in result) {
      addresses.forEach((address, c) => {
        set(reading, address, result.direct[c] ?? null, p.how);
      });
      cellNotes(reading, addresses, tokens, p.record.line);
      continue;
    }
    pending.push({ placed: p, runs: result.runs });
  }
  resolveRuns(pending, reading, ambiguous);
  if (legacyRow) checkLegacyResults(legacyRow, reading);
  return { legacy };
}

/**
 * T3-R2 with the 2019 format's one-row （六）: （七）总计 = the 2021 result rows other than （六） + the single
 * （六） row. checkReport cannot decide it (the three （六） sub-rows are null), so the importer checks it here.
 */
function checkLegacyResults(legacyRow: readonly (number | null)[], reading: TableReading): void {
  const leaves = T3_LEAVES.filter(
    (row) =>
      row.path.startsWith('results.') &&
      row.path !== 'results.total' &&
      !row.path.startsWith('results.other.'),
  );
  T3_COLUMNS.forEach((column, c) => {
    const total = reading.values.get(`t3.results.total.${column}`);
    const single = legacyRow[c];
    let sum = single ?? Number.NaN;
    for (const leaf of leaves) sum += reading.values.get(`t3.${leaf.path}.${column}`) ?? Number.NaN;
    if (total === undefined || Number.isNaN(sum) || sum === total) return;
    reading.notes.push(
      note(
        'legacy-arithmetic',
        'warning',
        [`t3.results.total.${column}`],
        `表三（2019 年格式）${column} 列：各项办理结果之和（含“（六）其他处理”一行 ${single}）为 ${sum}，但（七）总计为 ${total}`,
        `Table 三 (2019 format), column ${column}: the result rows (with the single “（六）其他处理” row, ${single}) sum to ${sum}, but （七）总计 is ${total}`,
        { candidates: [[total, sum]] },
      ),
    );
  });
}

/** Column identities of 表三 a reading can satisfy: T3-R1 and T3-R2 in each column. */
function t3ColumnScore(values: ReadonlyMap<CellAddress, number>): number {
  let score = 0;
  for (const column of T3_COLUMNS) {
    const get = (path: string): number | undefined => values.get(`t3.${path}.${column}`);
    const one = get('received');
    const two = get('carriedOver');
    const seven = get('results.total');
    const four = get('carriedForward');
    if (one !== undefined && two !== undefined && seven !== undefined && four !== undefined) {
      if (one + two === seven + four) score++;
    }
    const leaves = T3_LEAVES.filter((row) => row.path.startsWith('results.') && row.path !== 'results.total');
    let sum = 0;
    let known = seven !== undefined;
    for (const leaf of leaves) {
      const v = get(leaf.path);
      if (v === undefined) known = false;
      else sum += v;
    }
    if (known && sum === seven) score++;
  }
  return score;
}

/**
 * Chooses among the readings of rows printed as digit runs: every combination (when few) is scored by the
 * column identities; the best wins. When several combinations tie and differ in a row, that row is
 * ambiguous: a warning lists its candidates, and with `ambiguous: 'null'` its cells stay blank.
 */
function resolveRuns(
  pending: readonly { placed: Placed; runs: number[][] }[],
  reading: TableReading,
  ambiguous: 'best' | 'null',
): void {
  if (pending.length === 0) return;
  const addressesOf = (p: Placed): string[] => T3_COLUMNS.map((column) => `t3.${p.target.path}.${column}`);
  const choose = pending.map(() => 0);
  const apply = (values: Map<CellAddress, number>, indices: readonly number[]): void => {
    pending.forEach((p, r) => {
      const run = p.runs[indices[r] as number] as number[];
      addressesOf(p.placed).forEach((address, c) => {
        values.set(address, run[c] as number);
      });
    });
  };
  const combos = pending.reduce((product, p) => product * p.runs.length, 1);
  let winners: number[][] = [];
  if (combos <= 20_000) {
    let best = -1;
    const indices = pending.map(() => 0);
    for (let n = 0; n < combos; n++) {
      let rest = n;
      for (let r = 0; r < pending.length; r++) {
        const count = (pending[r] as (typeof pending)[number]).runs.length;
        indices[r] = rest % count;
        rest = Math.floor(rest / count);
      }
      const values = new Map(reading.values);
      apply(values, indices);
      const score = t3ColumnScore(values);
      if (score > best) {
        best = score;
        winners = [[...indices]];
      } else if (score === best) winners.push([...indices]);
    }
  } else {
    winners = [choose];
  }
  const unique: string[] = [];
  const uniqueCells: CellAddress[] = [];
  pending.forEach((p, r) => {
    const options = [...new Set(winners.map((w) => w[r] as number))];
    const addresses = addressesOf(p.placed);
    const chosen = p.runs[options[0] as number] as number[];
    if (options.length > 1) {
      const candidates = options.map((o) => p.runs[o] as number[]);
      reading.notes.push(
        note(
          'ambiguous-run',
          'warning',
          addresses,
          `“${p.placed.target.label}”的数字连写（${p.placed.record.values.map((v) => v.raw).join(' ')}）有 ${candidates.length} 种读法符合勾稽关系：${describeCandidates(candidates)}`,
          `the run-together digits of “${p.placed.target.label}” (${p.placed.record.values.map((v) => v.raw).join(' ')}) have ${candidates.length} readings that satisfy the identities: ${describeCandidates(candidates)}`,
          { candidates, line: p.placed.record.line },
        ),
      );
      if (ambiguous === 'null') return;
    } else if (p.runs.length > 1) {
      // Several readings close the row; the column identities left one.
      reading.notes.push(
        note(
          'run-split',
          'info',
          addresses,
          `“${p.placed.target.label}”的数字连写（${p.placed.record.values.map((v) => v.raw).join(' ')}）有 ${p.runs.length} 种读法符合本行总计，按各列勾稽关系取 ${chosen.join(',')}`,
          `the run-together digits of “${p.placed.target.label}” (${p.placed.record.values.map((v) => v.raw).join(' ')}) have ${p.runs.length} readings that close the row; the column identities leave ${chosen.join(',')}`,
          { line: p.placed.record.line, candidates: p.runs },
        ),
      );
    } else {
      unique.push(p.placed.target.label);
      uniqueCells.push(...addresses);
    }
    // A reading that is the only one left is as good as printed; a chosen one among several is inferred.
    addresses.forEach((address, c) => {
      set(reading, address, chosen[c] ?? null, options.length > 1 ? 'inferred' : 'read');
    });
  });
  if (unique.length > 0) {
    reading.notes.push(
      note(
        'run-split',
        'info',
        uniqueCells,
        `表三有 ${unique.length} 行数字连写（无分隔），每行只有一种读法使本行总计成立，已按此拆分`,
        `Table 三 has ${unique.length} row(s) of digits printed without separators; each has exactly one reading whose 总计 closes the row, and was split so`,
      ),
    );
  }
}

// ── 表四 ─────────────────────────────────────────────────────────────────────────────────────────────

/** Reads 表四: the row of 15 values (or a run that splits into 15 satisfying T4-R1), in statutory order. */
export function readT4(region: Region, reading: TableReading, ambiguous: 'best' | 'null'): boolean {
  const addresses = T4_COLUMNS.map((column) => `t4.${column}`);
  const headers = headerColumns(region.headerRows, T4_SPEC);
  for (const record of [...region.records].reverse()) {
    const tokens = byHeaders(record, headers, T4_COLUMNS) ?? record.values;
    const result = readings(tokens, addresses.length, t4Totals, t4Prefix, {
      label: record.label,
      cells: addresses,
      line: record.line,
      notes: reading.notes,
    });
    if (!result) continue;
    if ('direct' in result) {
      addresses.forEach((address, c) => {
        set(reading, address, result.direct[c] ?? null, 'read');
      });
      cellNotes(reading, addresses, tokens, record.line);
      return true;
    }
    const chosen = result.runs[0] as number[];
    if (result.runs.length > 1) {
      reading.notes.push(
        note(
          'ambiguous-run',
          'warning',
          addresses,
          `表四的数字连写（${record.values.map((v) => v.raw).join(' ')}）有 ${result.runs.length} 种读法：${describeCandidates(result.runs)}`,
          `the run-together digits of Table 四 (${record.values.map((v) => v.raw).join(' ')}) have ${result.runs.length} readings: ${describeCandidates(result.runs)}`,
          { candidates: result.runs, line: record.line },
        ),
      );
      if (ambiguous === 'null') return true;
    } else {
      reading.notes.push(
        note(
          'run-split',
          'info',
          addresses,
          `表四的数字连写（${record.values.map((v) => v.raw).join(' ')}）读作 ${chosen.join(',')}`,
          `the run-together digits of Table 四 (${record.values.map((v) => v.raw).join(' ')}) read as ${chosen.join(',')}`,
          { line: record.line },
        ),
      );
    }
    addresses.forEach((address, c) => {
      set(reading, address, chosen[c] ?? null, result.runs.length > 1 ? 'inferred' : 'read');
    });
    return true;
  }
  return false;
}

// ── 表二 ─────────────────────────────────────────────────────────────────────────────────────────────

function t2RowOf(label: string): T2Row | 'legacy' | undefined {
  // A signed 2019 value glued to the label (`行政处罚2648-`) is not part of the label.
  const core = labelCore(label).replace(/\d+$/, '');
  if (core === '') return undefined;
  for (const legacy of LEGACY_T2_ROWS) if (core.endsWith(labelCore(legacy))) return 'legacy';
  let best: T2Row | undefined;
  let bestLength = 0;
  for (const row of T2_ROWS) {
    for (const name of row.labels) {
      const c = labelCore(name);
      if ((core === c || core.endsWith(c)) && c.length > bestLength) {
        best = row;
        bestLength = c.length;
      }
    }
  }
  return best;
}

/** 现行有效 at least 制发 and 废止; then the smallest largest value; then 制发 ≥ 废止: a reading's plausibility. */
function documentRowRank(values: readonly number[]): number[] {
  const [issued = 0, repealed = 0, inForce = 0] = values;
  return [
    inForce >= issued && inForce >= repealed ? 0 : 1,
    Math.max(issued, repealed, inForce),
    issued >= repealed ? 0 : 1,
  ];
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Reads 表二 block by block. A block whose headers are the 2019 format's (本年新制作数量, 上一年项目数量…) is
 * legacy: its 处理决定数量 maps to 本年处理决定数量, nothing else does, and a `format-legacy` note says so.
 */
export function readT2(
  region: Region,
  reading: TableReading,
  ambiguous: 'best' | 'null',
): { legacy: boolean } {
  let legacyBlock = false;
  let legacyAny = false;
  for (const record of region.records) {
    const context = squash(record.before);
    if (/第二十条第\(?[一二三四五六七八九十]+\)?项/.test(context)) {
      legacyBlock = LEGACY_T2_MARKERS.some((marker) => context.includes(squash(marker)));
    } else if (LEGACY_T2_MARKERS.some((marker) => context.includes(squash(marker)))) {
      legacyBlock = true;
    }
    const row = t2RowOf(record.label);
    if (row === undefined) continue;
    if (row === 'legacy' || legacyBlock) {
      legacyAny = true;
      if (row === 'legacy') continue;
      readLegacyT2Row(record, row, reading, ambiguous);
      continue;
    }
    const cells = row.columns.map((column) => `t2.${row.path}.${column}`);
    const result = readings(record.values, cells.length, () => true, undefined, {
      label: record.label,
      cells,
      line: record.line,
      notes: reading.notes,
    });
    if (!result) {
      reading.notes.push(
        note(
          'label-unmatched',
          'warning',
          cells,
          `表二“${record.label}”的数值（${record.values.map((v) => v.raw).join(' ')}）无法读成 ${cells.length} 个单元格`,
          `Table 二 “${record.label}”: the values (${record.values.map((v) => v.raw).join(' ')}) cannot be read as ${cells.length} cell(s)`,
          { line: record.line },
        ),
      );
      continue;
    }
    if ('direct' in result) {
      cells.forEach((address, c) => {
        set(reading, address, result.direct[c] ?? null, 'read');
      });
      cellNotes(reading, cells, record.values, record.line);
      continue;
    }
    const ranked = [...result.runs].sort((a, b) => compareRanks(documentRowRank(a), documentRowRank(b)));
    const chosen = ranked[0] as number[];
    if (ranked.length > 1) {
      reading.notes.push(
        note(
          'ambiguous-run',
          'warning',
          cells,
          `表二“${record.label}”的数字连写（${record.values.map((v) => v.raw).join(' ')}）有 ${ranked.length} 种读法，没有勾稽关系可以区分：${describeCandidates(ranked)}${ambiguous === 'best' ? `；暂取最合理的 ${chosen.join(',')}（现行有效不少于制发和废止、数值最小），请人工核对` : '；留空'}`,
          `Table 二 “${record.label}”: the run-together digits (${record.values.map((v) => v.raw).join(' ')}) have ${ranked.length} readings and no identity decides between them: ${describeCandidates(ranked)}${ambiguous === 'best' ? `; taking the most plausible, ${chosen.join(',')} (in force not below issued and repealed, smallest values): check it` : '; left blank'}`,
          { candidates: ranked, line: record.line },
        ),
      );
      if (ambiguous === 'null') continue;
    }
    cells.forEach((address, c) => {
      set(reading, address, chosen[c] ?? null, ranked.length > 1 ? 'inferred' : 'read');
    });
  }
  return { legacy: legacyAny };
}

/**
 * A 表二 row of the 2019 format. What maps (spec §5): 本年新制作数量 → 本年制发件数 (both count documents made
 * this year); 处理决定数量 → 本年处理决定数量. 本年新公开数量, 对外公开总数量, 上一年项目数量, 本年增/减 and
 * the 2019 收费 block have no 2021 cell. A run of digits is read as three values, the most plausible
 * reading kept and flagged (no identity links them).
 */
function readLegacyT2Row(
  record: RowRecord,
  row: T2Row,
  reading: TableReading,
  ambiguous: 'best' | 'null',
): void {
  const documents = row.columns.length === 3;
  const decisions = row.columns.length === 1 && row.columns[0] === 'decisions';
  const target = documents ? `t2.${row.path}.issued` : decisions ? `t2.${row.path}.decisions` : undefined;
  const column = documents ? 0 : 2;
  const unmapped = row.columns.map((c) => `t2.${row.path}.${c}`).filter((address) => address !== target);
  reading.notes.push(
    note(
      'format-legacy',
      'warning',
      unmapped,
      `表二“${record.label}”一行是 2019 年格式（国办公开办函〔2019〕60号）：${target ? `只有“${documents ? '本年新制作数量' : LEGACY_DECISIONS_COLUMN}”对应 2021 年格式的 ${target}，其余栏目` : '各栏目'}无对应单元格：${record.values.map((v) => v.raw).join(' ')}`,
      `Table 二 row “${record.label}” is in the 2019 format (国办公开办函〔2019〕60号): ${target ? `only “${documents ? '本年新制作数量' : LEGACY_DECISIONS_COLUMN}” maps to the 2021 cell ${target}; the other columns have` : 'its columns have'} no 2021 cell: ${record.values.map((v) => v.raw).join(' ')}`,
      { line: record.line },
    ),
  );
  if (!target) return;
  // 本年增/减 may be negative: `行政处罚2648-18538` is 2648 | -18… | …538, the minus opening the middle cell.
  const signed = /(\d+)\s*[-－—]$/.exec(fold(record.label));
  const tokens: Token[] = signed
    ? [{ raw: signed[1] as string, value: Number(signed[1]), digits: signed[1] as string }, ...record.values]
    : record.values;
  const first = signed ? Number(signed[1]) : undefined;
  const result = readings(tokens, 3, (values) => first === undefined || values[0] === first);
  if (!result) return;
  if ('direct' in result) {
    set(reading, target, result.direct[column] ?? null, 'read');
    return;
  }
  const ranked = [...result.runs].sort((a, b) => Math.max(...a) - Math.max(...b));
  const chosen = ranked[0] as number[];
  if (ranked.length > 1) {
    const values = [...new Set(ranked.map((r) => r[column] as number))];
    if (values.length > 1) {
      reading.notes.push(
        note(
          'ambiguous-run',
          'warning',
          [target],
          `表二“${record.label}”的数字连写（${record.values.map((v) => v.raw).join(' ')}）有 ${ranked.length} 种读法：${describeCandidates(ranked)}${ambiguous === 'best' ? `；暂取数值最均衡的 ${chosen.join(',')}，请人工核对` : '；留空'}`,
          `Table 二 “${record.label}”: the run-together digits (${record.values.map((v) => v.raw).join(' ')}) have ${ranked.length} readings: ${describeCandidates(ranked)}${ambiguous === 'best' ? `; taking the most even one, ${chosen.join(',')}: check it` : '; left blank'}`,
          { candidates: ranked.map((r) => [r[column] as number]), line: record.line },
        ),
      );
      if (ambiguous === 'null') return;
      set(reading, target, chosen[column] ?? null, 'inferred');
      return;
    }
  }
  set(reading, target, chosen[column] ?? null, 'read');
}
