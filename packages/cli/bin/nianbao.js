#!/usr/bin/env node
// The published entry: runs the compiled CLI. Kept as plain JS so `npm i -g` needs no build step.
import { main, processIo } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2), processIo());
