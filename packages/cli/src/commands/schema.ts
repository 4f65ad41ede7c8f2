import { type Command, type CommandContext, OUTPUT_OPTION } from '../command.js';
import { printOrWrite } from '../write-output.js';

/**
 * `nianbao schema [--rulepack] [-o FILE]`: the JSON Schema (draft 2020-12) of Report JSON v1, or with `--rulepack`
 * of a scorecard rulepack (`validate --rulepack`), pretty-printed.
 */
export const schemaCommand: Command = {
  name: 'schema',
  summary: {
    zh: '输出 Report JSON v1（或评分规则包）的 JSON Schema',
    en: 'print the JSON Schema of Report JSON v1 (or of a scorecard rulepack)',
  },
  usage: 'nianbao schema [--rulepack] [-o FILE]',
  options: {
    output: OUTPUT_OPTION,
    rulepack: {
      type: 'boolean',
      description: {
        zh: '输出评分规则包（validate --rulepack 读取的文件）的 JSON Schema',
        en: 'print the JSON Schema of a scorecard rulepack (the file validate --rulepack reads) instead',
      },
    },
  },

  async run({ options, io }: CommandContext): Promise<number> {
    const { reportJsonSchema, rulepackJsonSchema } = await import('@nianbao/model');
    const schema = options.rulepack === true ? rulepackJsonSchema() : reportJsonSchema();
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    return printOrWrite('schema', typeof options.output === 'string' ? options.output : undefined, io, text);
  },
};
