import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/config';

/** The analysts' query collection: one `.graphql` file per example, shown in GraphiQL and run by the tests. */
export const COLLECTION_DIR = path.join(projectRoot(), 'gateway', 'queries');

export interface CollectionEntry {
  file: string;
  /** From the file's `# title:` line. */
  title: string;
  query: string;
  /** From the file's `# variables:` line (JSON), pretty-printed. */
  variables: string;
}

export function readCollection(dir = COLLECTION_DIR): CollectionEntry[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const title = /^# title:\s*(.+)$/m.exec(text)?.[1].trim() ?? file;
      const variables = /^# variables:\s*(.+)$/m.exec(text)?.[1].trim();
      const query = text.replace(/^# (title|variables):.*\n/gm, '').trim() + '\n';
      return { file, title, query, variables: variables ? JSON.stringify(JSON.parse(variables), null, 2) : '' };
    });
}
