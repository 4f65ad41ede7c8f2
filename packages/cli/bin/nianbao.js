#!/usr/bin/env node
// The published entry: runs the compiled CLI. Kept as plain JS so `npm i -g` needs no build step.
// React's production build unless the caller chose otherwise: an installed tool is not a development session (the
// development build only adds checks and warnings for component authors, and is slower to load and render).
process.env.NODE_ENV ??= 'production';
const { main, processIo } = await import('../dist/main.js');

process.exitCode = await main(process.argv.slice(2), processIo());
