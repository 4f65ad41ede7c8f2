import {
  type CellAddress,
  type CellValue,
  type Evaluation,
  type Finding,
  formatCellValue,
  type LayoutCell,
  type TableLayout,
} from '@nianbao/model';
import { memo, type ReactElement, type ReactNode, useCallback, useMemo } from 'react';
import { type CellSource, lookupCell } from './cell-source.js';
import { CrossCheckFooter } from './cross-check-footer.js';
import { CellInput, type Move } from './editable-cell.js';
import {
  type CellIssue,
  cachedCrossCheckRows,
  cellDomId,
  findingsOf,
  indexIssues,
} from './findings-index.js';
import { parseCellInput } from './format.js';
import { gridModel, parseClipboardBlock, pasteTargets } from './grid-model.js';
import { type Locale, localize, SEVERITY_GLYPH, UI } from './messages.js';
import { EDITABLE_NEEDS_CLIENT, SERVER_COMPONENTS, useRef, useState } from './react-env.js';
import { useScopeClass } from './scope.js';

/** One cell change from data entry. */
export interface CellChange {
  readonly address: CellAddress;
  readonly value: CellValue;
}

/** Props of `<StatutoryTable>`. */
export interface StatutoryTableProps {
  /** The placed table from the model, e.g. `statutoryLayout('t3')`. Keep the same object across renders. */
  layout: TableLayout;
  /** The numbers: a report (or `{ t3 }`), or a function from cell address to value. Missing cells are blank. */
  values?: CellSource;
  /** Findings to mark in the grid (`checkReport`); defaults to the evaluations that did not pass. */
  findings?: readonly Finding[];
  /** All evaluations (`evaluateReport`); when given, the cross-check footer is drawn under the table. */
  evaluations?: readonly Evaluation[];
  /** Data entry: every data cell becomes an input. @default false */
  editable?: boolean;
  /** Called with a cell's new value (`null` for blank) when the user enters a number. */
  onChange?: (address: CellAddress, value: CellValue) => void;
  /** Called once with every cell a paste fills; without it, `onChange` is called per cell. */
  onChangeMany?: (changes: readonly CellChange[]) => void;
  /** Values computed for total cells (e.g. from `completeTotals`), shown beside what the user entered. */
  derived?: CellSource;
  /** Prefix of every DOM id, to keep several tables on one page apart. @default 'nb-' */
  idPrefix?: string;
  /** Language of the interface text (statute labels stay Chinese). @default 'zh' */
  locale?: Locale;
  /** Keep the caption for assistive technology but hide it on screen (when a heading already shows it). @default false */
  hideCaption?: boolean;
  /**
   * Words added to the table's accessible name after its caption, for assistive technology only (e.g. `2024年`,
   * `上年`): two copies of one statutory table on a page then have names that tell them apart.
   */
  label?: string;
  /** Extra class on the scroll container. */
  className?: string;
}

function spans(cell: LayoutCell): { colSpan?: number; rowSpan?: number } {
  return {
    ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
  };
}

function headersOf(cell: LayoutCell, idPrefix: string): string | undefined {
  return cell.headers.length > 0 ? cell.headers.map((id) => cellDomId(idPrefix, id)).join(' ') : undefined;
}

/** A header, title or corner cell. Only a labelled cell with a scope is a `<th>`: no empty headers. */
const HeaderCell = memo(function HeaderCell({
  cell,
  idPrefix,
}: {
  cell: LayoutCell;
  idPrefix: string;
}): ReactElement {
  const common = {
    id: cellDomId(idPrefix, cell.id),
    headers: headersOf(cell, idPrefix),
    // No sticky labels: with row labels spanning one to three grid columns, a sticky first column covers the
    // first data columns of the wide rows (一、二、四) and the corner covers 申请人情况. The table scrolls whole.
    className: `nb-${cell.kind}`,
    ...spans(cell),
  };
  if (cell.scope && cell.label) {
    return (
      <th scope={cell.scope} {...common}>
        {cell.label}
      </th>
    );
  }
  return <td {...common}>{cell.label}</td>;
});

const WORD = { fail: UI.error, warning: UI.warning, info: UI.info, uncertain: UI.uncertain } as const;

function glyphOf(status: CellIssue['status']): string {
  return SEVERITY_GLYPH[status === 'fail' ? 'error' : status];
}

/*
 * A marked cell: the primary cell of a finding shows the severity's glyph and the numbers of the notes under the
 * table that explain it (links); a cell that is only one of the parts a failing total sums is outlined lightly,
 * without a glyph. Both are described (aria-describedby) by the finding's message and by its note.
 */
function issueMark(
  status: CellIssue['status'],
  primary: boolean,
  text: string,
  notes: readonly { id: string; number: number }[],
  descId: string,
  locale: Locale,
): ReactNode {
  return (
    <>
      {primary && (
        <span className="nb-flag" aria-hidden="true">
          {glyphOf(status)}
        </span>
      )}
      {primary &&
        notes.map((note) => (
          <sup key={note.id} className="nb-note-ref">
            <a href={`#${note.id}`} aria-label={`${localize(UI.seeNote, locale)} ${note.number}`}>
              {note.number}
            </a>
          </sup>
        ))}
      <span className="nb-sr-only" id={descId}>
        {localize(primary ? WORD[status] : UI.partOf, locale)}：{text}
      </span>
    </>
  );
}

interface DataCellProps {
  cell: LayoutCell;
  value: CellValue;
  issueStatus: CellIssue['status'] | undefined;
  /** The cell is what a finding is about, not only one of the parts it sums. */
  issuePrimary: boolean;
  /** Ids of the notes under the table explaining this cell, space-separated. */
  noteIds: string | undefined;
  /** The numbers of those notes a primary cell shows, comma-separated. */
  noteNumbers: string | undefined;
  /** The findings' messages, joined. */
  issueText: string | undefined;
  /** Ids of the footer cells showing the findings, space-separated. */
  footerIds: string | undefined;
  editable: boolean;
  derived: CellValue | undefined;
  idPrefix: string;
  locale: Locale;
  label: string;
  onCommit: (address: CellAddress, value: CellValue) => void;
  onMove: (from: CellAddress, move: Move) => void;
  onPasteBlock: (from: CellAddress, text: string) => boolean;
  inputRef: (el: HTMLInputElement | null) => void;
}

/*
 * A data cell. Its props are primitives or objects stable across renders (the layout cell, memoised callbacks),
 * so a keystroke re-renders the cell typed in and the cells whose findings changed, not all 175.
 */
const DataCell = memo(function DataCell(props: DataCellProps): ReactElement {
  const { cell, value, issueStatus, issuePrimary, editable, idPrefix, locale } = props;
  const address = cell.address as CellAddress;
  const id = cellDomId(idPrefix, cell.id);
  const descId = `${id}-finding`;
  const describedBy = issueStatus
    ? [descId, props.noteIds, props.footerIds].filter(Boolean).join(' ')
    : undefined;
  const classes = ['nb-data'];
  if (cell.total) classes.push('nb-total');
  if (issueStatus) classes.push(issuePrimary ? `nb-data--${issueStatus}` : 'nb-data--part');
  const noteIds = (props.noteIds ?? '').split(' ').filter(Boolean);
  const numbers = (props.noteNumbers ?? '').split(',').filter(Boolean).map(Number);
  const notes = numbers.map((number) => ({
    number,
    id: noteIds.find((n) => n.endsWith(`-note-${number}`)) ?? '',
  }));
  return (
    <td
      id={id}
      headers={headersOf(cell, idPrefix)}
      data-cell={address}
      className={classes.join(' ')}
      aria-invalid={!editable && issuePrimary && issueStatus === 'fail' ? true : undefined}
      aria-describedby={!editable ? describedBy : undefined}
      {...spans(cell)}
    >
      {editable ? (
        <CellInput
          address={address}
          inputId={`${id}-input`}
          value={value}
          kind={cell.value ?? 'count'}
          label={props.label}
          derived={props.derived}
          describedBy={describedBy}
          invalid={issuePrimary && issueStatus === 'fail'}
          locale={locale}
          onCommit={props.onCommit}
          onMove={props.onMove}
          onPasteBlock={props.onPasteBlock}
          inputRef={props.inputRef}
        />
      ) : value === null ? (
        <>
          <span className="nb-value" />
          <span className="nb-sr-only">{localize(UI.blank, locale)}</span>
        </>
      ) : (
        <span className="nb-value">{formatCellValue(value)}</span>
      )}
      {issueStatus && issueMark(issueStatus, issuePrimary, props.issueText ?? '', notes, descId, locale)}
    </td>
  );
});

/**
 * The generic statutory grid: draws any `TableLayout` from the model as one accessible `<table>` (caption,
 * colgroups, thead/tbody per layout section, tfoot for cross-checks; scope, id/headers and `data-cell` from the
 * layout). It knows nothing about which table it draws. With `editable`, every data cell is an input that moves
 * like a spreadsheet (arrows, Enter, Tab) and takes tab-separated blocks pasted from Excel or WPS.
 */
export function StatutoryTable(props: StatutoryTableProps): ReactElement {
  const { layout, values, findings, evaluations, editable = false, idPrefix = 'nb-', locale = 'zh' } = props;
  if (editable && SERVER_COMPONENTS) throw new Error(EDITABLE_NEEDS_CLIENT);
  const model = gridModel(layout);
  const rows = useMemo(
    () => (evaluations ? cachedCrossCheckRows(layout, evaluations) : []),
    [layout, evaluations],
  );
  const { issues, notes } = useMemo(
    () => indexIssues(layout, findingsOf(findings, evaluations), rows, idPrefix, locale, evaluations),
    [layout, findings, evaluations, rows, idPrefix, locale],
  );
  const captionId = `${idPrefix}${layout.id}-caption`;

  // Data entry plumbing: stable callbacks so memoised inputs re-render only when their own value changes.
  const inputs = useRef(new Map<CellAddress, HTMLInputElement>());
  const latest = useRef(props);
  latest.current = props;
  const [announcement, setAnnouncement] = useState('');
  const onCommit = useCallback((address: CellAddress, value: CellValue) => {
    latest.current.onChange?.(address, value);
  }, []);
  const onMove = useCallback(
    (from: CellAddress, move: Move) => {
      const to = model.neighbours.get(from)?.[move];
      if (to) inputs.current.get(to)?.focus();
    },
    [model],
  );
  const onPasteBlock = useCallback(
    (from: CellAddress, text: string): boolean => {
      const block = parseClipboardBlock(text);
      if (block.length === 1 && (block[0]?.length ?? 0) <= 1) return false;
      const changes: CellChange[] = [];
      let rejected = 0;
      for (const target of pasteTargets(model, from, block)) {
        const cell = latest.current.layout.cellsByAddress.get(target.address);
        const read = parseCellInput(target.text, cell?.value ?? 'count');
        if (read.ok) changes.push({ address: target.address, value: read.value });
        else rejected += 1;
      }
      const { onChange, onChangeMany } = latest.current;
      if (onChangeMany) onChangeMany(changes);
      else for (const change of changes) onChange?.(change.address, change.value);
      setAnnouncement(
        locale === 'en'
          ? `Pasted ${changes.length} cells${rejected ? `; ${rejected} were not numbers and were skipped` : ''}.`
          : `已粘贴 ${changes.length} 个单元格${rejected ? `，${rejected} 个不是数字，已跳过` : ''}。`,
      );
      return true;
    },
    [model, locale],
  );
  const refs = useMemo(() => {
    const map = new Map<CellAddress, (el: HTMLInputElement | null) => void>();
    for (const cell of layout.dataCells) {
      const address = cell.address as CellAddress;
      map.set(address, (el) => {
        if (el) inputs.current.set(address, el);
        else inputs.current.delete(address);
      });
    }
    return map;
  }, [layout]);

  const dataCell = (cell: LayoutCell): ReactElement => {
    const address = cell.address as CellAddress;
    const issue = issues.get(address);
    return (
      <DataCell
        key={cell.id}
        cell={cell}
        value={lookupCell(values, address)}
        issueStatus={issue?.status}
        issuePrimary={issue?.primary ?? false}
        noteIds={issue?.noteIds.join(' ')}
        noteNumbers={issue?.noteNumbers.join(',')}
        issueText={issue?.messages.join('；')}
        footerIds={issue?.footerIds.join(' ')}
        editable={editable}
        derived={editable && cell.total && props.derived ? lookupCell(props.derived, address) : undefined}
        idPrefix={idPrefix}
        locale={locale}
        label={model.labels.get(address) ?? address}
        onCommit={onCommit}
        onMove={onMove}
        onPasteBlock={onPasteBlock}
        inputRef={refs.get(address) as (el: HTMLInputElement | null) => void}
      />
    );
  };

  const scope = useScopeClass();
  const classes = [scope, 'nb-table-scroll', props.className].filter(Boolean).join(' ');
  return (
    // A scrolling region must be reachable by keyboard and named (WCAG 2.1.1); the caption names it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll container has to take focus to scroll by keyboard.
    <section className={classes} aria-labelledby={captionId} tabIndex={0}>
      {/* Shown on narrow screens only (styles.css); the region's role and name already tell assistive technology. */}
      <p className="nb-scroll-hint" aria-hidden="true">
        {localize(UI.scrollHint, locale)}
      </p>
      <table className={`nb-table nb-table--${layout.id}${editable ? ' nb-table--editable' : ''}`}>
        <caption id={captionId} className={props.hideCaption ? 'nb-sr-only' : 'nb-caption'}>
          {layout.caption}
          {props.label ? <span className="nb-sr-only">（{props.label}）</span> : null}
        </caption>
        {model.labelWidths.length > 0 && (
          <colgroup className="nb-cols-labels">
            {model.labelWidths.map((width, i) => (
              <col key={i} style={{ width: `${(width * 100).toFixed(2)}%` }} />
            ))}
          </colgroup>
        )}
        <colgroup className="nb-cols-data">
          {model.dataWidths.map((width, i) => (
            <col key={i} style={{ width: `${(width * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        {layout.sections.map((section) => {
          const body = section.rows.map((row) => (
            <tr key={row.index}>
              {row.cells.map((cell) =>
                cell.kind === 'data' ? (
                  dataCell(cell)
                ) : (
                  <HeaderCell key={cell.id} cell={cell} idPrefix={idPrefix} />
                ),
              )}
            </tr>
          ));
          return section.kind === 'head' ? (
            <thead key={section.id}>{body}</thead>
          ) : (
            <tbody key={section.id} id={`${idPrefix}${section.id}`}>
              {body}
            </tbody>
          );
        })}
        {evaluations && rows.length > 0 && (
          <tfoot>
            <CrossCheckFooter layout={layout} evaluations={evaluations} idPrefix={idPrefix} locale={locale} />
          </tfoot>
        )}
      </table>
      {notes.length > 0 && (
        <div className="nb-notes">
          <p className="nb-notes-title" id={`${idPrefix}${layout.id}-notes-title`}>
            {localize(UI.notes, locale)}
          </p>
          <ol aria-labelledby={`${idPrefix}${layout.id}-notes-title`}>
            {notes.map((note) => (
              <li key={note.id} id={note.id} className={`nb-note nb-note--${note.status}`}>
                <span className="nb-flag" aria-hidden="true">
                  {glyphOf(note.status)}
                </span>{' '}
                <span className="nb-note-word">{localize(WORD[note.status], locale)}</span>
                {'：'}
                {note.message}
              </li>
            ))}
          </ol>
        </div>
      )}
      {editable && (
        <p className="nb-sr-only" aria-live="polite">
          {announcement}
        </p>
      )}
    </section>
  );
}
