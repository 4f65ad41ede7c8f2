import { describe, expect, it } from 'vitest';
import { closest, editDistance, isBlankMark, numberInText, show, toHalfWidth } from './messages.js';

describe('closest', () => {
  const columns = [
    'naturalPerson',
    'commercial',
    'research',
    'publicInterest',
    'legalService',
    'otherOrg',
    'total',
  ];

  it.each([
    ['recieved', ['received', 'carriedOver', 'results', 'carriedForward'], 'received'],
    ['natural_person', columns, 'naturalPerson'],
    ['Total', columns, 'total'],
    ['comercial', columns, 'commercial'],
    ['para', ['heading', 'paragraph'], 'paragraph'],
  ])('%s → %s', (given, candidates, expected) => {
    expect(closest(given, candidates)).toBe(expected);
  });

  it.each([
    ['xyz', columns],
    ['comment', ['formatVersion', 'meta', 'preamble', 'sections', 't2', 't3', 't4']],
    // Equally close to two keys: no guess.
    ['t5', ['t2', 't3', 't4']],
  ])('suggests nothing for %s', (given, candidates) => {
    expect(closest(given, candidates)).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('recieved', 'received')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('numberInText', () => {
  it.each([
    ['12', { value: 12, fullWidth: false, grouped: false }],
    ['１２', { value: 12, fullWidth: true, grouped: false }],
    ['12件', { value: 12, fullWidth: false, unit: '件', grouped: false }],
    [' 1,234 ', { value: 1234, fullWidth: false, grouped: true }],
    ['3.5万元', { value: 3.5, fullWidth: false, unit: '万元', grouped: false }],
    ['-3', { value: -3, fullWidth: false, grouped: false }],
  ])('%j', (text, expected) => {
    expect(numberInText(text)).toEqual(expected);
  });

  it.each(['abc', '12 34', '', '件'])('finds no number in %j', (text) => {
    expect(numberInText(text)).toBeUndefined();
  });
});

describe('small helpers', () => {
  it('maps full-width digits to ASCII', () => {
    expect(toHalfWidth('２０２２．５')).toBe('2022.5');
  });

  it('knows the blank marks', () => {
    expect(['/', '—', '无', ' - ', ''].every(isBlankMark)).toBe(true);
    expect(isBlankMark('0')).toBe(false);
  });

  it('shows values compactly', () => {
    expect(show('12件').en).toBe('"12件"');
    expect(show([1]).en).toBe('an array');
    expect(show(Number.NaN).en).toBe('NaN');
    expect(show('x'.repeat(100)).en).toHaveLength(40);
  });
});
