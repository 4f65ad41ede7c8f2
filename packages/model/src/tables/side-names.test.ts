import { describe, expect, it } from 'vitest';
import { statutoryCells } from './cells.js';
import { rowNameOf, sideName } from './side-names.js';

describe('sideName', () => {
  it('names 表三 rows by their statutory ordinals', () => {
    expect(sideName(['t3.received.total', 't3.carriedOver.total'])).toBe('一+二');
    expect(sideName(['t3.results.total.total', 't3.carriedForward.total'])).toBe('（七）+四');
  });

  it('collapses runs of numbered sub-items as the statute writes them', () => {
    const withheld = [
      'stateSecret',
      'prohibitedByLaw',
      'threeSecurities',
      'thirdPartyRights',
      'internalAffairs',
      'processInfo',
      'enforcementFiles',
      'queryMatters',
    ].map((k) => `t3.results.withheld.${k}.naturalPerson`);
    expect(
      sideName([
        't3.results.disclosed.naturalPerson',
        't3.results.partlyDisclosed.naturalPerson',
        ...withheld,
      ]),
    ).toBe('（一）–（三）');
    expect(sideName(withheld.slice(0, 2))).toBe('（三）1+（三）2');
    // Not every row of （四）: no category range.
    expect(
      sideName([
        't3.results.disclosed.naturalPerson',
        ...withheld,
        't3.results.unavailable.notHeld.naturalPerson',
      ]),
    ).toBe('（一）+（三）1–8+（四）1');
  });

  it('names every row of three or more categories as a range', () => {
    const leaves = statutoryCells()
      .filter((c) => c.address.startsWith('t3.results.') && !c.total && c.address.endsWith('.research'))
      .map((c) => c.address);
    expect(leaves).toHaveLength(21);
    expect(sideName(leaves)).toBe('（一）–（六）');
  });

  it('names cells of one row by their column labels', () => {
    expect(
      sideName(['t4.review.upheld', 't4.review.corrected', 't4.review.other', 't4.review.pending']),
    ).toBe('结果维持+结果纠正+其他结果+尚未审结');
    expect(
      sideName([
        't3.received.naturalPerson',
        't3.received.commercial',
        't3.received.research',
        't3.received.publicInterest',
        't3.received.legalService',
        't3.received.otherOrg',
      ]),
    ).toBe('自然人+…+其他');
  });

  it('falls back to the addresses for cells the statute does not have', () => {
    expect(sideName(['t9.nothing'])).toBe('t9.nothing');
  });
});

describe('rowNameOf', () => {
  it('gives a row’s ordinal, under its category for sub-items', () => {
    expect(rowNameOf('t3.results.total.total')).toBe('（七）');
    expect(rowNameOf('t3.results.other.unpaidFee.total')).toBe('（六）2');
    expect(rowNameOf('t2.rules.issued')).toBe('规章');
  });
});
