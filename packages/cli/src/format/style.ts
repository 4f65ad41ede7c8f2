/**
 * Terminal styling. Colour is decoration only: every state it marks is also spelled out by a symbol and a
 * word (GB/T 37668, WCAG 1.4.1), so the plain style loses no information.
 */
export interface Style {
  /** Whether ANSI escapes are emitted. */
  readonly color: boolean;
  /** Errors and NOT OK. */
  red(text: string): string;
  /** Warnings and uncertain findings. */
  yellow(text: string): string;
  /** Info. */
  cyan(text: string): string;
  /** OK. */
  green(text: string): string;
  /** Headings. */
  bold(text: string): string;
  /** Secondary detail (statute labels, the second language). */
  dim(text: string): string;
}

const identity = (text: string): string => text;

function sgr(open: number, close: number): (text: string) => string {
  return (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);
}

/** A style that returns its input unchanged. */
export const plainStyle: Style = {
  color: false,
  red: identity,
  yellow: identity,
  cyan: identity,
  green: identity,
  bold: identity,
  dim: identity,
};

/** A style with ANSI colours. */
export const colorStyle: Style = {
  color: true,
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
  green: sgr(32, 39),
  bold: sgr(1, 22),
  dim: sgr(2, 22),
};

/**
 * Colour when the stream is a terminal and `NO_COLOR` is unset or empty (https://no-color.org); plain
 * otherwise, so pipes, files and CI logs get no escape codes.
 */
export function styleFor(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): Style {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return stream.isTTY === true && !noColor ? colorStyle : plainStyle;
}

/** Removes ANSI SGR escapes, e.g. to measure or compare styled text. */
export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape character is the point.
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
