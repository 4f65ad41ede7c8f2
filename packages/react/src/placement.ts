import type { CellAddress } from '@nianbao/model';

/*
 * Proof by position: reads a rendered statutory table back from the page's boxes, not from its markup. A data
 * cell is in the right place when its box (and the box of the number it shows) lies under every column header
 * it names in `headers` (x-range) and inside the row band of every row header it names (y-range), and when no
 * other element (a sticky label, a neighbour's overflow) covers the number where it is drawn. Self-contained
 * DOM code with no imports at run time, so tests can inject it into any page.
 */

/** One data cell as the browser laid it out. */
export interface CellPlacement {
  /** The cell's address (`data-cell`). */
  readonly address: CellAddress;
  /** The number as shown: the text of its `.nb-value`, or an input's value in data entry. */
  readonly text: string;
  /** What is wrong with its position, in words; empty when the cell is where its headers say. */
  readonly problems: readonly string[];
}

/** Slack for sub-pixel rounding of table layout, in CSS pixels. */
const SLACK = 1.5;

function within(inner: DOMRect, outer: DOMRect, axis: 'x' | 'y'): boolean {
  return axis === 'x'
    ? inner.left >= outer.left - SLACK && inner.right <= outer.right + SLACK
    : inner.top >= outer.top - SLACK && inner.bottom <= outer.bottom + SLACK;
}

function span(rect: DOMRect, axis: 'x' | 'y'): string {
  return axis === 'x'
    ? `x ${rect.left.toFixed(1)}–${rect.right.toFixed(1)}`
    : `y ${rect.top.toFixed(1)}–${rect.bottom.toFixed(1)}`;
}

/** The box of an element's text (its laid-out glyphs), or undefined when it shows none. */
function textBox(element: Element): DOMRect | undefined {
  if (!(element.textContent ?? '').trim()) return undefined;
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  const rect = range.getBoundingClientRect();
  return rect.width > 0 || rect.height > 0 ? rect : undefined;
}

/** The part of the viewport a scrolling ancestor lets the user see. */
function visibleArea(cell: Element): DOMRect {
  const view = cell.ownerDocument.defaultView;
  let left = 0;
  let top = 0;
  let right = view?.innerWidth ?? Number.POSITIVE_INFINITY;
  let bottom = view?.innerHeight ?? Number.POSITIVE_INFINITY;
  for (let el = cell.parentElement; el; el = el.parentElement) {
    const style = view?.getComputedStyle(el);
    if (style && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) {
      const r = el.getBoundingClientRect();
      left = Math.max(left, r.left + el.clientLeft);
      top = Math.max(top, r.top + el.clientTop);
      right = Math.min(right, r.left + el.clientLeft + el.clientWidth);
      bottom = Math.min(bottom, r.top + el.clientTop + el.clientHeight);
    }
  }
  return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
}

/**
 * Every data cell (`[data-cell]`) under `root`, with what it shows and whether it lies under its column headers
 * and in its row headers' bands, and is not covered where its number is drawn. Call it in a browser after
 * layout; a test asserts `problems` is empty for every cell and `text` is `formatCellValue(readCell(report,
 * address))`. Portals that restyle the tables can run it too.
 */
export function cellPlacement(root: ParentNode): CellPlacement[] {
  const out: CellPlacement[] = [];
  for (const cell of Array.from(root.querySelectorAll<HTMLElement>('td[data-cell]'))) {
    const address = cell.getAttribute('data-cell') as CellAddress;
    const problems: string[] = [];
    const doc = cell.ownerDocument;
    const box = cell.getBoundingClientRect();
    const input = cell.querySelector('input');
    const value = cell.querySelector('.nb-value');
    const text = input ? input.value : (value?.textContent ?? '');
    if (!input && !value) problems.push('shows no .nb-value');
    const shown = input ? input.getBoundingClientRect() : value ? textBox(value) : undefined;
    if (shown && !(within(shown, box, 'x') && within(shown, box, 'y'))) {
      problems.push(`its number (${span(shown, 'x')}, ${span(shown, 'y')}) sticks out of the cell`);
    }
    let columns = 0;
    for (const id of (cell.getAttribute('headers') ?? '').split(/\s+/).filter(Boolean)) {
      const header = doc.getElementById(id);
      if (!header) {
        problems.push(`names header #${id}, which is not on the page`);
        continue;
      }
      const scope = header.getAttribute('scope');
      const axis =
        scope === 'col' || scope === 'colgroup'
          ? 'x'
          : scope === 'row' || scope === 'rowgroup'
            ? 'y'
            : undefined;
      if (!axis) continue;
      const band = header.getBoundingClientRect();
      const label = `${(header.textContent ?? '').trim().slice(0, 20)}`;
      if (header.classList.contains('nb-title')) {
        // A block title (表二's 第二十条第（一）项) heads the rows below it in its own row group.
        if (header.closest('tbody') !== cell.closest('tbody') || box.top < band.bottom - SLACK) {
          problems.push(
            `cell ${span(box, 'y')} is not below its block title 「${label}」 ${span(band, 'y')}`,
          );
        }
        continue;
      }
      if (axis === 'x') columns += 1;
      if (!within(box, band, axis)) {
        problems.push(`cell ${span(box, axis)} is not within header 「${label}」 ${span(band, axis)}`);
      }
      if (shown && !within(shown, band, axis)) {
        problems.push(
          `its number ${span(shown, axis)} is not within header 「${label}」 ${span(band, axis)}`,
        );
      }
    }
    if (columns === 0) problems.push('has no column header');
    // Covered? Probe the middle of the number where the user can see it (inside every scrolling ancestor).
    if (shown) {
      const area = visibleArea(cell);
      const x = shown.left + shown.width / 2;
      const y = shown.top + shown.height / 2;
      if (x > area.left && x < area.right && y > area.top && y < area.bottom) {
        const hit = doc.elementFromPoint(x, y);
        if (hit && !cell.contains(hit)) {
          const by = hit.closest('th, td') ?? hit;
          problems.push(`its number is covered by 「${(by.textContent ?? '').trim().slice(0, 20)}」`);
        }
      }
    }
    out.push({ address, text, problems });
  }
  return out;
}
