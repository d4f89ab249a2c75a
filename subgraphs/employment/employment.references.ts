import { areaReference } from '../../platform/graphql/references';
import type { EmploymentContext } from './employment.context';

const ref = <K extends keyof EmploymentContext['loaders']>(loader: K) => ({
  __resolveReference: (r: { id: string }, ctx: EmploymentContext) => (ctx.loaders[loader] as { load(id: string): Promise<unknown> }).load(r.id),
});

/**
 * `__resolveReference` for the entities this subgraph owns (batched and scoped through the
 * loaders), and for the households subgraph's entities it contributes fields to: a person or
 * household with records outside the jurisdiction is FORBIDDEN (one batched statement each);
 * otherwise the reference itself, whose contributed fields load through per-request loaders.
 */
export const employmentReferences = {
  LabourStatusRecord: ref('labourStatus'),
  Employer: ref('employer'),
  EmploymentPlacement: ref('placement'),
  JobTrainingCourse: ref('course'),
  JobTrainingSession: ref('session'),
  JobTrainingEnrolment: ref('enrolment'),
  HouseholdIncomeSurvey: ref('incomeSurvey'),
  Person: {
    __resolveReference: async (r: { id: string }, ctx: EmploymentContext) => {
      await ctx.loaders.labourStatusOfPerson.load(r.id);
      return { id: r.id };
    },
  },
  Household: {
    __resolveReference: async (r: { id: string }, ctx: EmploymentContext) => {
      await ctx.loaders.householdLabour.load(r.id);
      return { id: r.id };
    },
  },
  AdminArea: { __resolveReference: async (r: { code: string }, ctx: EmploymentContext) => ({ code: await areaReference(ctx.scope, r.code) }) },
};
