import type { ReactElement, ReactNode } from 'react';
import { createSafeContext } from './react-env.js';

/*
 * The design tokens (`--nb-*`) are declared on the scoping class `.nb-report`. The outermost nianbao element
 * carries it, nested ones do not: a nested declaration would reset tokens a page set on the outer scope.
 */
// In a React Server Component there is no context: every nianbao element there carries the class itself, which
// only re-resolves the same inherited tokens.
const Scoped = createSafeContext(false);

/** The scoping class for a component root: `nb-report` unless an ancestor already carries it. */
export function useScopeClass(): string | undefined {
  return Scoped.use() ? undefined : 'nb-report';
}

/** Marks its subtree as inside a `.nb-report` scope that the caller draws itself. */
export function NbScope({ children }: { children?: ReactNode }): ReactElement {
  return <Scoped.Provider value={true}>{children}</Scoped.Provider>;
}
