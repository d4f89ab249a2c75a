import type { ProjectionConfig } from '../../platform/events/projection';

/**
 * Party-building records of a household carry its area (they follow it when it moves): its
 * place in a grid unit, its pairings, visits and cases; a case's transitions follow the case.
 * Grids, units, cadres, organisations and activities keep their own area.
 */
export const PARTY_BUILDING_PROJECTION: ProjectionConfig = {
  householdRecords: [{ table: 'household_unit' }, { table: 'cadre_pairing' }, { table: 'cadre_visit' }, { table: 'governance_case' }],
  afterMove: [
    `UPDATE {s}.case_transition t SET area_code = c.area_code, county_code = c.county_code FROM {s}.governance_case c
      WHERE c.id = t.case_id AND c.household_id = ANY ($1::uuid[]) AND (t.area_code <> c.area_code OR t.county_code <> c.county_code)`,
  ],
};
