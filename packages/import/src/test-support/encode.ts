/*
 * Text encoders for tests: Node's TextEncoder writes UTF-8 only, and the importer must read the encodings reports
 * are saved in. UTF-16 is written by code units; GBK by inverting Node's own GB18030 decoder over every two-byte
 * code (a lead byte 0x81–0xFE, a trail byte 0x40–0xFE), so the test never restates an encoding table.
 */

let gbk: Map<string, [number, number]> | undefined;

function gbkTable(): Map<string, [number, number]> {
  if (gbk) return gbk;
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // Not a two-byte code.
      }
    }
  }
  gbk = table;
  return table;
}

/** The text in GBK (two-byte GB18030). Throws on a character GBK lacks (a test's text is chosen to fit). */
export function encodeGbk(text: string): Uint8Array {
  const table = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`not in GBK: ${ch} (U+${code.toString(16)})`);
    out.push(bytes[0], bytes[1]);
  }
  return new Uint8Array(out);
}

/** The text in UTF-16 with its byte order mark, little- or big-endian. */
export function encodeUtf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, endian === 'le');
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), endian === 'le');
  return out;
}
