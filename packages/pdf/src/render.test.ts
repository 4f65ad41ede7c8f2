import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedReport } from '@nianbao/model/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf, renderReportPdfToFile } from './index.js';

const latin1 = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);

/** Decodes a PDF literal string `( … )` (escapes, then UTF-16BE after a BOM, else PDFDocEncoding ≈ latin1). */
function decodePdfString(literal: string): string {
  const body = literal.slice(1, -1);
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch !== '\\') {
      bytes.push(ch.charCodeAt(0));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0];
    if (octal) {
      bytes.push(Number.parseInt(octal, 8));
      i += octal.length;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(new Uint8Array(bytes.slice(2)));
  return String.fromCharCode(...bytes);
}

describe('renderReportPdf (seed)', () => {
  let pdf: string;
  let size: number;
  beforeAll(async () => {
    const bytes = await renderReportPdf(seedReport, { creationDate: new Date('2023-01-20T00:00:00Z') });
    size = bytes.length;
    pdf = latin1(bytes);
  }, 60_000);

  it('is a PDF under 150 KB', () => {
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(size).toBeLessThan(150 * 1024);
  });

  it('embeds every font, each as a subset (six-letter tag), and only the three default files', () => {
    const names = [...pdf.matchAll(/\/BaseFont \/([^\s/]+)/g)].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+/);
    expect(new Set(names.map((n) => n.slice(7)))).toEqual(
      new Set(['NotoSerifSC-Regular', 'NotoSerifSC-Bold', 'NotoSansSC-Bold']),
    );
    const descriptors = pdf.match(/\/Type \/FontDescriptor/g)?.length ?? 0;
    const files = pdf.match(/\/FontFile2 \d+ 0 R/g)?.length ?? 0;
    expect(files).toBe(descriptors);
  });

  /** An Info entry, following the indirect reference pdfkit writes. */
  function info(key: string): string | undefined {
    const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(pdf)?.[1];
    if (!ref) return undefined;
    return new RegExp(`\\n${ref} 0 obj\\n(.*?)\\nendobj`, 's').exec(pdf)?.[1];
  }

  it('carries the metadata: title, author (the agency), subject, keywords, creation date, language zh-CN', () => {
    expect(decodePdfString(info('Title') ?? '()')).toBe('平罗县头闸镇 2022 年政府信息公开工作年度报告');
    expect(decodePdfString(info('Author') ?? '()')).toBe('平罗县头闸镇人民政府');
    expect(decodePdfString(info('Subject') ?? '()')).toBe('政府信息公开工作年度报告');
    expect(decodePdfString(info('Keywords') ?? '()')).toBe(
      '政府信息公开, 年度报告, 2022, 平罗县头闸镇人民政府',
    );
    expect(decodePdfString(info('CreationDate') ?? '()')).toBe('D:20230120000000Z');
    expect(pdf).toContain('/Lang (zh-CN)');
  });

  it('puts every page on A4', () => {
    const boxes = [...pdf.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) =>
      m[1]?.trim().split(/\s+/).map(Number),
    );
    expect(boxes.length).toBeGreaterThan(3);
    for (const box of boxes) {
      expect(box?.[2]).toBeCloseTo(595.28, 1);
      expect(box?.[3]).toBeCloseTo(841.89, 1);
    }
  });

  it('turns the table pages when asked (landscapeTables)', async () => {
    const landscape = latin1(await renderReportPdf(seedReport, { landscapeTables: true }));
    const boxes = [...landscape.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) =>
      m[1]?.trim().split(/\s+/).map(Number),
    );
    expect(boxes.some((box) => (box?.[2] ?? 0) > (box?.[3] ?? 0))).toBe(true);
    expect(boxes.some((box) => (box?.[2] ?? 0) < (box?.[3] ?? 0))).toBe(true);
  }, 60_000);
});

describe('renderReportPdfToFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the PDF and leaves no temporary file', async () => {
    const path = join(dir, 'seed.pdf');
    await renderReportPdfToFile(seedReport, path);
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readdirSync(dir)).toEqual(['seed.pdf']);
  }, 60_000);

  it('leaves neither a PDF nor a temporary file when the render fails', async () => {
    const path = join(dir, 'broken.pdf');
    await expect(
      renderReportPdfToFile(seedReport, path, { fonts: { body: join(dir, 'no-such-font.ttf') } }),
    ).rejects.toThrow();
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('broken'))).toEqual([]);
  }, 60_000);
});
