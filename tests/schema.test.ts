import fs from 'node:fs';
import path from 'node:path';
import { buildASTSchema, isEnumType, isInputObjectType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { SUBGRAPH_MODULES } from '../scripts/subgraphs';
import { composeSupergraph, SCHEMA_DIR } from '../scripts/supergraph';

const BUILT_IN = ['String', 'Int', 'Boolean', 'ID', 'Float', 'LocalDate'];
/** Root types need no description of their own; their fields and arguments do. */
const ROOTS = ['Query', 'Mutation'];
const CHINESE = /[\u4e00-\u9fff]/;

/** Types, fields, arguments, input fields and enum values of a schema that lack a Chinese description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || BUILT_IN.includes(type.name)) continue;
    if (!ROOTS.includes(type.name) && !CHINESE.test(type.description ?? '')) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!CHINESE.test(field.description ?? '')) missing.push(`${type.name}.${field.name}`);
    }
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) if (!CHINESE.test(arg.description ?? '')) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!CHINESE.test(value.description ?? '')) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('committed schema', () => {
  it('matches what `npm run compose` generates now (run it after changing a subgraph)', async () => {
    const { files } = await composeSupergraph();
    expect(Object.keys(files).sort()).toEqual([...SUBGRAPH_MODULES.map((m) => `${m.name}.graphql`), 'supergraph.graphql', 'partner.graphql'].sort());
    for (const [name, content] of Object.entries(files)) {
      const committed = fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8');
      expect({ name, content: committed }).toEqual({ name, content });
    }
  });

  it.each(SUBGRAPH_MODULES.map((m) => [m.name]))('%s describes every type, field, argument, input field and enum value in English and Chinese', async (name) => {
    const { files } = await composeSupergraph();
    const sdl = files[`${name}.graphql`]
      .replace(/^extend schema @link.*$/m, '')
      .replace(/@(key|shareable|external|requires|provides)(\([^)]*\))?/g, '');
    expect(undescribed(buildASTSchema(parse(sdl), { assumeValidSDL: true }))).toEqual([]);
  });
});
