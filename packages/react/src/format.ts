import { type CellValue, isBlankMark, type LocalizedText, type ValueKind } from '@nianbao/model';
import { UI } from './messages.js';

/** The result of reading what a user typed into a cell. */
export type CellInputResult = { ok: true; value: CellValue } | { ok: false; message: LocalizedText };

// Full-width digits and punctuation as Chinese IMEs produce them: ０-９ (U+FF10–FF19), ．(U+FF0E), ，(U+FF0C).
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\u3000]/g;

function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code === 0xff0e) return '.';
    if (code === 0xff0c) return ',';
    return String.fromCharCode(code - 0xff10 + 0x30);
  });
}

/**
 * Reads a cell entry: full-width digits become ASCII (`１２` → 12), spaces and thousands commas are dropped,
 * an empty entry or a blank mark (`/`, `—`, `无`…, the model's `BLANK_MARKS`) is `null` (blank, distinct from 0). Counts must be non-negative integers, amounts non-negative
 * decimals; anything else is rejected with a message rather than coerced.
 */
export function parseCellInput(text: string, kind: ValueKind): CellInputResult {
  const normal = toHalfWidth(text).replace(/\s+/g, '');
  if (normal === '' || isBlankMark(text)) return { ok: true, value: null };
  // A comma is a thousands separator only between digit groups of three.
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(normal) ? normal.replace(/,/g, '') : normal;
  const pattern = kind === 'amount' ? /^\d+(\.\d+)?$/ : /^\d+$/;
  if (!pattern.test(plain)) return { ok: false, message: kind === 'amount' ? UI.notAnAmount : UI.notACount };
  const value = Number(plain);
  if (!Number.isFinite(value) || (kind === 'count' && !Number.isSafeInteger(value))) {
    return { ok: false, message: kind === 'amount' ? UI.notAnAmount : UI.notACount };
  }
  return { ok: true, value };
}
