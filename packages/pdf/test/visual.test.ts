import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedReport } from '@nianbao/model/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../src/index.js';
import { decodeGrayPng, encodeGrayPng, imageDifference } from '../src/test-support/png.js';
import { pdfPngs } from '../src/test-support/poppler.js';

/*
 * Pages of the seed PDF rasterised at 50 dpi (pdftoppm, grayscale) against reference images that a person looked
 * at before they were committed. Tolerant of anti-aliasing: a pixel counts only when its gray level moved by more
 * than 96 of 255, and up to 0.3 % of pixels may. A moved line, a lost row or a changed glyph is far more.
 * Refresh after an intended change with UPDATE_REFERENCES=1, then look at every image again.
 */

const DPI = 50;
const PAGES = [1, 3, 4, 5, 6];
const reference = (page: number): string =>
  fileURLToPath(new URL(`./reference/seed-p${page}.png`, import.meta.url));

describe('seed PDF pages look like the references', () => {
  let pngs: Uint8Array[];
  beforeAll(async () => {
    pngs = pdfPngs(await renderReportPdf(seedReport), DPI, PAGES);
  }, 60_000);

  for (const [i, page] of PAGES.entries()) {
    it(`page ${page}`, () => {
      const png = pngs[i] as Uint8Array;
      if (process.env.UPDATE_REFERENCES) writeFileSync(reference(page), encodeGrayPng(decodeGrayPng(png)));
      expect(existsSync(reference(page)), `missing ${reference(page)}`).toBe(true);
      const diff = imageDifference(
        decodeGrayPng(png),
        decodeGrayPng(new Uint8Array(readFileSync(reference(page)))),
      );
      expect(diff).toBeLessThan(0.003);
    });
  }

  it('a different report does not pass as the seed (the comparison can fail)', async () => {
    const other = structuredClone(seedReport);
    other.meta = { ...other.meta, title: '另一个机关2022年政府信息公开工作年度报告' };
    const [png] = pdfPngs(await renderReportPdf(other), DPI, [1]);
    const diff = imageDifference(
      decodeGrayPng(png as Uint8Array),
      decodeGrayPng(new Uint8Array(readFileSync(reference(1)))),
    );
    expect(diff).toBeGreaterThan(0.003);
  }, 60_000);
});
