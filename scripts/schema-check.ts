import fs from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, printSchema } from 'graphql';
import { platformVersion } from '../platform/version';
import { apiSchema } from './partner-contract';
import { SCHEMA_DIR } from './supergraph';

/**
 * Schema checks: what clients are promised against what the code now serves. The last released
 * API schema and partner contract are kept in schema/released/ (written by `npm run
 * release-schema`); a breaking change from them must be recorded in schema/CHANGELOG.md, in the
 * section of the version it ships in (package.json's version, newer than the released one).
 */

export const RELEASED_DIR = path.join(SCHEMA_DIR, 'released');
export const CHANGELOG = path.join(SCHEMA_DIR, 'CHANGELOG.md');

export { platformVersion };

/** The two published schemas: the whole API (people's tokens) and the partner contract. */
export const CONTRACTS = ['api.graphql', 'partner.graphql'] as const;
export type ContractFile = (typeof CONTRACTS)[number];

export interface ContractCheck {
  file: ContractFile;
  breaking: Change[];
  dangerous: Change[];
  /** Breaking changes the changelog's section for the shipping version does not name. */
  unrecorded: Change[];
}

/** `1.2.3` → comparable tuple; anything else is refused (semver, no pre-release tags). */
export function parseVersion(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  if (!match) throw new Error(`not a version (MAJOR.MINOR.PATCH): ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function newerThan(a: string, b: string): boolean {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
}

/** The version a released schema file was released in (its first line: `# Released in X.Y.Z`). */
export function releasedVersion(sdl: string): string {
  const match = /^# Released in (\S+)/.exec(sdl);
  if (!match) throw new Error('a released schema starts with `# Released in X.Y.Z`');
  return match[1];
}

/** The text of the changelog's section for `version` (`## X.Y.Z …` up to the next `## `). */
export function changelogSection(changelog: string, version: string): string {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`).test(line));
  if (start < 0) return '';
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** Compares a released schema with the current one; breaking changes must be named in `section`. */
export async function checkContract(file: ContractFile, releasedSdl: string, currentSdl: string, section: string): Promise<ContractCheck> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const dangerous = changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous);
  const unrecorded = breaking.filter((c) => !section.includes(`\`${c.path ?? c.message}\``));
  return { file, breaking, dangerous, unrecorded };
}

/** The current schemas as clients see them: the supergraph's API schema and the partner contract. */
export function currentContracts(): Record<ContractFile, string> {
  return {
    'api.graphql': printSchema(apiSchema(fs.readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'))) + '\n',
    'partner.graphql': fs.readFileSync(path.join(SCHEMA_DIR, 'partner.graphql'), 'utf8').replace(/^#.*\n/gm, ''),
  };
}
