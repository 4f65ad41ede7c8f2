import {
  type CellAddress,
  type CellValue,
  formatCellValue,
  type LocalizedText,
  type ValueKind,
} from '@nianbao/model';
import {
  type ClipboardEvent,
  type KeyboardEvent,
  memo,
  type NamedExoticComponent,
  type ReactElement,
  type RefCallback,
  useCallback,
  useRef,
  useState,
} from 'react';
import { parseCellInput } from './format.js';
import { type Locale, localize, UI } from './messages.js';

/** Which way a key press moves the focus. */
export type Move = 'up' | 'down' | 'left' | 'right';

/** Props of one data-entry cell; primitive so `memo` skips every cell the user is not typing in. */
export interface CellInputProps {
  /** The cell's address, handed back with every change. */
  address: CellAddress;
  /** The input's DOM id; its messages take ids derived from it. */
  inputId: string;
  /** The cell's value from the controlled report (`null`: blank). */
  value: CellValue;
  /** Whether the cell takes whole counts or decimal amounts. */
  kind: ValueKind;
  /** The accessible name: the cell's statutory labels. */
  label: string;
  /** For a total cell: the value computed from the cells it sums, or `null` when that is unknown. */
  derived?: CellValue | undefined;
  /** Ids of descriptions (findings) outside the input. */
  describedBy?: string | undefined;
  /** A failing error-severity finding names this cell. */
  invalid: boolean;
  /** Language of the messages. */
  locale: Locale;
  /** Called with a new value once the text reads as one. */
  onCommit: (address: CellAddress, value: CellValue) => void;
  /** Called when a key asks to move the focus. */
  onMove: (from: CellAddress, move: Move) => void;
  /** Called with pasted text; returns true when it filled cells (the default paste is then prevented). */
  onPasteBlock: (from: CellAddress, text: string) => boolean;
  /** Registers the input so the table can move the focus to it. */
  inputRef: RefCallback<HTMLInputElement>;
}

/**
 * A numeric cell input. It keeps the typed text as its own state so no keystroke is lost (IME composition,
 * a half-typed `１２`, a rejected entry) and hands the parent a number or `null` only when the text reads as one.
 */
export const CellInput: NamedExoticComponent<CellInputProps> = memo(function CellInput(
  props: CellInputProps,
): ReactElement {
  const { address, inputId, value, kind, label, derived, locale } = props;
  const [text, setText] = useState(() => formatCellValue(value));
  const [error, setError] = useState<LocalizedText | null>(null);
  const [shown, setShown] = useState<CellValue>(value);
  const composing = useRef(false);
  const own = useRef<HTMLInputElement | null>(null);
  const { inputRef } = props;
  const ref = useCallback(
    (el: HTMLInputElement | null) => {
      own.current = el;
      inputRef(el);
    },
    [inputRef],
  );

  // A new value from outside (a paste elsewhere, a reset) replaces the text unless the text already says it.
  if (value !== shown) {
    setShown(value);
    const read = parseCellInput(text, kind);
    if (!(read.ok && read.value === value)) {
      setText(formatCellValue(value));
      setError(null);
    }
  }

  const commit = (next: string): void => {
    const read = parseCellInput(next, kind);
    if (!read.ok) {
      setError(read.message);
      return;
    }
    setError(null);
    if (read.value !== value) {
      setShown(read.value);
      props.onCommit(address, read.value);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (composing.current || event.nativeEvent.isComposing) return;
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    let move: Move | undefined;
    if (event.key === 'ArrowUp') move = 'up';
    else if (event.key === 'ArrowDown') move = 'down';
    else if (event.key === 'Enter') move = event.shiftKey ? 'up' : 'down';
    else if (event.key === 'ArrowLeft' && atStart) move = 'left';
    else if (event.key === 'ArrowRight' && atEnd) move = 'right';
    if (!move) return;
    event.preventDefault();
    props.onMove(address, move);
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>): void => {
    const data = event.clipboardData.getData('text/plain');
    if (props.onPasteBlock(address, data)) event.preventDefault();
  };

  const errorId = `${inputId}-error`;
  const derivedId = `${inputId}-derived`;
  const showDerived = derived !== undefined && derived !== null;
  const overridden = showDerived && value !== null && value !== derived;
  const describedBy = [props.describedBy, error ? errorId : undefined, showDerived ? derivedId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <input
        ref={ref}
        id={inputId}
        className="nb-input"
        type="text"
        inputMode={kind === 'amount' ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        aria-invalid={error !== null || props.invalid ? true : undefined}
        aria-describedby={describedBy || undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (!composing.current) commit(event.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(event) => {
          composing.current = false;
          commit(event.currentTarget.value);
        }}
        onFocus={(event) => event.currentTarget.select()}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      {showDerived && !overridden && (
        <span id={derivedId} className="nb-derived">
          <span aria-hidden="true">= </span>
          <span className="nb-sr-only">{localize(UI.derived, locale)} </span>
          {formatCellValue(derived)}
        </span>
      )}
      {overridden && (
        // An overridden total says so in words and offers the way back to the computed value.
        <span className="nb-derived nb-derived--overridden">
          <span id={derivedId}>
            {localize(UI.overridden, locale)} {formatCellValue(derived)}
          </span>
          <button
            type="button"
            className="nb-use-derived"
            onClick={() => {
              props.onCommit(address, derived ?? null);
              own.current?.focus();
            }}
          >
            {localize(UI.useDerived, locale)}
            <span className="nb-sr-only">
              {locale === 'en' ? ` (${formatCellValue(derived)}): ` : `（${formatCellValue(derived)}）：`}
              {label}
            </span>
          </button>
        </span>
      )}
      {error && (
        <span id={errorId} className="nb-input-error">
          <span aria-hidden="true">⚠ </span>
          {localize(error, locale)}
        </span>
      )}
    </>
  );
});
