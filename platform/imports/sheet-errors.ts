import type { ImportLimits } from '../config';

/** A problem with the file as a whole (encoding, kind, header row, a limit): nothing in it can be read. */
export class SheetFileError extends Error {
  constructor(readonly column: string | null, readonly value: string | null, readonly zh: string, readonly en: string) {
    super(en);
  }
}

/** Each limit's environment variable, which the messages name. */
export const LIMIT_SETTINGS: Record<keyof ImportLimits, string> = {
  maxRows: 'IMPORT_MAX_ROWS',
  maxColumns: 'IMPORT_MAX_COLUMNS',
  maxCellChars: 'IMPORT_MAX_CELL_CHARS',
  maxUnzippedBytes: 'IMPORT_MAX_UNZIPPED_MB',
  maxSharedStringsBytes: 'IMPORT_MAX_SHARED_STRINGS_MB',
  maxStoredProblems: 'IMPORT_MAX_STORED_PROBLEMS',
  maxBlankRows: 'IMPORT_MAX_BLANK_ROWS',
};

/** A file over one of the limits: refused at once, naming the limit (its setting) and the file's figure. */
export class SheetLimitError extends SheetFileError {
  constructor(readonly limit: keyof ImportLimits, figure: string, zh: string, en: string) {
    super(null, figure, `${zh}（${LIMIT_SETTINGS[limit]}）`, `${en} (${LIMIT_SETTINGS[limit]})`);
  }
}

/** Longest value a problem shows or stores of a cell. */
export const SHOWN_VALUE_CHARS = 200;

/** A value as problems show it: whole when short, else its start and its length. */
export function cutValue(value: string, max = SHOWN_VALUE_CHARS): string {
  if (value.length <= max) return value;
  return `${value.slice(0, max)}…（共 ${value.length.toLocaleString('en')} 字 · ${value.length.toLocaleString('en')} characters）`;
}

/** `3,000` */
export const figure = (n: number): string => n.toLocaleString('en');

/** `64 MB` */
export const megabytes = (bytes: number): string => `${figure(Math.round(bytes / (1024 * 1024)))} MB`;
