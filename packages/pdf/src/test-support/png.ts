import { PNG } from 'pngjs';

/*
 * The visual test's images as gray levels, read and written by pngjs (the maintained PNG codec the docx visual
 * test uses too). Gray, because the PDF is black text and lines: comparing one channel is enough and the committed
 * references stay small.
 */

/** A grayscale image: one byte per pixel, row by row. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Decodes any PNG pngjs reads (pdftoppm's RGB, the committed gray references) to gray levels: the mean of R, G, B. */
export function decodeGrayPng(png: Uint8Array): GrayImage {
  const { width, height, data } = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const base = i * 4;
    pixels[i] = Math.round(((data[base] ?? 0) + (data[base + 1] ?? 0) + (data[base + 2] ?? 0)) / 3);
  }
  return { width, height, pixels };
}

/** Encodes a gray image as a compact 8-bit grayscale PNG (for committed reference images). */
export function encodeGrayPng(image: GrayImage): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  for (let i = 0; i < image.pixels.length; i++) {
    const v = image.pixels[i] ?? 0;
    png.data[i * 4] = v;
    png.data[i * 4 + 1] = v;
    png.data[i * 4 + 2] = v;
    png.data[i * 4 + 3] = 255;
  }
  // colorType 0: one gray byte per pixel; "sub" filtering and level 9 keep flat pages small.
  return new Uint8Array(PNG.sync.write(png, { colorType: 0, filterType: 1, deflateLevel: 9 }));
}

/**
 * Compares two images tolerantly: a pixel differs when its gray levels differ by more than `level`; the result
 * is the fraction of differing pixels (1 when the sizes differ). Anti-aliasing changes few pixels by little.
 */
export function imageDifference(a: GrayImage, b: GrayImage, level = 96): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.pixels.length; i++) {
    if (Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0)) > level) differing += 1;
  }
  return differing / a.pixels.length;
}
