import { BLANK_MARKS, formatCellValue } from '@nianbao/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellInput } from './format.js';

describe('parseCellInput', () => {
  it('reads full-width digits as numbers', () => {
    expect(parseCellInput('１２', 'count')).toEqual({ ok: true, value: 12 });
    expect(parseCellInput('１２．５', 'amount')).toEqual({ ok: true, value: 12.5 });
    expect(parseCellInput('　３　', 'count')).toEqual({ ok: true, value: 3 });
  });

  it('keeps blank distinct from zero', () => {
    expect(parseCellInput('', 'count')).toEqual({ ok: true, value: null });
    expect(parseCellInput('  ', 'count')).toEqual({ ok: true, value: null });
    expect(parseCellInput('0', 'count')).toEqual({ ok: true, value: 0 });
  });

  it('reads every blank mark of the model as blank', () => {
    for (const mark of BLANK_MARKS) expect(parseCellInput(mark, 'amount')).toEqual({ ok: true, value: null });
    expect(parseCellInput('无', 'count')).toEqual({ ok: true, value: null });
  });

  it('drops thousands separators only where they group three digits', () => {
    expect(parseCellInput('1,234', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseCellInput('１，２３４', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseCellInput('12,34', 'count').ok).toBe(false);
  });

  it('rejects what is not a non-negative number of the cell’s kind, with a bilingual message', () => {
    for (const text of ['12件', '-1', 'abc', '1.5', '1e3', '/1', '—2']) {
      const read = parseCellInput(text, 'count');
      expect(read.ok, text).toBe(false);
      if (!read.ok) expect(read.message.zh).toContain('非负整数');
    }
    expect(parseCellInput('1.5', 'amount')).toEqual({ ok: true, value: 1.5 });
    expect(parseCellInput('1.5.2', 'amount').ok).toBe(false);
  });

  it('reads back every count it formats', () => {
    fc.assert(
      fc.property(fc.option(fc.nat(), { nil: null }), (value) => {
        expect(parseCellInput(formatCellValue(value), 'count')).toEqual({ ok: true, value });
      }),
    );
  });

  it('reads a count typed in full-width digits as the same count', () => {
    fc.assert(
      fc.property(fc.nat(), (value) => {
        const wide = String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
        expect(parseCellInput(wide, 'count')).toEqual({ ok: true, value });
      }),
    );
  });
});
