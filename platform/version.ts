import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './config';

/** The platform's version (package.json, semver): shown on `/health` and in every response's extensions. */
export function platformVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')).version;
}
