import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  Kind,
  parse,
  print,
  printSchema,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
  type TypeNode,
} from 'graphql';
import { projectRoot } from '../platform/config';

/**
 * The partner contract: the part of the graph partner bureaus may use, derived from the
 * operations the platform offers them (`schema/partner-operations/*.graphql`, registered for a
 * partner with `npm run clients -- allow`). It holds exactly what those operations need: the
 * fields and arguments they select or pass (and every required argument), the input fields their
 * literals set, the types those reach; enums whole (a partner may receive any value), and input
 * types whole where an operation takes one as a variable (its caller may set any of its fields).
 */

export const PARTNER_OPERATIONS_DIR = path.join(projectRoot(), 'schema', 'partner-operations');

export interface PartnerOperation {
  name: string;
  text: string;
}

/** The committed partner operations, by file name. */
export function partnerOperations(dir = PARTNER_OPERATIONS_DIR): PartnerOperation[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ name: file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

/** The API schema of a composed supergraph, as clients see it (no federation machinery). */
export function apiSchema(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

function namedTypeOf(node: TypeNode): string {
  return node.kind === Kind.NAMED_TYPE ? node.name.value : namedTypeOf(node.type);
}

/** Fields (`Type.field`) and arguments (`Type.field(arg)`) the operations use. */
function usage(schema: GraphQLSchema, operations: PartnerOperation[]): { fields: Set<string>; args: Set<string>; types: Set<string> } {
  const fields = new Set<string>();
  const args = new Set<string>();
  const types = new Set<string>();
  for (const { name, text } of operations) {
    const document = parse(text);
    const errors = validate(schema, document);
    if (errors.length) throw new Error(`${name}: ${errors.map((e) => e.message).join('; ')}`);
    const info = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(info, {
        ObjectField(node) {
          const parent = info.getParentInputType();
          if (parent) fields.add(`${getNamedType(parent).name}.${node.name.value}`);
        },
        Field(node) {
          const parent = info.getParentType();
          if (!parent || node.name.value.startsWith('__')) return;
          fields.add(`${parent.name}.${node.name.value}`);
          for (const arg of node.arguments ?? []) args.add(`${parent.name}.${node.name.value}(${arg.name.value})`);
        },
        VariableDefinition(node) {
          types.add(namedTypeOf(node.type));
        },
        InlineFragment() {
          const type = info.getType();
          if (type) types.add(getNamedType(type).name);
        },
      }),
    );
  }
  return { fields, args, types };
}

/** The SDL of the partner contract: the API schema narrowed to what `operations` use. */
export function partnerContract(schema: GraphQLSchema, operations: PartnerOperation[]): string {
  const { fields, args, types: variableTypes } = usage(schema, operations);
  const definitions = parse(printSchema(schema)).definitions;
  const byName = new Map<string, DefinitionNode>();
  for (const definition of definitions) if ('name' in definition && definition.name) byName.set(definition.name.value, definition);

  // input types a variable carries, and the input types inside them, are taken whole
  const whole = new Set<string>();
  const takeWhole = (name: string) => {
    const definition = byName.get(name);
    if (whole.has(name) || definition?.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION) return;
    whole.add(name);
    for (const field of definition.fields ?? []) takeWhole(namedTypeOf(field.type));
  };
  for (const name of variableTypes) takeWhole(name);

  // narrow object types to the fields used, fields to the arguments passed or required, input
  // types set by literals to the fields set (and every required one)
  const narrowed = new Map<string, DefinitionNode>();
  for (const [name, definition] of byName) {
    if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && !whole.has(name)) {
      const kept = (definition.fields ?? []).filter((field) => fields.has(`${name}.${field.name.value}`) || (field.type.kind === Kind.NON_NULL_TYPE && !field.defaultValue));
      narrowed.set(name, { ...definition, fields: kept });
      continue;
    }
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) {
      narrowed.set(name, definition);
      continue;
    }
    const kept = (definition.fields ?? [])
      .filter((field) => fields.has(`${name}.${field.name.value}`))
      .map((field) => ({
        ...field,
        arguments: (field.arguments ?? []).filter(
          (arg) => args.has(`${name}.${field.name.value}(${arg.name.value})`) || (arg.type.kind === Kind.NON_NULL_TYPE && !arg.defaultValue),
        ),
      }));
    if (kept.length) narrowed.set(name, { ...definition, fields: kept });
  }

  // the types reachable from Query through what is kept
  const reachable = new Set<string>();
  const reach = (name: string) => {
    if (reachable.has(name) || !narrowed.has(name)) return;
    reachable.add(name);
    const definition = narrowed.get(name)!;
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) {
      for (const field of definition.fields ?? []) {
        reach(namedTypeOf(field.type));
        for (const arg of field.arguments ?? []) reach(namedTypeOf(arg.type));
      }
    } else if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      for (const field of definition.fields ?? []) reach(namedTypeOf(field.type));
    }
  };
  reach('Query');
  for (const name of variableTypes) reach(name);

  const kept = [...reachable].sort().map((name) => narrowed.get(name)!);
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: kept };
  return print(document) + '\n';
}
