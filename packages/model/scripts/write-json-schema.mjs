// Writes the package's JSON files into dist/ from the built package: report.schema.json (the JSON Schema of Report
// JSON v1), rulepack.schema.json (of a scorecard rulepack), audit.schema.json (of `nianbao audit --json`) and rulepacks/*.json (the example rulepacks, with their
// `$schema` pointing at the schema beside them, as in the sources).
// Run after `tsc -p tsconfig.build.json` (see the package's build script).
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditJsonSchema, reportJsonSchema, rulepackJsonSchema } from '../dist/index.js';

const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
mkdirSync(dist('rulepacks/'), { recursive: true });
const write = (path, value) => {
  writeFileSync(dist(path), `${JSON.stringify(value, null, 2)}\n`);
  console.log(`wrote ${dist(path)}`);
};
write('report.schema.json', reportJsonSchema());
write('rulepack.schema.json', rulepackJsonSchema());
write('audit.schema.json', auditJsonSchema());
const examples = new URL('../src/score/examples/', import.meta.url);
for (const file of readdirSync(examples).filter((f) => f.endsWith('.json'))) {
  copyFileSync(fileURLToPath(new URL(file, examples)), dist(`rulepacks/${file}`));
  console.log(`wrote ${dist(`rulepacks/${file}`)}`);
}
