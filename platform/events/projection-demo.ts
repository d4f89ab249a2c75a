import type { EntityManager } from 'typeorm';
import { bulkInsertColumns } from '../db/bulk-insert-columns';
import type { RegistrySnapshot } from '../demo/registry-snapshot';

/**
 * A demo load's projection, from the same registry snapshot the households subgraph loads
 * (at sequence 0: the registration events the registry wrote for it then bring every row to
 * its event's sequence, changing no fact). Call inside the demo load's transaction.
 */
export async function loadDemoProjection(manager: EntityManager, registry: RegistrySnapshot): Promise<void> {
  await bulkInsertColumns(manager, 'household_ref', registry.households.map((h) => ({ id: h.id, area_code: h.area_code, county_code: h.county_code, status: h.relocated_on ? 'RELOCATED' : 'REGISTERED' })));
  await bulkInsertColumns(manager, 'person_ref', registry.persons.map((p) => ({
    id: p.id, household_id: p.household_id, area_code: p.area_code, county_code: p.county_code, birth_date: p.birth_date, status: 'ACTIVE',
  })));
}
