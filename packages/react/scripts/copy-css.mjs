// Ships the stylesheet beside the compiled modules: `@nianbao/react/styles.css`, and read by `renderReportHtml`.
// Also its declaration (an empty module), so `import '@nianbao/react/styles.css'` type-checks under
// `noUncheckedSideEffectImports` (TypeScript 7's default).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';

mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
copyFileSync(new URL('../src/styles.css', import.meta.url), new URL('../dist/styles.css', import.meta.url));
writeFileSync(
  new URL('../dist/styles.css.d.ts', import.meta.url),
  '// The stylesheet of @nianbao/react: imported for its side effect, it exports nothing.\nexport {};\n',
);
