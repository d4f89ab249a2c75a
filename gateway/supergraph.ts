import fs from 'node:fs';
import type { Config } from '../platform/config';

/** The subgraphs a composed supergraph names, with the URLs composition recorded. */
export function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g)].map(([, name, url]) => ({ name, url }));
}

/** The committed supergraph and where each of its subgraphs listens (SUBGRAPH_URL_* overrides). */
export function loadSupergraph(config: Config): { sdl: string; subgraphUrls: Record<string, string> } {
  const sdl = fs.readFileSync(config.supergraphPath, 'utf8');
  const subgraphUrls = Object.fromEntries(subgraphsOf(sdl).map(({ name, url }) => [name, config.subgraphUrl(name, url)]));
  return { sdl, subgraphUrls };
}
