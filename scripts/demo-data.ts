import { isDemoScale } from '../platform/demo/scale';
import fs from 'node:fs';
import 'reflect-metadata';
import { expectedFigures } from '../subgraphs/households/demo/figures';
import { DEFAULT_SEED, generateDemoData } from '../subgraphs/households/demo/generator';
import { expectedLandHousingFigures } from '../subgraphs/land-housing/demo/figures';
import { generateLandHousingData } from '../subgraphs/land-housing/demo/generator';

const USAGE = 'usage: npm run demo-data -- [--scale 0.05] [--seed 530600] [--out demo.json]';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Generates the demo data set (the registry, then land & housing on it), prints sizes, timing and the figures reproduced; optionally writes the registry as JSON. */
function main() {
  const scale = Number(option('scale') ?? 1);
  const seed = Number(option('seed') ?? DEFAULT_SEED);
  if (!isDemoScale(scale) || !Number.isInteger(seed)) {
    console.error(USAGE);
    process.exit(2);
  }
  const started = process.hrtime.bigint();
  const data = generateDemoData({ scale, seed });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`scale ${scale}, seed ${seed}: ${data.areas.length} areas, ${data.stations.length} stations, ${data.households.length} households, ${data.persons.length} persons in ${ms.toFixed(0)} ms`);
  console.log('figures reproduced:', JSON.stringify(expectedFigures(scale)));
  const landStarted = process.hrtime.bigint();
  const land = generateLandHousingData(data, { scale });
  const landMs = Number(process.hrtime.bigint() - landStarted) / 1e6;
  const sizes = Object.entries(land).map(([table, rows]) => `${rows.length} ${table}`).join(', ');
  console.log(`land & housing: ${sizes} in ${landMs.toFixed(0)} ms`);
  console.log('figures reproduced:', JSON.stringify(expectedLandHousingFigures(scale)));
  const out = option('out');
  if (out) {
    fs.writeFileSync(out, JSON.stringify(data));
    console.log(`wrote ${out}`);
  }
}

main();
