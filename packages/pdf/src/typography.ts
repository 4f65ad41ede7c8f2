/*
 * GB/T 9704-2012 (党政机关公文格式) page geometry and type sizes, in PDF points (1 mm = 72 / 25.4 pt).
 * A4; top margin 37 mm, left 28 mm, text block 156 × 225 mm, so right ≈ 26 mm and bottom ≈ 35 mm;
 * 22 lines of 28 characters: body 16 pt (三号) on a 28.95 pt pitch, title 22 pt (二号).
 */

/** Points per millimetre. */
export const MM: number = 72 / 25.4;

/** A4 in points, portrait. */
export const A4: { readonly width: number; readonly height: number } = {
  width: 210 * MM,
  height: 297 * MM,
};

/** Page margins in millimetres. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** GB/T 9704-2012 margins (mm): the 156 × 225 mm text block. */
export const GB9704_MARGINS: Readonly<Margins> = { top: 37, right: 26, bottom: 35, left: 28 };

/** Margins (mm) of landscape table pages: the portrait block turned a quarter, binding edge kept on the left. */
export const LANDSCAPE_MARGINS: Readonly<Margins> = { top: 28, right: 35, bottom: 26, left: 37 };

/** Type sizes (pt) and line pitch. */
export const TYPE: {
  readonly title: number;
  readonly body: number;
  readonly pitch: number;
  readonly table: number;
  readonly pageNumber: number;
} = {
  title: 22,
  body: 16,
  /** 28.95 pt: 225 mm / 22 lines. */
  pitch: (225 * MM) / 22,
  table: 10.5,
  pageNumber: 14,
};
