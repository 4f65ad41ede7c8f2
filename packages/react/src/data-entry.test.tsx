// @vitest-environment jsdom
import {
  type CellAddress,
  type CellValue,
  type Report,
  readCell,
  statutoryLayout,
  writeCell,
} from '@nianbao/model';
import { blankReport } from '@nianbao/model/fixtures';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CellChange, StatutoryTable } from './statutory-table.js';
import { ApplicationsTable } from './tables.js';

afterEach(cleanup);

const t4Layout = statutoryLayout('t4');

function Harness(props: {
  initial: Report;
  onChange?: (address: CellAddress, value: CellValue) => void;
  onReport?: (report: Report) => void;
  many?: boolean;
}) {
  const [report, setReport] = useState(props.initial);
  const update = (next: (r: Report) => Report) =>
    setReport((r) => {
      const out = next(r);
      props.onReport?.(out);
      return out;
    });
  return (
    <ApplicationsTable
      t3={report.t3}
      editable
      onChange={(address, value) => {
        props.onChange?.(address, value);
        update((r) => writeCell(r, address, value));
      }}
      {...(props.many
        ? {
            onChangeMany: (changes: readonly CellChange[]) =>
              update((r) => changes.reduce((acc, c) => writeCell(acc, c.address, c.value), r)),
          }
        : {})}
    />
  );
}

const input = (address: string): HTMLInputElement => {
  const el = document.querySelector(`[data-cell="${address}"] input`);
  if (!(el instanceof HTMLInputElement)) throw new Error(`no input for ${address}`);
  return el;
};

describe('data entry', () => {
  it('makes every data cell an input named by its statutory labels', () => {
    render(<Harness initial={blankReport()} />);
    expect(document.querySelectorAll('td[data-cell] input')).toHaveLength(175);
    expect(screen.getByRole('textbox', { name: /1\.属于国家秘密 · 申请人情况 › 自然人/ })).toBe(
      input('t3.results.withheld.stateSecret.naturalPerson'),
    );
  });

  it('accepts full-width digits and reports the number', () => {
    const onChange = vi.fn();
    render(<Harness initial={blankReport()} onChange={onChange} />);
    fireEvent.change(input('t3.received.naturalPerson'), { target: { value: '１２' } });
    expect(onChange).toHaveBeenLastCalledWith('t3.received.naturalPerson', 12);
    // What the user typed stays as typed: no keystroke is rewritten under the caret.
    expect(input('t3.received.naturalPerson').value).toBe('１２');
  });

  it('rejects a non-number with an inline message and keeps the text', () => {
    const onChange = vi.fn();
    render(<Harness initial={blankReport()} onChange={onChange} />);
    const el = input('t3.received.commercial');
    fireEvent.change(el, { target: { value: '12件' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(el.value).toBe('12件');
    expect(el.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(el.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '');
    expect(message?.textContent).toContain('请输入非负整数');
    fireEvent.change(el, { target: { value: '12' } });
    expect(onChange).toHaveBeenLastCalledWith('t3.received.commercial', 12);
    expect(el.hasAttribute('aria-invalid')).toBe(false);
  });

  it('turns an emptied cell into null, not 0', () => {
    const onChange = vi.fn();
    render(<Harness initial={blankReport()} onChange={onChange} />);
    const el = input('t3.received.research');
    expect(el.value).toBe('0');
    fireEvent.change(el, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith('t3.received.research', null);
  });

  it('waits for IME composition to end before reading the entry', () => {
    const onChange = vi.fn();
    render(<Harness initial={blankReport()} onChange={onChange} />);
    const el = input('t3.received.naturalPerson');
    fireEvent.compositionStart(el);
    fireEvent.change(el, { target: { value: '１' } });
    fireEvent.change(el, { target: { value: '１ｓ' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(el.value).toBe('１ｓ');
    fireEvent.change(el, { target: { value: '１５' } });
    fireEvent.compositionEnd(el);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith('t3.received.naturalPerson', 15);
  });

  it('moves with arrows and Enter like a spreadsheet, and leaves the caret alone mid-text', () => {
    render(<Harness initial={blankReport()} />);
    const start = input('t3.received.commercial');
    start.focus();
    fireEvent.keyDown(start, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(input('t3.carriedOver.commercial'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(document.activeElement).toBe(input('t3.results.disclosed.commercial'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter', shiftKey: true });
    expect(document.activeElement).toBe(input('t3.carriedOver.commercial'));
    const here = input('t3.carriedOver.commercial');
    fireEvent.change(here, { target: { value: '123' } });
    here.setSelectionRange(1, 1);
    fireEvent.keyDown(here, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(here);
    here.setSelectionRange(3, 3);
    fireEvent.keyDown(here, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(input('t3.carriedOver.research'));
    const next = input('t3.carriedOver.research');
    next.setSelectionRange(0, 0);
    fireEvent.keyDown(next, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(here);
  });

  it('fills a row of seven pasted from Excel, starting at the focused cell', () => {
    let last: Report | undefined;
    render(<Harness initial={blankReport()} onReport={(r) => (last = r)} />);
    fireEvent.paste(input('t3.received.naturalPerson'), {
      clipboardData: { getData: () => '１\t2\t3\t\t5\t6\t17\r\n' },
    });
    expect(last?.t3.received).toEqual({
      naturalPerson: 1,
      commercial: 2,
      research: 3,
      publicInterest: null,
      legalService: 5,
      otherOrg: 6,
      total: 17,
    });
    expect(input('t3.received.total').value).toBe('17');
    expect(input('t3.received.publicInterest').value).toBe('');
    expect(document.querySelector('[aria-live]')?.textContent).toContain('已粘贴 7 个单元格');
  });

  it('fills a rectangle in one update with onChangeMany and skips non-numbers', () => {
    const onReport = vi.fn();
    render(<Harness initial={blankReport()} onReport={onReport} many />);
    fireEvent.paste(input('t3.results.disclosed.naturalPerson'), {
      clipboardData: { getData: () => '4\t5\nx\t7\n' },
    });
    expect(onReport).toHaveBeenCalledTimes(1);
    const report = onReport.mock.calls[0]?.[0] as Report;
    expect(readCell(report, 't3.results.disclosed.naturalPerson')).toBe(4);
    expect(readCell(report, 't3.results.disclosed.commercial')).toBe(5);
    expect(readCell(report, 't3.results.partlyDisclosed.naturalPerson')).toBe(0);
    expect(readCell(report, 't3.results.partlyDisclosed.commercial')).toBe(7);
    expect(document.querySelector('[aria-live]')?.textContent).toContain('1 个不是数字');
  });

  it('lets a single value paste through to the input', () => {
    const onChange = vi.fn();
    render(<Harness initial={blankReport()} onChange={onChange} />);
    const event = fireEvent.paste(input('t3.received.naturalPerson'), {
      clipboardData: { getData: () => '42' },
    });
    expect(event).toBe(true); // not prevented: the browser inserts the text and onChange follows
    expect(onChange).not.toHaveBeenCalled();
  });

  it('shows a total cell’s computed value and whether the user overrode it', () => {
    const layoutValues = { t4: blankReport().t4 };
    const derived = (address: string) => (address === 't4.review.total' ? 9 : null);
    const { rerender } = render(
      <StatutoryTable
        layout={t4Layout}
        values={{
          ...layoutValues,
          t4: { ...layoutValues.t4, review: { ...layoutValues.t4.review, total: null } },
        }}
        derived={derived}
        editable
      />,
    );
    const note = () => document.querySelector('[data-cell="t4.review.total"] .nb-derived');
    expect(note()?.textContent).toContain('自动计算');
    expect(note()?.textContent).toContain('9');
    rerender(
      <StatutoryTable
        layout={t4Layout}
        values={{
          ...layoutValues,
          t4: { ...layoutValues.t4, review: { ...layoutValues.t4.review, total: 8 } },
        }}
        derived={derived}
        editable
      />,
    );
    expect(note()?.textContent).toContain('已手动填写');
    expect(input('t4.review.total').getAttribute('aria-describedby')).toContain(note()?.id);
    // A cell that is not a total has no computed value.
    expect(document.querySelector('[data-cell="t4.review.upheld"] .nb-derived')).toBeNull();
  });

  it('takes a new value from outside into a cell the user is not editing', () => {
    const layoutValues = blankReport();
    const { rerender } = render(<StatutoryTable layout={t4Layout} values={layoutValues} editable />);
    expect(input('t4.review.upheld').value).toBe('0');
    act(() => {
      rerender(
        <StatutoryTable layout={t4Layout} values={writeCell(layoutValues, 't4.review.upheld', 3)} editable />,
      );
    });
    expect(input('t4.review.upheld').value).toBe('3');
  });
});
