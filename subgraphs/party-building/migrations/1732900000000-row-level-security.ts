import { inScope, isAncestor, rowLevelSecurityMigration, type KeyProbe } from '../../../platform/security/row-level-security';

export const TABLES = [
  'party_organisation', 'grid', 'grid_unit', 'household_unit', 'cadre', 'cadre_pairing', 'cadre_visit', 'party_activity', 'governance_case', 'case_transition',
];

/** The key columns the owner-run probe answers for (later migrations add to them). */
export const PARTY_BUILDING_PROBES: KeyProbe[] = [
  ...TABLES.filter((t) => t !== 'household_unit').map((table) => ({ table, column: 'id', type: 'uuid' as const })),
  { table: 'household_unit', column: 'household_id', type: 'uuid' },
];

/**
 * The serving role and its policies: every table by area; party organisations also from the
 * areas above the jurisdiction (a new branch names its parent committee), written inside it only.
 */
export const PartyBuildingRowLevelSecurity1732900000000 = rowLevelSecurityMigration('PartyBuildingRowLevelSecurity1732900000000', {
  tables: TABLES,
  secured: TABLES.map((table) =>
    table === 'party_organisation' ? { table, using: `${inScope('area_code')} OR ${isAncestor('area_code')}`, check: inScope('area_code') } : { table },
  ),
  probes: PARTY_BUILDING_PROBES,
});
