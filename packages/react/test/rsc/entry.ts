// Bundled with the `react-server` condition (what a Next.js Server Component runs with) by
// server-components.test.ts: React without state, refs or context. Prints what rendering found, as JSON.

import { PassThrough } from 'node:stream';
import { statutoryLayout } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import * as React from 'react';
// @ts-expect-error: the package ships no types
import { renderToPipeableStream } from 'react-server-dom-webpack/server.node';
import {
  AnnualReport,
  ApplicationsTable,
  FindingsList,
  ProactiveDisclosureTable,
  ReviewLitigationTable,
  StatutoryTable,
} from '../../src/index.js';

/** Renders with React's Flight server (what a framework does for a Server Component) and returns its payload. */
async function flight(element: React.ReactElement): Promise<string> {
  let payload = '';
  let error: unknown;
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => {
    payload += chunk.toString('utf8');
  });
  const done = new Promise((resolve) => sink.on('end', resolve));
  const onError = (e: unknown): void => {
    error ??= e;
  };
  renderToPipeableStream(element, {}, { onError }).pipe(sink);
  await done;
  if (error) throw error;
  return payload;
}

const count = (payload: string, pattern: RegExp): number => payload.match(pattern)?.length ?? 0;

async function render(element: React.ReactElement): Promise<Record<string, number>> {
  const payload = await flight(element);
  return {
    tables: count(payload, /\["\$","table",/g),
    cells: count(payload, /"data-cell":/g),
    inputs: count(payload, /\["\$","input",/g),
    scopes: count(payload, /"className":"nb-report[ "]/g),
  };
}

const result: Record<string, unknown> = {
  serverBuild: typeof (React as { useState?: unknown }).useState !== 'function',
  t2: await render(React.createElement(ProactiveDisclosureTable, { t2: seedReport.t2 })),
  t3: await render(React.createElement(ApplicationsTable, { t3: seedReport.t3 })),
  t4: await render(React.createElement(ReviewLitigationTable, { t4: seedReport.t4 })),
  findings: await render(React.createElement(FindingsList, { findings: [] })),
  report: await render(React.createElement(AnnualReport, { report: seedReport })),
};
try {
  await render(
    React.createElement(StatutoryTable, {
      layout: statutoryLayout('t3'),
      values: seedReport,
      editable: true,
    }),
  );
  result.editable = 'rendered';
} catch (error) {
  result.editable = (error as Error).message;
}
console.log(JSON.stringify(result));
