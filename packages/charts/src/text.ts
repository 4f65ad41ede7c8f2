import { formatCellValue } from '@nianbao/model/core';

/** What a blank cell reads as in a chart and its text alternative: the report did not fill it in, which is not 0. */
export const BLANK_TEXT = '未填报';

/**
 * The font families of @nianbao/fonts, in fallback order: the SVG names them, and the PNG renderer loads exactly
 * these files, so a PNG looks the same on every machine and an SVG wherever the fonts are installed.
 */
export const CHART_FONT_FAMILY = "'Noto Serif SC', 'Noto Sans SC', 'Noto Sans JP', 'Noto Sans HK', serif";

/** A value as the report prints it (the model's `formatCellValue`), with its unit when it has one. */
export function formatValue(value: number | null, unit?: string): string {
  if (value === null) return BLANK_TEXT;
  const text = formatCellValue(value);
  return unit ? `${text} ${unit}` : text;
}

/** Text for an SVG text node or attribute: the five XML specials escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
