import type { ApolloServerPlugin } from '@apollo/server';
import {
  isUnionType, Kind, valueFromASTUntyped, type GraphQLSchema, type SelectionSetNode, type FragmentDefinitionNode, type ObjectTypeDefinitionNode, type StringValueNode,
} from 'graphql';
import { badInput, type FieldProblem } from './errors';
import { isAreaCodeShape, isUuid, normalizeAreaCode } from './validation';

/** What a key field of each name holds in this graph: `id` keys are UUIDs, `code` keys area codes. */
const KEY_SHAPES: Record<string, (value: string) => boolean> = {
  id: isUuid,
  code: (value) => isAreaCodeShape(normalizeAreaCode(value)),
};

/** The key fields of each entity type of a subgraph schema (`@key(fields: "…")`, one set per key). */
function entityKeys(schema: GraphQLSchema): Map<string, string[][]> {
  const keys = new Map<string, string[][]>();
  const union = schema.getType('_Entity');
  if (!isUnionType(union)) return keys;
  for (const type of union.getTypes()) {
    const directives = (type.astNode as ObjectTypeDefinitionNode | undefined)?.directives ?? [];
    const sets = directives
      .filter((d) => d.name.value === 'key')
      .map((d) => (d.arguments?.find((a) => a.name.value === 'fields')?.value as StringValueNode | undefined)?.value.split(/\s+/).filter(Boolean) ?? []);
    keys.set(type.name, sets);
  }
  return keys;
}

/** What is wrong with one representation, if anything. */
function problemOf(representation: unknown, at: string, keys: Map<string, string[][]>): FieldProblem | undefined {
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
    return { field: at, zh: `${at} 须为对象`, en: `${at} must be an object` };
  }
  const { __typename: typename, ...fields } = representation as Record<string, unknown>;
  const sets = typeof typename === 'string' ? keys.get(typename) : undefined;
  if (!sets) return { field: `${at}.__typename`, zh: `${at}.__typename 不是本子图的实体类型`, en: `${at}.__typename is not an entity type of this subgraph` };
  const bad = (name: string) => {
    const value = fields[name];
    return typeof value !== 'string' || !(KEY_SHAPES[name]?.(value) ?? value.length > 0);
  };
  if (sets.some((set) => set.every((name) => !bad(name)))) return undefined;
  const name = sets[0]?.find(bad) ?? '';
  return { field: `${at}.${name}`, zh: `${at}.${name} 不是有效的键值`, en: `${at}.${name} is not a valid key` };
}

/**
 * A subgraph's `_entities` takes representations as `_Any`: no type checks them. Each must be
 * an object naming one of this subgraph's entity types, with its key fields of the right shape;
 * otherwise the request is refused (HTTP 400 BAD_USER_INPUT) before any reference resolver
 * reaches the database. The gateway only ever sends well-formed ones; this holds for direct calls.
 */
export function representationsPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  const keys = entityKeys(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
          const problems: FieldProblem[] = [];
          const visit = (set: SelectionSetNode, seen: Set<string>) => {
            for (const selection of set.selections) {
              if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
              else if (selection.kind === Kind.FRAGMENT_SPREAD) {
                const fragment = fragments.get(selection.name.value);
                if (fragment && !seen.has(fragment.name.value)) visit(fragment.selectionSet, new Set([...seen, fragment.name.value]));
              } else if (selection.name.value === '_entities') {
                const argument = selection.arguments?.find((a) => a.name.value === 'representations');
                const value = argument ? valueFromASTUntyped(argument.value, request.variables ?? {}) : undefined;
                const list = Array.isArray(value) ? value : [value];
                list.forEach((representation, i) => {
                  const problem = problemOf(representation, `representations[${i}]`, keys);
                  if (problem) problems.push(problem);
                });
              }
            }
          };
          visit(operation.selectionSet, new Set());
          if (problems.length) throw badInput(problems, 400);
        },
      };
    },
  };
}
