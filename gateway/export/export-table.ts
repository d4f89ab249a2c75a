import {
  getNamedType, isEnumType, isListType, isNonNullType, isObjectType, Kind, parse,
  type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type GraphQLType, type SelectionSetNode,
} from 'graphql';

/** One column of an export: where its value is in a row, and its Chinese header. */
export interface Column {
  header: string;
  path: string[];
  /** Enum values of the column's type → their Chinese labels. */
  labels?: Map<string, string>;
}

export interface Table {
  columns: Column[];
  rows: Record<string, unknown>[];
}

/**
 * The Chinese part of an "English · 中文" description (the whole text when there is none),
 * without a trailing note: a bracketed phrase with a comma (`身份证号（按需脱敏，完整读取留痕）`
 * heads its column `身份证号`), while a name's own brackets stay (`县（区、市）`).
 */
export function chinese(description: string | null | undefined, fallback: string): string {
  if (!description) return fallback;
  const parts = description.split(' · ');
  return parts[parts.length - 1].replace(/（[^（）]*，[^（）]*）$/, '').trim() || fallback;
}

interface Selected {
  key: string;
  field: GraphQLField<unknown, unknown>;
  selectionSet?: SelectionSetNode;
}

/** The fields a selection set selects on `type`, fragments spread in, in document order. */
function selected(schema: GraphQLSchema, type: GraphQLNamedType, set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): Selected[] {
  if (!isObjectType(type)) return [];
  const out: Selected[] = [];
  for (const node of set.selections) {
    if (node.kind === Kind.FIELD) {
      const field = type.getFields()[node.name.value];
      if (field && !out.some((s) => s.key === (node.alias ?? node.name).value)) out.push({ key: (node.alias ?? node.name).value, field, selectionSet: node.selectionSet });
    } else {
      const fragment = node.kind === Kind.INLINE_FRAGMENT ? node : fragments.get(node.name.value);
      if (fragment) out.push(...selected(schema, type, fragment.selectionSet, fragments));
    }
  }
  return out;
}

const isList = (type: GraphQLType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

function leafColumns(schema: GraphQLSchema, type: GraphQLNamedType, set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, path: string[], header: string[]): Column[] {
  return selected(schema, type, set, fragments).flatMap(({ key, field, selectionSet }) => {
    const named = getNamedType(field.type);
    const here = [...header, chinese(field.description, key)];
    if (selectionSet) return leafColumns(schema, named, selectionSet, fragments, [...path, key], here);
    const labels = isEnumType(named) ? new Map(named.getValues().map((v) => [v.value as string, chinese(v.description, v.name)])) : undefined;
    return [{ header: here.join('/'), path: [...path, key], labels }];
  });
}

/**
 * The first list in a result (`nodes` of a page, `rows` of a statistics table, or any list of
 * objects), found in the order the operation selects fields, with one column per scalar it
 * selects below it, headed by the Chinese part of the field's description.
 */
export function firstList(schema: GraphQLSchema, query: string, operationName: string | undefined, data: Record<string, unknown>): Table | null {
  const document = parse(query);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => !operationName || o.name?.value === operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;

  const search = (type: GraphQLNamedType, set: SelectionSetNode, value: unknown): Table | null => {
    if (!value || typeof value !== 'object') return null;
    for (const { key, field, selectionSet } of selected(schema, type, set, fragments)) {
      const inner = (value as Record<string, unknown>)[key];
      if (!selectionSet || inner === null || inner === undefined) continue;
      const named = getNamedType(field.type);
      if (isList(field.type)) return { columns: leafColumns(schema, named, selectionSet, fragments, [], []), rows: inner as Record<string, unknown>[] };
      const found = search(named, selectionSet, inner);
      if (found) return found;
    }
    return null;
  };
  return search(root, operation.selectionSet, data);
}

/** A cell's value: nested lists joined with 、, enums as their Chinese label, booleans 是/否. */
export function cellValue(row: unknown, column: Column): string | number | null {
  let values: unknown[] = [row];
  for (const key of column.path) {
    values = values.flatMap((v) => (v && typeof v === 'object' ? [(v as Record<string, unknown>)[key]] : [])).flatMap((v) => (Array.isArray(v) ? v : [v]));
  }
  const shown = values
    .filter((v) => v !== null && v !== undefined)
    .map((v) => (typeof v === 'boolean' ? (v ? '是' : '否') : column.labels?.get(String(v)) ?? v));
  if (shown.length === 0) return null;
  if (shown.length === 1 && typeof shown[0] === 'number') return shown[0];
  return shown.map(String).join('、');
}
