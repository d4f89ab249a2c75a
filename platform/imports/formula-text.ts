/**
 * Text a spreadsheet would take for a formula (OWASP "CSV injection"): a cell beginning with
 * `=`, `+`, `-`, `@`, a tab or a carriage return. Files this platform writes prefix such text
 * with a single quote, so that Excel shows it as text; the reader takes the quote off again.
 */
const FORMULA_LEADING = /^[=+\-@\t\r]/;

export const looksLikeFormula = (text: string): boolean => FORMULA_LEADING.test(text);

/** Text as a CSV cell carries it safely: `'=1+2` for `=1+2`; numbers and other text unchanged. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** The inverse, for a cell read back: `'=1+2` → `=1+2` (then refused where a name is taken). */
export function unneutraliseFormula(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}
