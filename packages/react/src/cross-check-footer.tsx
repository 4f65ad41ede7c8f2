import type { CrossCheckItem, CrossCheckRow, Evaluation, TableLayout } from '@nianbao/model';
import type { ReactElement, ReactNode } from 'react';
import { cachedCrossCheckRows, cellDomId, footerCellId } from './findings-index.js';
import { type Locale, localize, SEVERITY_GLYPH, UI } from './messages.js';

/** Props of `<CrossCheckFooter>`. */
export interface CrossCheckFooterProps {
  /** The table's layout (the same object the table draws). */
  layout: TableLayout;
  /** Every evaluation of the report (`evaluateReport`), passes included; rules of other tables are ignored. */
  evaluations: readonly Evaluation[];
  /** Prefix of every DOM id, to keep several tables on one page apart. @default 'nb-' */
  idPrefix?: string;
  /** Language of the interface text (statute labels stay Chinese). @default 'zh' */
  locale?: Locale;
}

function Status({
  status,
  severity,
  locale,
}: {
  status: Evaluation['status'];
  severity: Evaluation['severity'];
  locale: Locale;
}): ReactElement {
  const word = status === 'pass' ? UI.pass : status === 'fail' ? UI.fail : UI.uncertain;
  // A failure shows its rule's severity glyph (✗ error, ⚠ warning, ℹ info), as the cells and findings do.
  const mark =
    status === 'pass' ? '✓' : status === 'fail' ? SEVERITY_GLYPH[severity] : SEVERITY_GLYPH.uncertain;
  return (
    <>
      <span className="nb-mark" aria-hidden="true">
        {mark}
      </span>
      {status === 'uncertain' ? (
        <span className="nb-uncertain">{localize(word, locale)}</span>
      ) : (
        <span className="nb-sr-only">{localize(word, locale)}</span>
      )}
    </>
  );
}

function Item({ item, locale }: { item: CrossCheckItem; locale: Locale }): ReactElement {
  return (
    <span className={`nb-check nb-check--${item.evaluation.status}`}>
      {item.text}{' '}
      <Status status={item.evaluation.status} severity={item.evaluation.severity} locale={locale} />
    </span>
  );
}

function cellsOf(
  row: CrossCheckRow,
  layout: TableLayout,
  idPrefix: string,
  headerId: string,
  locale: Locale,
) {
  const out: ReactNode[] = [];
  let col = layout.labelColumns;
  row.cells.forEach((cell, index) => {
    // Columns a check does not reach get an empty cell, so the footer tiles the grid like the body.
    if (cell.col > col) out.push(<td key={`gap-${col}`} colSpan={cell.col - col} headers={headerId} />);
    const failing = cell.items.some((item) => item.evaluation.status !== 'pass');
    out.push(
      <td
        key={`c-${cell.col}`}
        id={footerCellId(idPrefix, layout, row.rule.id, index)}
        colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
        headers={headerId}
        className={failing ? 'nb-check-cell nb-check-cell--problem' : 'nb-check-cell'}
      >
        {row.mode === 'columns' ? (
          cell.items.map((item) => <Item key={item.evaluation.cells.join()} item={item} locale={locale} />)
        ) : (
          <>
            <span className="nb-check-summary">
              {row.passed}/{row.total} {localize(UI.rowsPassed, locale)}
            </span>
            {cell.items.length > 0 && (
              <ul className="nb-check-list">
                {cell.items.map((item) => {
                  const first = item.evaluation.cells.find((a) => layout.cellsByAddress.has(a));
                  const target = first ? layout.cellsByAddress.get(first) : undefined;
                  return (
                    <li key={item.evaluation.cells.join()}>
                      {target ? <a href={`#${cellDomId(idPrefix, target.id)}`}>{item.row}</a> : item.row}
                      {'：'}
                      <Item item={item} locale={locale} />
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </td>,
    );
    col = cell.col + cell.colSpan;
  });
  if (col < layout.columnCount) {
    out.push(<td key={`gap-${col}`} colSpan={layout.columnCount - col} headers={headerId} />);
  }
  return out;
}

/**
 * The cross-check rows under a table (put them in its `<tfoot>`; `<StatutoryTable evaluations>` does): one row per
 * arithmetic rule of the table, each check under the columns it adds up, ✓ / ✗ / ？ with the two sides.
 * The status is a glyph and a word, never colour alone.
 */
export function CrossCheckFooter({
  layout,
  evaluations,
  idPrefix = 'nb-',
  locale = 'zh',
}: CrossCheckFooterProps): ReactElement | null {
  const rows = cachedCrossCheckRows(layout, evaluations);
  if (rows.length === 0) return null;
  return (
    <>
      {rows.map((row) => {
        const headerId = `${idPrefix}${layout.id}-check-${row.rule.id}`;
        const title = localize(row.rule.title, locale);
        if (layout.labelColumns > 0) {
          return (
            <tr key={row.rule.id} className="nb-check-row">
              <th scope="row" id={headerId} colSpan={layout.labelColumns} className="nb-check-title">
                {title}
              </th>
              {cellsOf(row, layout, idPrefix, headerId, locale)}
            </tr>
          );
        }
        // A table without row labels (表四) gets the rule's title on a row of its own.
        return [
          <tr key={`${row.rule.id}-title`} className="nb-check-row">
            <th id={headerId} colSpan={layout.columnCount} className="nb-check-title">
              {title}
            </th>
          </tr>,
          <tr key={row.rule.id} className="nb-check-row">
            {cellsOf(row, layout, idPrefix, headerId, locale)}
          </tr>,
        ];
      })}
    </>
  );
}
