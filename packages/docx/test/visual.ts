import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/*
 * Pages of the DOCX as LibreOffice lays it out, rasterised by pdftoppm, against reference images in ./reference/
 * that a person looked at before they were committed. A pixel counts as different when one of its channels moved
 * by more than CHANNEL_THRESHOLD of 255, and a page passes while at most MAX_DIFFERING of its pixels (48 of a
 * 414 × 585 page, A4 at 50 dpi) do: room for local anti-aliasing jitter at a few glyph edges, not for layout drift.
 *
 * Measured here: two LibreOffice runs give byte-identical PNGs. Against the references: one 表三 cell 0 → 12345 is
 * 65 pixels (0.027 %); a row of 表三's figures blanked 0.3 %; the 草稿 watermark alone 3 % of the title page (it is
 * only 32–47 levels off white, hence a threshold below that); the page shifted by one pixel 7 %; another page 13 %.
 * Another rasteriser (pdftocairo) differs by 4–8 % everywhere: the references belong to pdftoppm.
 *
 * UPDATE_REFERENCES=1 rewrites the references (then look at each one again); NIANBAO_DOCX_VISUAL_OUT=dir keeps
 * each page there and, when it differs from its reference, a pixelmatch diff image beside it.
 */

export const CHANNEL_THRESHOLD = 24;
export const MAX_DIFFERING = 0.0002;

export const referencePath = (name: string): string =>
  fileURLToPath(new URL(`./reference/${name}.png`, import.meta.url));

/** The fraction of pixels of `a` and `b` (PNG bytes) with a channel more than CHANNEL_THRESHOLD apart; 1 when their sizes differ. */
export function pngDifference(a: Uint8Array, b: Uint8Array, diffFile?: string): number {
  const x = PNG.sync.read(Buffer.from(a));
  const y = PNG.sync.read(Buffer.from(b));
  if (x.width !== y.width || x.height !== y.height) return 1;
  let differing = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs((x.data[i + c] as number) - (y.data[i + c] as number)) > CHANNEL_THRESHOLD) {
        differing++;
        break;
      }
    }
  }
  if (diffFile && differing > 0) {
    const diff = new PNG({ width: x.width, height: x.height });
    pixelmatch(x.data, y.data, diff.data, x.width, x.height, { threshold: 0.1 });
    writeFileSync(diffFile, PNG.sync.write(diff));
  }
  return differing / (x.width * x.height);
}

/** How far page `png` is from reference `name` (writing it first under UPDATE_REFERENCES). */
export function differenceFromReference(name: string, png: Uint8Array): number {
  const file = referencePath(name);
  const out = process.env.NIANBAO_DOCX_VISUAL_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${name}.png`), png);
  }
  if (process.env.UPDATE_REFERENCES) writeFileSync(file, png);
  if (!existsSync(file)) throw new Error(`missing ${file}: run with UPDATE_REFERENCES=1, then look at it`);
  return pngDifference(png, new Uint8Array(readFileSync(file)), out && join(out, `${name}.diff.png`));
}
