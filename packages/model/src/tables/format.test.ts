import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCellValue } from './format.js';

describe('formatCellValue', () => {
  it('prints blank as empty, never 0', () => {
    expect(formatCellValue(null)).toBe('');
    expect(formatCellValue(undefined)).toBe('');
    expect(formatCellValue(Number.NaN)).toBe('');
    expect(formatCellValue(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('prints counts as integers and amounts with every digit given', () => {
    expect(formatCellValue(0)).toBe('0');
    expect(formatCellValue(123456)).toBe('123456');
    expect(formatCellValue(24252.311082)).toBe('24252.311082');
    expect(formatCellValue(12.34567)).toBe('12.34567');
    expect(formatCellValue(-1256.34)).toBe('-1256.34');
  });

  it('never prints an exponent', () => {
    expect(formatCellValue(1e-7)).toBe('0.0000001');
    expect(formatCellValue(1.25e-7)).toBe('0.000000125');
    expect(formatCellValue(-3e-9)).toBe('-0.000000003');
    expect(formatCellValue(1e21)).toBe('1000000000000000000000');
    expect(formatCellValue(1.5e22)).toBe('15000000000000000000000');
  });

  it('reads back as the same number, in plain decimal notation', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = formatCellValue(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
