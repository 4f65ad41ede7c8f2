import type { CellAddress, Finding, LocalizedText, Report } from '@nianbao/model';
import type { NoteCode } from './notes.js';

/** What the input is: plain text (including pdftotext and TAB/pipe rows), HTML, markdown, or guess. */
export type ImportKind = 'text' | 'html' | 'markdown' | 'auto';

/** Options of `importReport`. */
export interface ImportOptions {
  /** How to read the input. @default 'auto' */
  kind?: ImportKind;
  /**
   * What to do with a run of digits that several readings explain equally well: `best` keeps the most
   * plausible reading (and reports every candidate in an `ambiguous-run` note), `null` leaves the cells blank.
   * @default 'best'
   */
  ambiguous?: 'best' | 'null';
  /**
   * What the caller knows when the text does not say it (an excerpt without its title): used only where the
   * text states no year / agency; what the text states wins. Without either, an import lacking them fails.
   */
  meta?: { agency?: string; year?: number };
}

/** The stable code of a reading note: the keys of the notes catalogue (`notes.ts`). */
export type { NoteCode } from './notes.js';

/** One thing the importer wants a person to know about how it read the input. */
export interface ImportNote {
  /** Stable code, e.g. `format-legacy`. */
  code: NoteCode;
  /** `warning` when a value may be wrong or is missing; `info` when the reading is sure but worth knowing. */
  severity: 'warning' | 'info';
  /** The cells the note is about (may be empty). */
  cells: CellAddress[];
  /** What happened, in Chinese and English. */
  message: LocalizedText;
  /** For `ambiguous-run`: every reading that survived, one array of values per candidate. */
  candidates?: number[][];
  /** 1-based line of the input the note refers to, when known. */
  line?: number;
}

/** How each of the 200 statutory cells was obtained. */
export interface ImportConfidence {
  /** Cells whose row and column were identified by their labels and whose value was printed as such. */
  read: CellAddress[];
  /** Cells whose value was printed but placed by inference: by row order where the label was lost, or by splitting a run of digits. */
  inferred: CellAddress[];
  /** Cells the input does not give (blank, `/`, absent): their value is `null`. */
  missing: CellAddress[];
}

/** What the layouts of the input were, as detected (`pdf`: a grid rebuilt from a PDF's geometry). */
export type LayoutName =
  | 'html'
  | 'pdf'
  | 'tsv'
  | 'pipe'
  | 'pdftotext'
  | 'cell-per-line'
  | 'run-together'
  | 'spaced';

/** The result of `importReport`. Never thrown: bad input gives `ok: false`. */
export type ImportResult =
  | {
      ok: true;
      /** The report read from the input (formatVersion "2021"; cells the input does not give are `null`). */
      report: Report;
      /** `checkReport(report)`. */
      findings: Finding[];
      confidence: ImportConfidence;
      /** How the input was read: legacy format, ambiguous digit runs, cell notes, missing parts… */
      notes: ImportNote[];
      /** The detected layout of each table. */
      layouts: Partial<Record<'t2' | 't3' | 't4', LayoutName>>;
    }
  | {
      ok: false;
      /** Why nothing could be imported (empty, binary, too large, no tables). */
      notes: ImportNote[];
    };
