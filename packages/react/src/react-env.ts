/*
 * The hooks and context this package needs, usable where React has none of them: React Server Components (the
 * `react-server` build of React, which a Server Component or Route Handler in a Next.js app runs with) have no
 * state, refs or context. There the read-only components render once to HTML and need none: the state and refs of
 * data entry get inert stand-ins, a context is never provided, and `editable` is refused with a message (data
 * entry has to run in a client component). The environment never changes within one module graph, so each hook
 * is the same function on every render (the rules of hooks hold).
 */
import * as React from 'react';

type Hooks = typeof React;

/** Whether this runs with React's Server Components build (no useState, useRef or createContext). */
export const SERVER_COMPONENTS: boolean = typeof (React as Partial<Hooks>).useState !== 'function';

/** Thrown by a component asked for data entry inside a Server Component. */
export const EDITABLE_NEEDS_CLIENT: string =
  '@nianbao/react: `editable` (data entry) needs state, so it cannot run in a React Server Component. Render the ' +
  "table from a client component (a file starting with 'use client' that holds the report in state and passes " +
  '`values` and `onChange`); read-only tables need no client component.';

const serverUseState = <S>(initial: S | (() => S)): [S, (value: S | ((previous: S) => S)) => void] => [
  typeof initial === 'function' ? (initial as () => S)() : initial,
  () => {},
];
const serverUseRef = <T>(initial: T): { current: T } => ({ current: initial });

/** React's `useState`, or an inert stand-in in Server Components. */
export const useState: Hooks['useState'] = SERVER_COMPONENTS
  ? (serverUseState as Hooks['useState'])
  : React.useState;

/** React's `useRef`, or a plain object in Server Components. */
export const useRef: Hooks['useRef'] = SERVER_COMPONENTS ? (serverUseRef as Hooks['useRef']) : React.useRef;

/** A context: React's where there are contexts; in Server Components one that is never provided. */
export interface SafeContext<T> {
  readonly Provider: (props: { value: T; children?: React.ReactNode }) => React.ReactElement;
  use(): T;
}

/** `createContext` + `useContext`; in Server Components every `use()` returns the default. */
export function createSafeContext<T>(defaultValue: T): SafeContext<T> {
  if (SERVER_COMPONENTS) {
    return {
      Provider: ({ children }) => React.createElement(React.Fragment, null, children),
      use: () => defaultValue,
    };
  }
  const context = React.createContext(defaultValue);
  return {
    Provider: ({ value, children }) => React.createElement(context.Provider, { value }, children),
    use: () => React.useContext(context),
  };
}
