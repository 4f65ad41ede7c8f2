import { describe, expect, it } from 'vitest';
import { compiledExecArgv } from './exec-argv.js';

describe('compiledExecArgv', () => {
  it('drops export conditions (both spellings) and keeps every other flag', () => {
    expect(
      compiledExecArgv([
        '--conditions',
        '@nianbao/source',
        '--conditions=x',
        '-C',
        'y',
        '--enable-source-maps',
      ]),
    ).toEqual(['--enable-source-maps']);
  });

  it('drops the flags of a parent started with node -e or -p, which a worker refuses', () => {
    expect(
      compiledExecArgv([
        '--input-type=module',
        '-e',
        'code',
        '--eval=code',
        '--print',
        'x',
        '--import',
        'tsx',
      ]),
    ).toEqual(['--import', 'tsx']);
    expect(
      compiledExecArgv(['--input-type=module', '-e', 'code()', '--max-old-space-size=512', '--print', 'x']),
    ).toEqual(['--max-old-space-size=512']);
  });
});
