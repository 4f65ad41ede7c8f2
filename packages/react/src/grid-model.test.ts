import { statutoryLayout } from '@nianbao/model';
import { describe, expect, it } from 'vitest';
import { gridModel, parseClipboardBlock, pasteTargets } from './grid-model.js';

describe('gridModel', () => {
  it('is computed once per layout object', () => {
    expect(gridModel(statutoryLayout('t3'))).toBe(gridModel(statutoryLayout('t3')));
  });

  it('moves like a spreadsheet in 表三', () => {
    const { neighbours } = gridModel(statutoryLayout('t3'));
    expect(neighbours.get('t3.received.naturalPerson')).toEqual({
      down: 't3.carriedOver.naturalPerson',
      right: 't3.received.commercial',
    });
    expect(neighbours.get('t3.results.withheld.queryMatters.total')).toEqual({
      up: 't3.results.withheld.enforcementFiles.total',
      down: 't3.results.unavailable.notHeld.total',
      left: 't3.results.withheld.queryMatters.otherOrg',
    });
  });

  it('moves between 表二 blocks across the spanned value cells', () => {
    const { neighbours } = gridModel(statutoryLayout('t2'));
    expect(neighbours.get('t2.normativeDocs.repealed')?.down).toBe('t2.licensing.decisions');
    expect(neighbours.get('t2.licensing.decisions')?.up).toBe('t2.normativeDocs.issued');
    expect(neighbours.get('t2.coercion.decisions')?.down).toBe('t2.fees.amount');
  });

  it('sums up the column widths of both colgroups to the whole grid', () => {
    const layout = statutoryLayout('t3');
    const model = gridModel(layout);
    expect(model.labelWidths).toHaveLength(3);
    expect(model.dataWidths).toHaveLength(7);
  });
});

describe('paste', () => {
  it('reads an Excel/WPS block with CRLF and a trailing newline', () => {
    expect(parseClipboardBlock('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('fills a row of seven from the focused cell', () => {
    const targets = pasteTargets(gridModel(statutoryLayout('t3')), 't3.received.naturalPerson', [
      ['1', '2', '3', '4', '5', '6', '21'],
    ]);
    expect(targets.map((t) => t.address)).toEqual([
      't3.received.naturalPerson',
      't3.received.commercial',
      't3.received.research',
      't3.received.publicInterest',
      't3.received.legalService',
      't3.received.otherOrg',
      't3.received.total',
    ]);
  });

  it('fills a rectangle and drops what falls off the table', () => {
    const targets = pasteTargets(gridModel(statutoryLayout('t3')), 't3.results.total.otherOrg', [
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
    ]);
    expect(targets).toEqual([
      { address: 't3.results.total.otherOrg', text: '1' },
      { address: 't3.results.total.total', text: '2' },
      { address: 't3.carriedForward.otherOrg', text: '4' },
      { address: 't3.carriedForward.total', text: '5' },
    ]);
  });
});
