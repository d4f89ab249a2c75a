import type { EmploymentContext } from './employment.context';

const ref = <K extends keyof EmploymentContext['loaders']>(loader: K) => ({
  __resolveReference: (r: { id: string }, ctx: EmploymentContext) => (ctx.loaders[loader] as { load(id: string): Promise<unknown> }).load(r.id),
});

/**
 * `__resolveReference` for the entities this subgraph owns (batched and scoped through the
 * loaders), and for the households subgraph's entities it contributes fields to: those return
 * the reference itself, their contributed fields load through per-request loaders.
 */
export const employmentReferences = {
  LabourStatusRecord: ref('labourStatus'),
  Employer: ref('employer'),
  EmploymentPlacement: ref('placement'),
  JobTrainingCourse: ref('course'),
  JobTrainingSession: ref('session'),
  JobTrainingEnrolment: ref('enrolment'),
  HouseholdIncomeSurvey: ref('incomeSurvey'),
  Person: { __resolveReference: (r: { id: string }) => ({ id: r.id }) },
  Household: { __resolveReference: (r: { id: string }) => ({ id: r.id }) },
  AdminArea: { __resolveReference: (r: { code: string }) => ({ code: r.code }) },
};
