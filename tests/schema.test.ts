import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph, SCHEMA_DIR } from '../scripts/supergraph';

describe('committed schema', () => {
  it('matches what `npm run compose` generates now (run it after changing a subgraph)', async () => {
    const { files } = await composeSupergraph();
    expect(Object.keys(files).sort()).toEqual(['households.graphql', 'supergraph.graphql']);
    for (const [name, content] of Object.entries(files)) {
      const committed = fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8');
      expect({ name, content: committed }).toEqual({ name, content });
    }
  });

  it('describes every type and field in English and Chinese', async () => {
    const { files } = await composeSupergraph();
    const sdl = files['households.graphql'];
    const { buildASTSchema, parse, isObjectType, isInputObjectType, isEnumType } = await import('graphql');
    const schema = buildASTSchema(parse(sdl.replace(/^extend schema @link.*$/m, '').replace(/@key\([^)]*\)/g, '')), { assumeValidSDL: true });
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['Query', 'Mutation', 'String', 'Int', 'Boolean', 'ID', 'Float', 'LocalDate'].includes(type.name)) continue;
      if (!/[\u4e00-\u9fff]/.test(type.description ?? '')) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!/[\u4e00-\u9fff]/.test(field.description ?? '')) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!/[\u4e00-\u9fff]/.test(value.description ?? '')) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
