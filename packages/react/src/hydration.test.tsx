// @vitest-environment jsdom
import { seedReport } from '@nianbao/model/fixtures';
import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnualReport } from './annual-report.js';
import { ApplicationsTable } from './tables.js';

// React only warns about act() when told it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

async function hydrateWithoutWarnings(element: React.ReactElement): Promise<void> {
  const container = document.createElement('div');
  container.innerHTML = renderToString(element);
  document.body.append(container);
  const before = container.innerHTML;
  const errors = vi.spyOn(console, 'error');
  const warnings = vi.spyOn(console, 'warn');
  const recoverable: unknown[] = [];
  await act(async () => {
    hydrateRoot(container, element, { onRecoverableError: (error) => recoverable.push(error) });
  });
  expect(errors).not.toHaveBeenCalled();
  expect(warnings).not.toHaveBeenCalled();
  expect(recoverable).toEqual([]);
  expect(container.innerHTML).toBe(before);
}

describe('hydration', () => {
  it('hydrates the whole report, cross-checks and findings included, without a warning or a change', async () => {
    await hydrateWithoutWarnings(<AnnualReport report={seedReport} showFindings />);
  });

  it('hydrates an editable table without a warning', async () => {
    await hydrateWithoutWarnings(<ApplicationsTable t3={seedReport.t3} editable onChange={() => {}} />);
  });

  it('would notice a mismatch (the check can fail)', async () => {
    const container = document.createElement('div');
    container.innerHTML = renderToString(<ApplicationsTable t3={seedReport.t3} />);
    const recoverable: unknown[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await act(async () => {
      hydrateRoot(
        container,
        <ApplicationsTable
          t3={{ ...seedReport.t3, received: { ...seedReport.t3.received, total: 999999 } }}
        />,
        {
          onRecoverableError: (error) => recoverable.push(error),
        },
      );
    });
    expect(recoverable.length + errors.mock.calls.length).toBeGreaterThan(0);
  });
});
