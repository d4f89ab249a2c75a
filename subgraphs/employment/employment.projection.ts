import type { ProjectionConfig } from '../../platform/events/projection';

/** Employment records of a household's members carry its area (they follow it when it moves); a labour-status record keeps the person's birth date. */
export const EMPLOYMENT_PROJECTION: ProjectionConfig = {
  householdRecords: [{ table: 'labour_status' }, { table: 'placement' }, { table: 'training_enrolment' }, { table: 'income_survey' }],
  afterPersonChange: [
    `UPDATE {s}.labour_status l SET birth_date = p.birth_date FROM {s}.person_ref p
      WHERE p.id = l.person_id AND p.id = ANY ($1::uuid[]) AND l.birth_date <> p.birth_date`,
  ],
};
