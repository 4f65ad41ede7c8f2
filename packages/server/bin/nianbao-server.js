#!/usr/bin/env node
// The published entry of the service: `nianbao-server [--port N] [--host ADDR] [--workers N]`, the same as
// `nianbao serve` (the container's start command). Kept as plain JS so it needs no build step of its own.
// React's production build unless the caller chose otherwise (the workers inherit it).
process.env.NODE_ENV ??= 'production';
const { runServe } = await import('../dist/index.js');

process.exitCode = await runServe(process.argv.slice(2), process.stderr);
