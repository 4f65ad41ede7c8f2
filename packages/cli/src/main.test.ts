import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, STACK_LINE } from '../test/fake-io.js';
import { COMMANDS, main } from './main.js';

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

describe('main: help and version', () => {
  it('--help lists every command and the exit codes', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const result = await run([flag]);
      expect(result.code).toBe(0);
      for (const command of COMMANDS)
        expect(result.stdout).toMatch(new RegExp(`^ {2}${command.name} +\\S`, 'm'));
      expect(result.stdout).toContain('退出码');
      expect(result.stdout).toContain('exit codes');
      expect(result.stderr).toBe('');
    }
  });

  it('<command> --help prints that command’s usage and options', async () => {
    for (const command of COMMANDS) {
      const result = await run([command.name, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`用法 usage: ${command.usage}`);
      for (const name of Object.keys(command.options)) expect(result.stdout).toContain(`--${name}`);
      expect(result.stdout).toContain('-h, --help');
      expect((await run(['help', command.name])).stdout).toBe(result.stdout);
    }
  });

  it('--version prints the package version', async () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-v']) {
      const result = await run([flag]);
      expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });
});

describe('main: usage errors exit 2 with a message and the usage', () => {
  it('an unknown command', async () => {
    const result = await run(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('未知命令 "frobnicate" / unknown command "frobnicate"');
    expect(result.stderr).toContain('用法 usage: nianbao <命令 command>');
  });

  it('no command at all', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('缺少命令 / missing command');
  });

  it('an unknown global flag', async () => {
    const result = await run(['--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('未知选项 --frobnicate / unknown option --frobnicate');
  });

  it.each([
    [['validate', '--bogus'], '未知选项 --bogus / unknown option --bogus'],
    [['validate', '-x'], 'unknown option -x'],
    [['validate', '--previous'], '选项 --previous 需要一个值 / option --previous needs a value'],
    [['validate', '--json=yes'], 'option --json does not take a value'],
    [['schema', 'extra'], 'schema takes no arguments, got "extra"'],
    [['init', '-o'], '选项 -o, --output 需要一个值 / option -o, --output needs a value'],
    [['init', '-o', '--force'], 'option -o, --output needs a value'],
    [['init', '--year', '20x4'], '--year must be a whole year from 2008 to 2100, got "20x4"'],
    [['init', '--kind', 'ministry'], '--kind must be one of government, department, other, got "ministry"'],
    [['validate', '--lang', 'fr'], '--lang must be zh or en, got "fr"'],
  ])('%j', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    const command = COMMANDS.find((c) => c.name === argv[0]);
    expect(result.stderr).toContain(`用法 usage: ${command?.usage}`);
    expect(result.all).not.toMatch(STACK_LINE);
  });
});

describe('main: unexpected exceptions', () => {
  const failingIo = (env: Record<string, string>) => {
    let stderr = '';
    return {
      io: {
        stdout: {
          write: (): never => {
            throw new Error('disk full\nsecond line');
          },
        },
        stderr: { write: (text: string) => (stderr += text) },
        cwd: process.cwd(),
        env,
      },
      stderr: () => stderr,
    };
  };

  it('become one bilingual line and exit 70, without a stack', async () => {
    const { io, stderr } = failingIo({});
    expect(await main(['--version'], io)).toBe(70);
    expect(stderr()).toBe(
      'nianbao: 内部错误 / internal error: disk full second line (NIANBAO_DEBUG=1 显示调用栈 / shows the stack)\n',
    );
  });

  it('show the stack with NIANBAO_DEBUG=1', async () => {
    const { io, stderr } = failingIo({ NIANBAO_DEBUG: '1' });
    expect(await main(['schema'], io)).toBe(70);
    expect(stderr()).toMatch(STACK_LINE);
  });
});
