import type { Plugin } from 'vite';

/** One `nianbao` command as the CLI docs page shows it. */
export interface CliCommandDoc {
  name: string;
  usage: string;
  summary: { zh: string; en: string };
}

const ID = 'virtual:nianbao-cli-commands';

/**
 * Serves `virtual:nianbao-cli-commands`: the CLI's own `COMMANDS` (name, usage, summary), read in Node when the
 * docs are built, so the CLI page never restates the commands. The CLI runs only in Node, hence not imported in
 * the page. Without a built @nianbao/cli (`pnpm build`) the list is empty and the page says so.
 */
export function cliCommandsPlugin(): Plugin {
  return {
    name: 'nianbao-cli-commands',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    async load(id) {
      if (id !== `\0${ID}`) return undefined;
      let commands: CliCommandDoc[] = [];
      try {
        const { COMMANDS } = await import('@nianbao/cli');
        commands = COMMANDS.map((c) => ({ name: c.name, usage: c.usage, summary: c.summary }));
      } catch (error) {
        this.warn(`@nianbao/cli is not built; the CLI docs page lists no commands (${String(error)})`);
      }
      return `export default ${JSON.stringify(commands)};`;
    },
  };
}
