import { type Command, type CommandContext, OUTPUT_OPTION } from '../command.js';
import { printOrWrite } from '../write-output.js';

/** `nianbao schema [-o FILE]`: the JSON Schema (draft 2020-12) of Report JSON v1, pretty-printed. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: { zh: '输出 Report JSON v1 的 JSON Schema', en: 'print the JSON Schema of Report JSON v1' },
  usage: 'nianbao schema [-o FILE]',
  options: {
    output: OUTPUT_OPTION,
  },

  async run({ options, io }: CommandContext): Promise<number> {
    const { reportJsonSchema } = await import('@nianbao/model');
    const text = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    return printOrWrite('schema', typeof options.output === 'string' ? options.output : undefined, io, text);
  },
};
