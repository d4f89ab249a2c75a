import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type AuthChecker, type NonEmptyArray } from 'type-graphql';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])';

export interface FederatedSchemaOptions<TContext extends object> {
  resolvers: NonEmptyArray<Function>;
  /** Types not reachable from a query, e.g. entity stubs this subgraph contributes fields to. */
  orphanedTypes?: Function[];
  /** `__resolveReference` (and other) resolvers per entity type name. */
  referenceResolvers?: GraphQLResolverMap<TContext>;
  authChecker?: AuthChecker<any>;
}

/**
 * One builder for every subgraph: type-graphql builds the schema, its SDL is printed with the
 * `@key` directives, the Federation 2 `@link` is prepended, and `buildSubgraphSchema` adds
 * `_entities`/`_service`. Returns the executable schema and the SDL (for composition).
 */
export async function buildFederatedSchema<TContext extends object>(options: FederatedSchemaOptions<TContext>): Promise<{ schema: GraphQLSchema; sdl: string }> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker: options.authChecker,
    authMode: 'error',
    skipCheck: true,
    validate: false,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphQLSchema)}`;
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<TContext>;
  for (const [typeName, extra] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(extra as object) } as GraphQLResolverMap<TContext>[string];
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  return { schema, sdl };
}
