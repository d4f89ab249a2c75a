import { defineSheet, RegistrySheet, type SubgraphSheets } from '../../../platform/imports/registry-sheets';
import { Role } from '../../../platform/security/identity';
import { OFFICERS } from '../resolvers/roles';
import { exportBankPayments, exportPublication, exportRemovals, exportSubsidyCards, exportVerification } from '../services/export.service';
import { BANK_PAYMENTS_SHEET } from './bank-payments.sheet';
import { bankReturnsImport, BANK_RETURNS_SHEET } from './bank-returns.sheet';
import { PUBLICATION_SHEET } from './publication.sheet';
import { REMOVALS_SHEET } from './removals.sheet';
import { subsidyCardsImport, SUBSIDY_CARDS_SHEET } from './subsidy-cards.sheet';
import { verificationImport, VERIFICATION_SHEET } from './verification.sheet';

/** Who may import the support sheets: the offices, and for the verification list community workers inside their groups. */
export const SUPPORT_IMPORT_ROLES = [Role.PREFECTURE_OFFICER, Role.COUNTY_OFFICER, Role.COMMUNITY_WORKER];

/** The files this subgraph imports and exports (docs/support.md, "Files"). */
export const SUPPORT_SHEETS: SubgraphSheets = {
  [RegistrySheet.SUPPORT_VERIFICATION]: defineSheet({ format: VERIFICATION_SHEET, importer: verificationImport, importRoles: SUPPORT_IMPORT_ROLES, rows: exportVerification }),
  [RegistrySheet.BANK_PAYMENTS]: defineSheet({ format: BANK_PAYMENTS_SHEET, rows: exportBankPayments }),
  [RegistrySheet.BANK_RETURNS]: defineSheet({ format: BANK_RETURNS_SHEET, importer: bankReturnsImport }),
  [RegistrySheet.SUPPORT_PUBLICATION]: defineSheet({ format: PUBLICATION_SHEET, rows: exportPublication }),
  [RegistrySheet.SUPPORT_REMOVALS]: defineSheet({ format: REMOVALS_SHEET, rows: exportRemovals }),
  [RegistrySheet.SUBSIDY_CARDS]: defineSheet({ format: SUBSIDY_CARDS_SHEET, importer: subsidyCardsImport, importRoles: OFFICERS, rows: exportSubsidyCards }),
};
