// Ships the stylesheet beside the compiled modules: `@nianbao/react/styles.css`, and read by `renderReportHtml`.
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
copyFileSync(new URL('../src/styles.css', import.meta.url), new URL('../dist/styles.css', import.meta.url));
