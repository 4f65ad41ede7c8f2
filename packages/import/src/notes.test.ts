import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTE_CATALOGUE, NOTE_CODES, NOTE_TEXT, type NoteCode } from './notes.js';

const SRC = new URL('.', import.meta.url).pathname;

/** Every non-test source file of the package but the catalogue, with its text. */
function sources(): { file: string; text: string }[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('test-support'))
    .filter((file) => file !== 'notes.ts')
    .map((file) => ({ file, text: readFileSync(join(SRC, file), 'utf8') }));
}

/** The README's note-code table, as the catalogue writes it. */
function readmeTable(): string {
  const rows = NOTE_CODES.map((code) => {
    const { severity, doc } = NOTE_CATALOGUE[code];
    return `| \`${code}\` | ${severity} | ${doc.replaceAll('|', '\\|')} |`;
  });
  return ['| code | severity | when |', '|---|---|---|', ...rows].join('\n');
}

describe('notes catalogue', () => {
  it('the README lists exactly the catalogue (generated table between the note-codes markers)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = /<!-- note-codes:start -->\n([\s\S]*?)\n<!-- note-codes:end -->/.exec(readme)?.[1];
    // On failure, paste the expected table into README.md between the markers.
    expect(section).toBe(readmeTable());
  });

  it('every catalogued code is emitted by a reader, and every code a reader emits is catalogued', () => {
    const catalogued = new Set<string>(NOTE_CODES);
    const emitted = new Set<string>();
    const uncatalogued: string[] = [];
    // A note is made as `code: 'x'`, or with the code as a call's first argument (importNote('x', …),
    // a reader's note('x', …) / failure('x', …) helpers), or as either branch of a ternary in that place.
    const forms = [
      /\bcode: '([a-z]+(?:-[a-z]+)+)'/g,
      /\(\s*'([a-z]+(?:-[a-z]+)+)',/g,
      /\?\s*'([a-z]+(?:-[a-z]+)+)'\s*:\s*'([a-z]+(?:-[a-z]+)+)'/g,
    ];
    for (const { file, text } of sources()) {
      for (const form of forms) {
        for (const match of text.matchAll(form)) {
          for (const code of match.slice(1)) {
            if (code === undefined) continue;
            // Only strings shaped like note codes and used where a note is made count; others are ignored.
            if (catalogued.has(code)) emitted.add(code);
            else if (form === forms[0]) uncatalogued.push(`${file}: ${code}`);
          }
        }
      }
    }
    expect(uncatalogued).toEqual([]);
    expect(NOTE_CODES.filter((code) => !emitted.has(code))).toEqual([]);
  });

  it('templates are keyed by catalogued codes, and a note is made with its own code’s template', () => {
    for (const code of Object.keys(NOTE_TEXT)) expect(NOTE_CODES).toContain(code as NoteCode);
    const mismatched: string[] = [];
    for (const { file, text } of sources()) {
      for (const match of text.matchAll(/importNote\(\s*'([a-z-]+)',\s*NOTE_TEXT\['([a-z-]+)'\]/g)) {
        if (match[1] !== match[2]) mismatched.push(`${file}: ${match[1]} with ${match[2]}'s text`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('every template gives a Chinese and an English text', () => {
    const texts = NOTE_TEXT as unknown as Record<
      string,
      Record<string, (p: unknown) => { zh: string; en: string }>
    >;
    const sample = new Proxy(
      {},
      {
        get: (_, key) =>
          key === 'why' || key === 'what'
            ? { zh: '原因', en: 'reason' }
            : key === 'table'
              ? 't3'
              : key === 'limit'
                ? 'steps'
                : key === 'mapped'
                  ? undefined
                  : 1,
      },
    );
    for (const [code, byName] of Object.entries(texts)) {
      for (const [name, template] of Object.entries(byName)) {
        const text = template(sample);
        expect(text.zh, `${code}.${name}`).toMatch(/\S/);
        expect(text.en, `${code}.${name}`).toMatch(/\S/);
        expect(`${text.zh} ${text.en}`, `${code}.${name}`).not.toMatch(/undefined|\[object/);
      }
    }
  });
});
