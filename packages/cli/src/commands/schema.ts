import { reportJsonSchema } from '@nianbao/model';
import { type Command, type CommandContext, EXIT } from '../command.js';
import { localize } from '../format/lang.js';
import { writeOutput } from '../write-output.js';

/** `nianbao schema [-o FILE]`: the JSON Schema (draft 2020-12) of Report JSON v1, pretty-printed. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: { zh: '输出 Report JSON v1 的 JSON Schema', en: 'print the JSON Schema of Report JSON v1' },
  usage: 'nianbao schema [-o FILE]',
  options: {
    output: {
      type: 'string',
      short: 'o',
      valueName: 'FILE',
      description: {
        zh: '写入文件（覆盖已有文件）而非标准输出',
        en: 'write to FILE (replacing it) instead of stdout',
      },
    },
  },

  async run({ options, io }: CommandContext): Promise<number> {
    const text = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    if (typeof options.output !== 'string') {
      io.stdout.write(text);
      return EXIT.ok;
    }
    // A schema is generated output, so replacing an older copy is what the user wants.
    const failure = await writeOutput(options.output, io.cwd, text, true);
    if (failure) {
      io.stderr.write(`nianbao schema: ${localize(failure.message, 'both')}\n`);
      return EXIT.usage;
    }
    io.stdout.write(`${localize({ zh: '已写入', en: 'wrote' }, 'both')} ${options.output}\n`);
    return EXIT.ok;
  },
};
