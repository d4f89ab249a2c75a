import { registerEnumType } from 'type-graphql';

/**
 * Registers a TypeScript enum as a GraphQL enum with a description for the type and for every
 * value (English · Chinese); a value without a label does not compile.
 */
export function registerEnum<E extends string>(enumObject: Record<string, E>, name: string, description: string, labels: Record<E, string>): void {
  const valuesConfig: Record<string, { description: string }> = {};
  for (const [key, label] of Object.entries(labels)) valuesConfig[key] = { description: label as string };
  registerEnumType(enumObject, { name, description, valuesConfig });
}
