import { describe, expect, it } from 'vitest';
import { formatCellValue } from './table.js';

describe('formatCellValue', () => {
  it('prints blank for null, integers as is, amounts without exponent, grouping or trailing zeros', () => {
    expect(formatCellValue(null)).toBe('');
    expect(formatCellValue(undefined)).toBe('');
    expect(formatCellValue(0)).toBe('0');
    expect(formatCellValue(123456)).toBe('123456');
    expect(formatCellValue(12.5)).toBe('12.5');
    expect(formatCellValue(0.0001)).toBe('0.0001');
    expect(formatCellValue(1e-7)).toBe('0');
    expect(formatCellValue(12.34567)).toBe('12.3457');
  });
});
