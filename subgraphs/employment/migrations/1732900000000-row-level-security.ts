import { inScope, isAncestor, rowLevelSecurityMigration } from '../../../platform/security/row-level-security';

export const TABLES = ['labour_status', 'employer', 'placement', 'training_course', 'training_session', 'training_enrolment', 'income_survey'];
/** Employers, courses and sessions serve their area and everything below it. */
const SHARED = new Set(['employer', 'training_course', 'training_session']);

/**
 * The serving role and its policies: records about people by area; employers, courses and
 * sessions also from the areas above the jurisdiction (read only: written inside it).
 */
export const EmploymentRowLevelSecurity1732900000000 = rowLevelSecurityMigration('EmploymentRowLevelSecurity1732900000000', {
  tables: TABLES,
  secured: TABLES.map((table) =>
    SHARED.has(table) ? { table, using: `${inScope('area_code')} OR ${isAncestor('area_code')}`, check: inScope('area_code') } : { table },
  ),
  probes: [
    ...TABLES.map((table) => ({ table, column: 'id', type: 'uuid' as const })),
    { table: 'labour_status', column: 'person_id', type: 'uuid' },
    { table: 'labour_status', column: 'household_id', type: 'uuid' },
    { table: 'income_survey', column: 'household_id', type: 'uuid' },
  ],
});
