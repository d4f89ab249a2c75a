import { inScope, rowLevelSecurityMigration } from '../../../platform/security/row-level-security';

export const TABLES = ['household_ref', 'land_parcel', 'original_house', 'resettlement_site', 'building', 'building_unit', 'flat', 'allocation'];

/** The serving role and its policies: every table by area; an allocation by its household's area or its flat's. */
export const LandHousingRowLevelSecurity1732900000000 = rowLevelSecurityMigration('LandHousingRowLevelSecurity1732900000000', {
  tables: TABLES,
  secured: TABLES.map((table) => (table === 'allocation' ? { table, using: `${inScope('area_code')} OR ${inScope('site_area_code')}` } : { table })),
  probes: TABLES.map((table) => ({ table, column: 'id', type: 'uuid' as const })),
});
