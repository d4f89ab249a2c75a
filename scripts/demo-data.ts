import fs from 'node:fs';
import 'reflect-metadata';
import { expectedFigures } from '../subgraphs/households/demo/figures';
import { DEFAULT_SEED, generateDemoData } from '../subgraphs/households/demo/generator';

const USAGE = 'usage: npm run demo-data -- [--scale 0.05] [--seed 530600] [--out demo.json]';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Generates the demo data set, prints its size, timing and the figures it reproduces; optionally writes it as JSON. */
function main() {
  const scale = Number(option('scale') ?? 1);
  const seed = Number(option('seed') ?? DEFAULT_SEED);
  if (!(scale > 0 && scale <= 1) || !Number.isInteger(seed)) {
    console.error(USAGE);
    process.exit(2);
  }
  const started = process.hrtime.bigint();
  const data = generateDemoData({ scale, seed });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`scale ${scale}, seed ${seed}: ${data.areas.length} areas, ${data.stations.length} stations, ${data.households.length} households, ${data.persons.length} persons in ${ms.toFixed(0)} ms`);
  console.log('figures reproduced:', JSON.stringify(expectedFigures(scale)));
  const out = option('out');
  if (out) {
    fs.writeFileSync(out, JSON.stringify(data));
    console.log(`wrote ${out}`);
  }
}

main();
