import type { SheetImport } from '../../shared/import-engine';
import type { Scope } from '../../shared/scope';
import type { SheetFormat } from '../../shared/sheet-format';
import { householdsImport, HOUSEHOLDS_SHEET } from './households.sheet';
import { RegistrySheet } from './import.enums';
import { personsImport, PERSONS_SHEET } from './persons.sheet';

/** The sheets this subgraph imports and exports: their format and their import. */
export const SHEETS: Record<RegistrySheet, { format: SheetFormat; importer(scope: Scope): SheetImport<unknown> }> = {
  [RegistrySheet.HOUSEHOLDS]: { format: HOUSEHOLDS_SHEET, importer: householdsImport as (scope: Scope) => SheetImport<unknown> },
  [RegistrySheet.PERSONS]: { format: PERSONS_SHEET, importer: personsImport as (scope: Scope) => SheetImport<unknown> },
};

/** `households` / `persons` (file and route names) → the sheet; undefined for any other name. */
export function sheetNamed(name: string): RegistrySheet | undefined {
  return Object.values(RegistrySheet).find((s) => SHEETS[s].format.name === name.toLowerCase());
}
