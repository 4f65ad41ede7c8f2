import type { Report } from '@nianbao/model';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './chromium.js';
import { editablePage } from './page.js';

const reportIn = (page: Page): Promise<Report> =>
  page.evaluate(() => (window as unknown as { __report: Report }).__report);

const focusedCell = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.closest('td')?.getAttribute('data-cell') ?? null);

describe('data entry in Chromium (hydrated page)', () => {
  let browser: Browser;
  let page: Page;
  const messages: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
    });
    page.on('pageerror', (error) => messages.push(String(error)));
    await page.setContent(await editablePage());
    await page.waitForFunction(() => (window as unknown as { __report?: unknown }).__report !== undefined);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('hydrates the server-rendered page without a warning', () => {
    expect(messages).toEqual([]);
  });

  it('axe finds no violation in the editable tables', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is usable with the keyboard alone: Tab, typing, Enter, arrows, live cross-checks', async () => {
    // Tab from the top of the page to the first 表三 cell.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 40 && (await focusedCell(page)) !== 't3.received.naturalPerson'; i++) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedCell(page)).toBe('t3.received.naturalPerson');

    // Full-width digits as an IME commits them.
    await page.keyboard.insertText('１２');
    expect((await reportIn(page)).t3.received.naturalPerson).toBe(12);
    await page.keyboard.press('Enter');
    expect(await focusedCell(page)).toBe('t3.carriedOver.naturalPerson');
    await page.keyboard.type('3');
    expect((await reportIn(page)).t3.carriedOver.naturalPerson).toBe(3);

    const balance = page.locator('.nb-table--t3 tfoot td').filter({ hasText: '一+二' }).first();
    await expect.poll(() => balance.textContent()).toContain('一+二 = 15');
    expect(await balance.locator('.nb-check--fail').count()).toBe(1);

    // Down to （七）总计 with the arrow keys, and balance the column.
    for (let i = 0; i < 22; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedCell(page)).toBe('t3.results.total.naturalPerson');
    await page.keyboard.type('15');
    await expect.poll(() => balance.locator('.nb-check--pass').count()).toBe(1);

    // Right at the end of the text moves to the next column; Tab too.
    await page.keyboard.press('ArrowRight');
    expect(await focusedCell(page)).toBe('t3.results.total.commercial');
    await page.keyboard.press('Tab');
    expect(await focusedCell(page)).toBe('t3.results.total.research');

    // A non-number is refused with a message the input is described by; the number stays as it was.
    await page.keyboard.type('x');
    const input = page.locator('[data-cell="t3.results.total.research"] input');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    const texts = await page.evaluate(
      (ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? ''),
      describedBy,
    );
    expect(texts.join(' ')).toContain('请输入非负整数');
    expect((await reportIn(page)).t3.results.total.research).toBe(0);
    // Emptied, the cell is blank (null, not 0) and the message goes.
    await page.keyboard.press('Backspace');
    expect((await reportIn(page)).t3.results.total.research).toBeNull();
    expect(await page.locator('[data-cell="t3.results.total.research"] .nb-input-error').count()).toBe(0);
  });

  it('fills a row pasted from a spreadsheet and shows computed totals', async () => {
    await page.locator('[data-cell="t3.received.naturalPerson"] input').focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '1\t2\t3\t4\t5\t6\t\r\n');
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    const report = await reportIn(page);
    expect(report.t3.received).toEqual({
      naturalPerson: 1,
      commercial: 2,
      research: 3,
      publicInterest: 4,
      legalService: 5,
      otherOrg: 6,
      total: null,
    });
    // The blank total shows the sum the model derives for it.
    await expect
      .poll(() => page.locator('[data-cell="t3.received.total"] .nb-derived').textContent())
      .toContain('21');
  });

  it('computes totals from the blank template as leaves are typed; an override says so and goes back', async () => {
    const cell = (address: string) => page.locator(`[data-cell="${address}"]`);
    await cell('t4.review.upheld').locator('input').fill('3');
    await cell('t4.review.corrected').locator('input').fill('4');
    // The template's 总计 0 followed its parts: no stale 0, nothing red.
    await expect.poll(() => cell('t4.review.total').locator('input').inputValue()).toBe('7');
    expect((await reportIn(page)).t4.review.total).toBe(7);
    expect(await cell('t4.review.total').getAttribute('class')).not.toContain('nb-data--fail');

    // Entered by hand, the total says what it is in visible text and offers the computed value.
    await cell('t4.review.total').locator('input').fill('9');
    const note = cell('t4.review.total').locator('.nb-derived--overridden');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('已手动填写，计算值为 7');
    expect(await note.textContent()).not.toContain('✎');
    const button = cell('t4.review.total').getByRole('button', { name: /改用计算值/ });
    expect(await button.isVisible()).toBe(true);
    // Leaves typed now leave the override alone.
    await cell('t4.review.other').locator('input').fill('1');
    await expect.poll(() => note.textContent()).toContain('计算值为 8');
    expect((await reportIn(page)).t4.review.total).toBe(9);
    expect(await axeViolations(page)).toEqual([]);

    await button.click();
    await expect.poll(async () => (await reportIn(page)).t4.review.total).toBe(8);
    expect(await cell('t4.review.total').locator('input').inputValue()).toBe('8');
    expect(await note.count()).toBe(0);
    expect(await focusedCell(page)).toBe('t4.review.total');
  });
});
