import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { DEFAULT_LIMITS, type OperationLimits } from '../config';

/**
 * Depth, alias, token, cost and directive limits (graphql-armor), checked while the document is
 * parsed and validated: a refused operation never reaches a resolver or the database.
 * Batched HTTP requests stay off.
 */
export function operationLimits(limits: OperationLimits = DEFAULT_LIMITS): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  allowBatchedHttpRequests: false;
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules, allowBatchedHttpRequests: false };
}
