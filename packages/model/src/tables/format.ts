import type { CellValue } from '../types.js';

/**
 * Writes a finite number in plain decimal notation (never an exponent), with the shortest digits that read back
 * as the same number — the digits JSON gave us. `1e-7` → `0.0000001`, `1e21` → `1000000000000000000000`.
 */
function plainDecimal(value: number): string {
  const shortest = String(value);
  const e = shortest.indexOf('e');
  if (e < 0) return shortest;
  const negative = shortest.startsWith('-');
  const mantissa = shortest.slice(negative ? 1 : 0, e);
  const exponent = Number(shortest.slice(e + 1));
  const point = mantissa.indexOf('.');
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  // Position of the decimal point after the first digit, moved by the exponent.
  const intLength = (point < 0 ? mantissa.length : point) + exponent;
  let out: string;
  if (intLength <= 0) out = `0.${'0'.repeat(-intLength)}${digits}`;
  else if (intLength >= digits.length) out = digits + '0'.repeat(intLength - digits.length);
  else out = `${digits.slice(0, intLength)}.${digits.slice(intLength)}`;
  return negative ? `-${out}` : out;
}

/**
 * How every renderer prints a statutory cell: `null` (blank, unknown) is an empty string, never `0`; a count is
 * its integer; an amount (信息处理费, 万元) is printed exactly as given — every digit the report holds, no rounding,
 * no exponent, no thousands separators (the tables are copied into spreadsheets). A value that is not a finite
 * number (which a valid report cannot hold) prints as blank rather than as `NaN`.
 *
 * Counts and amounts print by the same rule, the number's own digits: a count that is (wrongly) fractional or
 * negative is shown as it is, and the checker, not the renderer, reports it.
 */
export function formatCellValue(value: CellValue | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return plainDecimal(value);
}
