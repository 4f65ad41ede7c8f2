import type { ReactElement, ReactNode } from 'react';
import * as React from 'react';

/*
 * The design tokens (`--nb-*`) are declared on the scoping class `.nb-report`. The outermost nianbao element
 * carries it, nested ones do not: a nested declaration would reset tokens a page set on the outer scope.
 * React Server Components have no context (no createContext in React's server build): there every nianbao element
 * carries the class itself, which only re-resolves the same inherited tokens.
 */
const Scoped: React.Context<boolean> | undefined = React.createContext?.(false);

/** The scoping class for a component root: `nb-report` unless an ancestor already carries it. */
export function useScopeClass(): string | undefined {
  return Scoped && React.useContext(Scoped) ? undefined : 'nb-report';
}

/** Marks its subtree as inside a `.nb-report` scope that the caller draws itself. */
export function NbScope({ children }: { children?: ReactNode }): ReactElement {
  // biome-ignore lint/complexity/noUselessFragments: the fragment makes any ReactNode (text, arrays) a ReactElement.
  return Scoped ? <Scoped.Provider value={true}>{children}</Scoped.Provider> : <>{children}</>;
}
