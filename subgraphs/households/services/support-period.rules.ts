import { SupportCohort } from '../households.enums';

const SUPPORT_CUTOFF = '2006-06-30';
const EXISTING_START = '2006-07-01';
const SUPPORT_YEARS = 20;

/**
 * Post-relocation support (国发〔2006〕17号): people moved by 30 June 2006 are 现状人口, supported
 * from 1 July 2006; people moved later are 原迁人口, supported for 20 years from the day their
 * move was completed. `supportEnd` is the last day of support.
 */
export function supportPeriod(relocatedOn: string | null): {
  supportCohort: SupportCohort | null;
  supportStart: string | null;
  supportEnd: string | null;
} {
  if (!relocatedOn) return { supportCohort: null, supportStart: null, supportEnd: null };
  const existing = relocatedOn <= SUPPORT_CUTOFF;
  const start = existing ? EXISTING_START : relocatedOn;
  const end = new Date(`${start}T00:00:00Z`);
  end.setUTCFullYear(end.getUTCFullYear() + SUPPORT_YEARS);
  end.setUTCDate(end.getUTCDate() - 1);
  return {
    supportCohort: existing ? SupportCohort.EXISTING : SupportCohort.ORIGINAL,
    supportStart: start,
    supportEnd: end.toISOString().slice(0, 10),
  };
}
