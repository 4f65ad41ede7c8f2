declare module 'virtual:nianbao-cli-commands' {
  /** The CLI's commands, from `COMMANDS` in @nianbao/cli (see .storybook/cli-commands.ts). */
  const commands: readonly { name: string; usage: string; summary: { zh: string; en: string } }[];
  export default commands;
}
