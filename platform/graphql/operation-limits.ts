import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type ASTVisitor, type ParseOptions, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { DEFAULT_LIMITS, type OperationLimits } from '../config';
import { badRequest } from './errors';

/** Characters no text column can hold: NUL (PostgreSQL refuses it) and lone surrogates (not Unicode text). */
export const INVALID_IN_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `U+0000` for the character at the start of `text`. */
export function codePoint(text: string): string {
  return `U+${text.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const message = (zh: string, en: string) => `${zh} · ${en}`;

function limitError(zh: string, en: string): GraphQLError {
  return new GraphQLError(message(zh, en), { extensions: { messageZh: zh, messageEn: en } });
}

/** graphql-armor's refusal, reported as a validation error (HTTP 400) in both languages instead of thrown (HTTP 500). */
function report(zh: (limit: number, found: string) => string, limit: number): { onReject: GraphQLArmorRejectCallback[]; propagateOnRejection: false } {
  return {
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const found = /found (\d+(?:\.\d+)?)/.exec(error.message)?.[1] ?? '?';
        context?.reportError(limitError(zh(limit, found), error.message.replace(/^Syntax Error: /, '')));
      },
    ],
  };
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Introspection's own depth and breadth: each `__schema` / `__type` selection at most `maxDepth`
 * fields deep (the depth and cost limits leave introspection out: GraphiQL's query is 15 deep),
 * and at most `maxFields` of them in one operation.
 */
function introspectionLimitsRule(maxDepth: number, maxFields: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const depthOf = (set: SelectionSetNode, seen: Set<string>): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, seen) : 0));
        else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        else if (!seen.has(selection.name.value)) {
          const fragment: FragmentDefinitionNode | undefined | null = context.getFragment(selection.name.value);
          if (fragment) deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, selection.name.value])));
        }
      }
      return deepest;
    };
    const roots = (set: SelectionSetNode, seen: Set<string>, found: SelectionSetNode[] = []): SelectionSetNode[] => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (INTROSPECTION_ROOTS.has(selection.name.value)) found.push({ kind: Kind.SELECTION_SET, selections: [selection] });
        } else if (selection.kind === Kind.INLINE_FRAGMENT) roots(selection.selectionSet, seen, found);
        else if (!seen.has(selection.name.value)) {
          const fragment = context.getFragment(selection.name.value);
          if (fragment) roots(fragment.selectionSet, new Set([...seen, selection.name.value]), found);
        }
      }
      return found;
    };
    return {
      OperationDefinition(operation) {
        const found = roots(operation.selectionSet, new Set());
        if (found.length > maxFields) {
          context.reportError(limitError(`内省字段过多：${found.length} 个，上限 ${maxFields}`, `Too many introspection fields: ${found.length}, limit ${maxFields}`));
        }
        const depth = Math.max(0, ...found.map((root) => depthOf(root, new Set())));
        if (depth > maxDepth) {
          context.reportError(limitError(`内省查询深度 ${depth}，超过上限 ${maxDepth}`, `Introspection depth limit of ${maxDepth} exceeded, found ${depth}`));
        }
      },
    };
  };
}

/** String literals in the document hold only characters a text column can: no NUL written as `\u0000`, no lone surrogate. */
const textLiteralsRule: ValidationRule = (context) => ({
  StringValue(node) {
    const bad = INVALID_IN_TEXT.exec(node.value);
    if (bad) {
      context.reportError(new GraphQLError(message(`字符串含不可存储的字符 ${codePoint(bad[0])}`, `A string holds the character ${codePoint(bad[0])}, which no text can hold`), {
        nodes: [node],
        extensions: { messageZh: `字符串含不可存储的字符 ${codePoint(bad[0])}`, messageEn: `A string holds the character ${codePoint(bad[0])}, which no text can hold` },
      }));
    }
  },
});

/**
 * A document of several operations needs `operationName`, and it must name one of them
 * (GraphQL over HTTP: 400). Refused before anything is planned or run.
 */
const operationChoicePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request, document }) {
        if (operation) return;
        const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : []));
        if (request.operationName) {
          throw badRequest(`文档中没有名为 ${request.operationName} 的操作（有：${names.join('、')}）`, `No operation named ${request.operationName} in the document (it has: ${names.join(', ')})`, { field: 'operationName' });
        }
        throw badRequest(`文档含 ${names.length} 个操作，须以 operationName 指明执行哪一个`, `The document holds ${names.length} operations: say which to run with operationName`, { field: 'operationName' });
      },
    };
  },
};

/**
 * Operation limits, checked while the document is parsed and validated, so that a refused
 * operation never reaches a resolver or the database: tokens (graphql-js's parser), depth,
 * aliases (`__typename` included), cost and directives (graphql-armor), introspection depth and
 * breadth, characters in string literals, and which operation to run. The document's size in
 * characters, and the request's shape, are checked before parsing (`request-guard.ts`).
 * Every refusal is HTTP 400 with a coded, bilingual error. Batched HTTP requests and automatic
 * persisted queries stay off.
 */
export function operationLimits(limits: OperationLimits = DEFAULT_LIMITS): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  allowBatchedHttpRequests: false;
  persistedQueries: false;
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, ...report((n, found) => `查询深度 ${found}，超过上限 ${n}`, limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, allowList: [], ...report((n, found) => `别名 ${found} 个，超过上限 ${n}（含 __typename）`, limits.maxAliases) },
    // tokens are counted by graphql-js's own parser (parseOptions): the armor's re-parse answers HTTP 500
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...report((n, found) => `查询代价 ${found}，超过上限 ${n}`, limits.maxCost) },
    maxDirectives: { n: limits.maxDirectives, ...report((n, found) => `指令 ${found} 个，超过上限 ${n}`, limits.maxDirectives) },
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: [operationChoicePlugin, ...plugins],
    validationRules: [...validationRules, introspectionLimitsRule(limits.maxIntrospectionDepth, limits.maxIntrospectionFields), textLiteralsRule],
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
    // automatic persisted queries: an unbounded cache of documents anyone may fill, and no client here uses them
    persistedQueries: false,
  };
}
