/*
 * The walks over the model's table specs the readers need, one for rows and one for columns, and what is
 * derived from them once per process (表三's rows and columns, 表四's columns). Nothing here restates a label,
 * key or order: it is all read from T2_SPEC, T3_SPEC and T4_SPEC.
 */

import { type RowNode, T3_SPEC, T4_SPEC, type TableSpec } from '@nianbao/model';
import { labelCore, stripNumbering } from '../normalise.js';
import type { RowRecord, Token } from '../records.js';

/** A row of a statutory table, flattened: its address prefix, label, numbering and core. */
export interface FlatRow {
  readonly path: string;
  readonly label: string;
  readonly numbering: string;
  readonly core: string;
  readonly group: boolean;
}

function numberingOf(label: string): string {
  return label.slice(0, label.length - stripNumbering(label).length).trim();
}

/** The one walk over a row tree: every row, groups before their children, with its dotted path. */
export function flattenRows(rows: readonly RowNode[], prefix = ''): FlatRow[] {
  const out: FlatRow[] = [];
  const walk = (nodes: readonly RowNode[], at: string): void => {
    for (const row of nodes) {
      const path = at ? `${at}.${row.key}` : (row.key as string);
      out.push({
        path,
        label: row.label,
        numbering: numberingOf(row.label),
        core: labelCore(row.label),
        group: row.children !== undefined,
      });
      if (row.children) walk(row.children, path);
    }
  };
  walk(rows, prefix);
  return out;
}

/** A column header of a spec: its key path, label, the labels of its keyed ancestors, and whether it is a leaf. */
interface ColumnEntry {
  readonly path: string;
  readonly label: string;
  /** Labels of the keyed ancestors (行政复议, 复议后起诉…): a leaf's label alone may repeat across groups. */
  readonly groups: readonly string[];
  readonly leaf: boolean;
}

/** The one walk over a spec's column trees: every header in document order (a group before its children). */
function columnEntries(spec: TableSpec): ColumnEntry[] {
  const out: ColumnEntry[] = [];
  const walk = (nodes: TableSpec['blocks'][number]['columns'], prefix: string, groups: string[]): void => {
    for (const node of nodes) {
      const path = node.key ? (prefix ? `${prefix}.${node.key}` : node.key) : prefix;
      out.push({ path, label: node.label, groups, leaf: !node.children });
      if (node.children) walk(node.children, path, node.key ? [...groups, node.label] : groups);
    }
  };
  for (const block of spec.blocks) walk(block.columns, '', []);
  return out;
}

/** A spec's leaf columns in statutory order. */
function leafColumns(spec: TableSpec): ColumnEntry[] {
  return columnEntries(spec).filter((column) => column.leaf);
}

/** Every column label of a spec, groups and leaves, in document order (what cuts run-together header text). */
export function columnLabels(spec: TableSpec): string[] {
  return columnEntries(spec).map((column) => column.label);
}

/**
 * Column keys by grid column, read from an HTML table's header rows (spans filled in): the bottom header of a
 * column names its leaf, the headers above must include its keyed groups. `undefined` unless every leaf is
 * found in its own column, in which case values are read by header, not by position.
 */
export function headerColumns(
  headerRows: readonly string[][],
  spec: TableSpec,
): Map<number, string> | undefined {
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
    if (found.length === 1) map.set(j, (found[0] as ColumnEntry).path);
  }
  const keys = new Set(map.values());
  return keys.size === leaves.length && map.size === leaves.length ? map : undefined;
}

/** A row's tokens in statutory column order, placed by their headers; `undefined` when a value has no header. */
export function byHeaders(
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

/** 表三's rows, groups included, in statutory order. */
export const T3_ROWS: readonly FlatRow[] = flattenRows(T3_SPEC.blocks[0]?.rows ?? []);
/** 表三's leaf rows (the rows that hold values). */
export const T3_LEAVES: readonly FlatRow[] = T3_ROWS.filter((row) => !row.group);
/** 表三's leaf column keys (the applicant columns and 总计), in statutory order. */
export const T3_COLUMNS: readonly string[] = leafColumns(T3_SPEC).map((column) => column.path);
/** 表四's leaf column keys (`review.upheld` … `litigationAfterReview.total`), in statutory order. */
export const T4_COLUMNS: readonly string[] = leafColumns(T4_SPEC).map((column) => column.path);
