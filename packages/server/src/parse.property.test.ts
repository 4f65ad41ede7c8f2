import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServeArgsError, serveOptions } from './main.js';

describe('serveOptions', () => {
  it('takes whole numbers in range and refuses anything else with a bilingual message naming the option', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65_535 }), fc.integer({ min: 1, max: 256 }), (port, workers) => {
        expect(serveOptions({ port: String(port), workers: String(workers) })).toEqual({ port, workers });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (value) => {
        fc.pre(!/^\d+$/.test(value) || Number(value) > 256 || Number(value) < 1);
        try {
          serveOptions({ workers: value });
          expect.unreachable(`--workers ${value} was accepted`);
        } catch (error) {
          expect(error).toBeInstanceOf(ServeArgsError);
          expect((error as ServeArgsError).text.en).toContain('--workers');
        }
      }),
    );
    expect(serveOptions({ 'body-limit': '5', timeout: '1000', queue: '0', host: '0.0.0.0' })).toEqual({
      bodyLimit: 5 * 1024 * 1024,
      jobTimeoutMs: 1000,
      queue: 0,
      host: '0.0.0.0',
    });
  });
});
