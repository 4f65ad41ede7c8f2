// Build step: copies pdf.js's CMaps and standard fonts out of pdfjs-dist (a devDependency, the release unpdf's
// bundled pdf.js is built from) into pdfjs-data/, with pdf.js's licence and the fonts' own. unpdf, the runtime
// dependency, ships neither; CJK PDFs that do not embed their fonts need the CMaps to map codes to text. The
// published package carries these 2.5 MB instead of pdfjs-dist's 40 MB (and its optional @napi-rs/canvas, 34 MB).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'pdfjs-data');
const pdfjsDist = dirname(fileURLToPath(import.meta.resolve('pdfjs-dist/package.json')));

// The data must come from the pdf.js release unpdf bundles: another release may name or pack them otherwise.
const { version } = JSON.parse(readFileSync(join(pdfjsDist, 'package.json'), 'utf8'));
const bundled = (await import('unpdf/pdfjs')).version;
if (version !== bundled) {
  throw new Error(
    `copy-pdfjs-data: pdfjs-dist is ${version} but unpdf bundles pdf.js ${bundled}; pin pdfjs-dist ${bundled}`,
  );
}

/** Copies a file only when it changed, so incremental builds stay cheap. */
function copy(from, to) {
  let same = false;
  try {
    same = statSync(to).size === statSync(from).size && readFileSync(to).equals(readFileSync(from));
  } catch {
    same = false;
  }
  if (!same) copyFileSync(from, to);
}

for (const folder of ['cmaps', 'standard_fonts']) {
  mkdirSync(join(out, folder), { recursive: true });
  for (const name of readdirSync(join(pdfjsDist, folder)))
    copy(join(pdfjsDist, folder, name), join(out, folder, name));
}
copy(join(pdfjsDist, 'LICENSE'), join(out, 'LICENSE'));
