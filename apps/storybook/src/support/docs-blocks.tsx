import { reportJsonSchema, statutoryCells } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { ApplicationsTable } from '@nianbao/react';
import { type CSSProperties, type ReactElement, useEffect, useState } from 'react';

/*
 * Live blocks for the MDX docs pages: each reads what it shows from the packages at run time (the stylesheet,
 * the model), so the docs cannot drift from the code.
 */

/** One design token and the default the stylesheet gives it. */
export interface Token {
  /** The public name a page sets, e.g. `--nb-color-text`. */
  name: string;
  /** The default used where the page does not set it. */
  value: string;
}

/** `--nb-_x: var(--nb-x, default)`: the stylesheet resolves each public token into a private one. */
const RESOLVED = /^var\(\s*(--nb-[a-z0-9-]+)\s*,\s*([\s\S]*)\)$/;

/** Every `--nb-*` token the `.nb-report` rule of the loaded stylesheets resolves, with its default. */
export function readTokens(): Token[] {
  const tokens = new Map<string, string>();
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSStyleRule) || rule.selectorText !== '.nb-report') continue;
      for (const property of Array.from(rule.style)) {
        if (!property.startsWith('--nb-_')) continue;
        const match = RESOLVED.exec(rule.style.getPropertyValue(property).trim());
        if (match?.[1] && match[2] !== undefined) tokens.set(match[1], match[2].trim());
      }
    }
  }
  return [...tokens].map(([name, value]) => ({ name, value }));
}

/** The private token the stylesheet's rules read: the page's value of `name`, else the default. */
function resolved(name: string): string {
  return `var(${name.replace(/^--nb-/, '--nb-_')})`;
}

const cell: CSSProperties = { border: '1px solid #767676', padding: '0.25rem 0.5rem', textAlign: 'left' };

function Sample({ token }: { token: Token }): ReactElement | null {
  if (token.name.startsWith('--nb-color')) {
    return (
      <span
        aria-hidden="true"
        style={{
          display: 'inline-block',
          width: '1.5rem',
          height: '1rem',
          border: '1px solid #1b1b1b',
          background: resolved(token.name),
        }}
      />
    );
  }
  if (token.name.startsWith('--nb-font-size'))
    return <span style={{ fontSize: resolved(token.name) }}>政府信息公开 123</span>;
  if (token.name.startsWith('--nb-font-family')) return <span>政府信息公开 123</span>;
  return null;
}

/** The live token table: every `--nb-*` token, its default, and a sample drawn with it. */
export function TokenTable(): ReactElement {
  const [tokens, setTokens] = useState<Token[]>([]);
  useEffect(() => setTokens(readTokens()), []);
  return (
    <div className="nb-report">
      <table style={{ borderCollapse: 'collapse' }} data-testid="token-table">
        <caption style={{ textAlign: 'left', fontWeight: 700 }}>
          --nb-* 设计令牌 Design tokens（{tokens.length}）
        </caption>
        <thead>
          <tr>
            <th scope="col" style={cell}>
              令牌 Token
            </th>
            <th scope="col" style={cell}>
              默认值 Default
            </th>
            <th scope="col" style={cell}>
              示例 Sample
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.name}>
              <th scope="row" style={{ ...cell, fontFamily: 'monospace', fontWeight: 400 }}>
                {token.name}
              </th>
              <td style={{ ...cell, fontFamily: 'monospace' }}>{token.value}</td>
              <td
                style={{
                  ...cell,
                  ...(token.name.startsWith('--nb-font-family') ? { fontFamily: resolved(token.name) } : {}),
                }}
              >
                <Sample token={token} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The seed report's 表三 themed as a portal themes it: the tokens set on an element that contains the table. */
export function ThemedExample(): ReactElement {
  return (
    <div className="sb-theme-example">
      <style>
        {`.sb-theme-example {
  --nb-color-header-background: #e8f1fb;
  --nb-color-border: #1d4f91;
  --nb-font-size-table: 0.8125rem;
}`}
      </style>
      <ApplicationsTable t3={seedReport.t3} idPrefix="themed-" />
    </div>
  );
}

/** The statutory cells of the data contract: address, labels and kind, from the model. */
export function CellTable({ table }: { table: 't2' | 't3' | 't4' }): ReactElement {
  const cells = statutoryCells().filter((c) => c.table === table);
  return (
    <table style={{ borderCollapse: 'collapse', fontSize: '0.8125rem' }}>
      <caption style={{ textAlign: 'left', fontWeight: 700 }}>
        {table} · {cells.length} 个单元格 cells
      </caption>
      <thead>
        <tr>
          <th scope="col" style={cell}>
            地址 Address
          </th>
          <th scope="col" style={cell}>
            行 Row
          </th>
          <th scope="col" style={cell}>
            列 Column
          </th>
          <th scope="col" style={cell}>
            类型 Kind
          </th>
        </tr>
      </thead>
      <tbody>
        {cells.map((c) => (
          <tr key={c.address}>
            <th scope="row" style={{ ...cell, fontFamily: 'monospace', fontWeight: 400 }}>
              {c.address}
            </th>
            <td style={cell}>{c.rowLabels.join(' › ')}</td>
            <td style={cell}>{c.columnLabels.join(' › ')}</td>
            <td style={cell}>{c.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The JSON Schema of Report JSON v1, as `reportJsonSchema()` produces it. */
export function SchemaView(): ReactElement {
  return (
    // A scrolling region must be reachable by keyboard (WCAG 2.1.1), as the tables' scroll regions are.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll container has to take focus to scroll by keyboard.
    <pre style={{ maxHeight: '32rem', overflow: 'auto', fontSize: '0.75rem' }} tabIndex={0}>
      {JSON.stringify(reportJsonSchema(), null, 2)}
    </pre>
  );
}
