import type { ProjectionConfig } from '../../platform/events/projection';
import { applyRegistryEventFacts } from './services/registry-projection';

/**
 * Support keeps more of the registry than the projection's facts (a person's name, card
 * holder, production mode; a household's station and relocation date): its own registry tables
 * take each batch of events through `applyRegistryFacts`, which also ends a removed person's
 * entitlements from the removal date and moves open verification entries with a household.
 */
export const SUPPORT_PROJECTION: ProjectionConfig = {
  householdRecords: [],
  afterApply: applyRegistryEventFacts,
};
