/*
 * GB/T 9704-2012 (党政机关公文格式) page geometry in Word's units. Word measures pages in twips (1/20 pt,
 * 1 mm = 1440 / 25.4 twips), font sizes in half-points and table borders in eighths of a point.
 * A4; top margin 37 mm, bottom 35 mm, left 28 mm, right 26 mm: a 156 × 225 mm text block of 22 lines × 28
 * characters; body 三号 (16 pt), title 二号 (22 pt), page numbers 四号 (14 pt).
 */

/** Twips per millimetre. */
export const TWIPS_PER_MM: number = 1440 / 25.4;

/** Millimetres → twips, rounded to Word's integer unit. */
export function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

/** Points → twips. */
export function pt(value: number): number {
  return Math.round(value * 20);
}

/** A4 in twips, portrait. */
export const A4_TWIPS: { readonly width: number; readonly height: number } = { width: 11906, height: 16838 };

/** Page margins in millimetres. */
export interface DocxMargins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** GB/T 9704-2012 margins (mm). */
export const GB9704_MARGINS_MM: DocxMargins = { top: 37, right: 26, bottom: 35, left: 28 };

/** Type sizes in points (中文字号): 二号 22, 三号 16, 四号 14, 五号 10.5. */
export const SIZES: {
  readonly title: number;
  readonly body: number;
  readonly pageNumber: number;
  readonly table: number;
} = { title: 22, body: 16, pageNumber: 14, table: 10.5 };

/** Lines per page and characters per line of the GB/T 9704 text block. */
export const GRID: { readonly lines: number; readonly chars: number } = { lines: 22, chars: 28 };

/** The fixed line pitch of body text, in points (Word's 固定值 28 磅). */
export const BODY_LINE_PT = 28;
