import { areaReference } from '../../platform/graphql/references';
import type { SupportContext } from './support.context';

const ref = <K extends 'cycle' | 'line' | 'verification' | 'verificationEntry' | 'project'>(loader: K) => ({
  __resolveReference: (r: { id: string }, ctx: SupportContext) => ctx.loaders[loader].load(r.id),
});

/**
 * `__resolveReference` for the entities this subgraph owns (batched and scoped through the
 * loaders), and for the households subgraph's entities it contributes fields to: a person or
 * household outside the jurisdiction is FORBIDDEN (one batched statement each); otherwise the
 * reference itself, whose contributed fields load through per-request loaders. A person this
 * subgraph has not heard of yet has no entitlements, payments or card (empty, not an error).
 */
export const supportReferences = {
  SupportPaymentCycle: ref('cycle'),
  SupportPaymentLine: ref('line'),
  SupportVerification: ref('verification'),
  SupportVerificationEntry: ref('verificationEntry'),
  SupportProject: ref('project'),
  Person: {
    __resolveReference: async (r: { id: string }, ctx: SupportContext) => {
      await ctx.loaders.person.load(r.id);
      return { id: r.id };
    },
  },
  Household: {
    __resolveReference: async (r: { id: string }, ctx: SupportContext) => {
      await ctx.loaders.household.load(r.id);
      return { id: r.id };
    },
  },
  AdminArea: { __resolveReference: async (r: { code: string }, ctx: SupportContext) => ({ code: await areaReference(ctx.scope, r.code) }) },
};
