import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

/*
 * The fuzz harness shared by the parsers' tests (a few thousand inputs) and their bench (`pnpm bench`,
 * FUZZ_RUNS=100000): inputs are generated (any JSON, any text) and mutated (a valid document with random
 * edits: characters inserted, deleted or replaced from an alphabet of JSON punctuation, digits, full-width
 * forms, control characters, bidi overrides and lone surrogates). Every input that ever failed is kept as a
 * file in the package's `fuzz-regressions/` folder and replayed by the tests.
 */

/** How many inputs each fuzz property runs: `FUZZ_RUNS`, or `fallback` (the CI count). */
export function fuzzRuns(fallback: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

/** Characters that break parsers: JSON punctuation, digits and exponents, CJK and full-width forms, controls. */
const ALPHABET = [
  ...'{}[],:"\\ \n\t0123456789.-+eE/\'tfnul',
  '，',
  '：',
  '“',
  '”',
  '（',
  '）',
  '表',
  '件',
  '\u3000',
  '\u0000',
  '\u0007',
  '\u202e',
  '\u2066',
  '\ud800',
  '\udc00',
  '\ufeff',
  '<',
  '>',
  '/',
  '=',
];

const piece: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ALPHABET),
  fc.string({ maxLength: 4 }),
  fc.constantFrom('9007199254740993', '1e400', '-0', 'NaN', '[[[[', '{"a":', '<div>', '<table><tr><td>'),
);

/** One edit of a text: insert, delete or replace at a position given as a fraction of its length. */
type Edit = { at: number; remove: number; insert: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 8 }),
  insert: fc.oneof(piece, fc.constant('')),
});

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const { at, remove, insert } of edits) {
    const i = Math.floor(at * out.length);
    out = out.slice(0, i) + insert + out.slice(i + remove);
  }
  return out;
}

/** A text made from `base` by 1–8 random edits. */
export function mutated(base: string): fc.Arbitrary<string> {
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => applyEdits(base, edits));
}

/** Generated texts: any JSON, JSON with random edits, or strings from the hostile alphabet. */
export const generatedText: fc.Arbitrary<string> = fc.oneof(
  fc.json({ depthSize: 'small' }),
  fc.json({ depthSize: 'small' }).chain((json) => mutated(json)),
  fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')),
);

/** Files kept as bytes when replayed (documents the importer detects from their bytes). */
const BINARY = /\.(docx|xlsx|pdf|bin)$/;

/**
 * The files of a regression folder, for tests to replay: name and text, and for a binary file (`.docx`, `.xlsx`,
 * `.pdf`, `.bin`) its bytes as well.
 */
export function regressionInputs(folder: URL): { name: string; text: string; bytes?: Uint8Array }[] {
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.') && name !== 'README.md')
    .sort()
    .map((name) => {
      const data = readFileSync(new URL(name, folder));
      return BINARY.test(name)
        ? { name, text: data.toString('latin1'), bytes: new Uint8Array(data) }
        : { name, text: data.toString('utf8') };
    });
}

function tooSlow(elapsed: number, capMs: number, input: string | Uint8Array): Error {
  const size = typeof input === 'string' ? `${input.length} characters` : `${input.length} bytes`;
  return new Error(`took ${elapsed.toFixed(0)} ms (cap ${capMs} ms) on an input of ${size}`);
}

/** Runs `check` and fails if one input takes longer than `capMs` (a hang shows as a slow input). */
export function timed<T extends string | Uint8Array>(
  capMs: number,
  check: (input: T) => void,
): (input: T) => void {
  return (input) => {
    const start = performance.now();
    check(input);
    const elapsed = performance.now() - start;
    if (elapsed > capMs) throw tooSlow(elapsed, capMs, input);
  };
}

/** {@link timed} for an asynchronous check (the PDF reader). */
export function timedAsync<T extends string | Uint8Array>(
  capMs: number,
  check: (input: T) => Promise<void>,
): (input: T) => Promise<void> {
  return async (input) => {
    const start = performance.now();
    await check(input);
    const elapsed = performance.now() - start;
    if (elapsed > capMs) throw tooSlow(elapsed, capMs, input);
  };
}

/** Pieces that break Office XML readers: tags opened and left open, spans and merges out of range, entities. */
const XML_PIECES = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '"',
  '/>',
  '</w:tc>',
  '<w:tc>',
  '<w:tr>',
  '</w:tbl>',
  '<w:tbl><w:tr><w:tc><w:p/>',
  '<w:gridSpan w:val="99999"/>',
  '<w:gridSpan w:val="-3"/>',
  '<w:vMerge/>',
  '<w:vMerge w:val="restart"/>',
  '<w:gridBefore w:val="1e9"/>',
  '<w:t>',
  '</w:t>',
  '<c r="XFD1048576"><v>1</v></c>',
  '<c r="A1" t="s"><v>999999</v></c>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="B2:A1"/>',
  '<si><t>',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
];

/** A text made from `base` by 1–8 random edits from the hostile alphabet and Office XML pieces. */
export function mutatedXml(base: string): fc.Arbitrary<string> {
  const xmlEdit: fc.Arbitrary<Edit> = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat({ max: 16 }),
    insert: fc.oneof(piece, fc.constantFrom(...XML_PIECES), fc.constant('')),
  });
  return fc.array(xmlEdit, { minLength: 1, maxLength: 8 }).map((edits) => applyEdits(base, edits));
}

/**
 * Bytes made from `base`: up to 16 bytes flipped, a run of random bytes inserted or bytes deleted, and maybe cut
 * short (a damaged download). The first four bytes are kept, so the format is still detected.
 */
export function mutatedBytes(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc
    .record({
      flips: fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { maxLength: 16 }),
      splice: fc.option(
        fc.record({ at: fc.nat(), remove: fc.nat({ max: 64 }), insert: fc.uint8Array({ maxLength: 64 }) }),
      ),
      cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    })
    .map(({ flips, splice, cut }) => {
      let out = new Uint8Array(base);
      if (splice) {
        const at = 4 + (splice.at % Math.max(1, out.length - 4));
        const next = new Uint8Array(
          out.length - Math.min(splice.remove, out.length - at) + splice.insert.length,
        );
        next.set(out.subarray(0, at));
        next.set(splice.insert, at);
        next.set(out.subarray(at + splice.remove), at + splice.insert.length);
        out = next;
      }
      for (const { at, xor } of flips) {
        const i = 4 + (at % Math.max(1, out.length - 4));
        if (i < out.length) out[i] = (out[i] as number) ^ xor;
      }
      if (cut !== null) out = out.subarray(0, Math.max(4, Math.floor(cut * out.length)));
      return out;
    });
}
