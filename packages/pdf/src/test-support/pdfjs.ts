/** A text item as pdf.js reports it (the fields this module reads). */
interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly hasEOL: boolean;
}

/**
 * Text of each page in content-stream order, as pdf.js (the engine of Firefox's viewer and of most web viewers)
 * extracts it: what a reader gets by searching or copying. Items on one baseline join directly when they touch and
 * with a space when apart (table cells); a new baseline starts a new line.
 */
export async function pdfjsPages(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { items } = await page.getTextContent();
      let text = '';
      let previous: TextItem | undefined;
      for (const item of items as TextItem[]) {
        if (!('str' in item) || item.str === '') continue;
        const [, , , , x = 0, y = 0] = item.transform;
        if (previous) {
          const [, , , , px = 0, py = 0] = previous.transform;
          if (Math.abs(y - py) > 1) text += '\n';
          else if (x - (px + previous.width) > 1.5) text += ' ';
        }
        text += item.str;
        previous = item;
      }
      pages.push(text);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
