/*
 * The state and refs this package needs, usable where React has none: React Server Components (the `react-server`
 * build of React, which a Server Component in a Next.js app runs with) have no state, refs or context. There the
 * read-only components render once to HTML and need none: data entry's state and refs get inert stand-ins, and
 * `editable` is refused with a message (data entry has to run in a client component). The environment never
 * changes within one module graph, so each hook is the same function on every render (the rules of hooks hold).
 */
import * as React from 'react';

/** Whether this runs with React's Server Components build (no useState, useRef or createContext). */
export const SERVER_COMPONENTS: boolean = typeof (React as Partial<typeof React>).useState !== 'function';

/** Thrown by a component asked for data entry inside a Server Component. */
export const EDITABLE_NEEDS_CLIENT: string =
  "@nianbao/react: `editable` needs state: render it from a 'use client' component, not a Server Component";

/** React's `useState`, or an inert stand-in in Server Components. */
export const useState: typeof React.useState =
  React.useState ?? (((initial: unknown) => [initial, () => {}]) as unknown as typeof React.useState);

/** React's `useRef`, or a plain object in Server Components. */
export const useRef: typeof React.useRef =
  React.useRef ?? (((current: unknown) => ({ current })) as unknown as typeof React.useRef);
