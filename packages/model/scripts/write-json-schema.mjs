// Writes dist/report.schema.json (the JSON Schema of Report JSON v1) from the built package.
// Run after `tsc -p tsconfig.build.json` (see the package's build script).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportJsonSchema } from '../dist/index.js';

const target = fileURLToPath(new URL('../dist/report.schema.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('../dist/', import.meta.url)), { recursive: true });
writeFileSync(target, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
