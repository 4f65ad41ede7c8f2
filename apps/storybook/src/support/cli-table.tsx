import commands from 'virtual:nianbao-cli-commands';
import type { CSSProperties, ReactElement } from 'react';

const cell: CSSProperties = { border: '1px solid #767676', padding: '0.25rem 0.5rem', textAlign: 'left' };

/** The CLI's commands: usage and what each does, in Chinese and English. */
export function CommandTable(): ReactElement {
  if (commands.length === 0)
    return <p>运行 `pnpm build` 后显示命令表。Run `pnpm build` to list the commands.</p>;
  return (
    <table style={{ borderCollapse: 'collapse', fontSize: '0.875rem' }}>
      <caption style={{ textAlign: 'left', fontWeight: 700 }}>nianbao 命令 Commands</caption>
      <thead>
        <tr>
          <th scope="col" style={cell}>
            用法 Usage
          </th>
          <th scope="col" style={cell}>
            用途 What it does
          </th>
        </tr>
      </thead>
      <tbody>
        {commands.map((command) => (
          <tr key={command.name}>
            <th scope="row" style={{ ...cell, fontWeight: 400 }}>
              <code>{command.usage}</code>
            </th>
            <td style={cell}>
              {command.summary.zh}
              <br />
              {command.summary.en}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
