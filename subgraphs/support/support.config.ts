/** The support subgraph's own settings, read once from the environment and checked. */
export interface SupportConfig {
  /** Instalments a year (1–12), by county; counties differ (`SUPPORT_INSTALMENTS=1,530622:2`). */
  instalments(countyCode: string): number;
}

/**
 * `SUPPORT_INSTALMENTS`: the default number of instalments a year, then `county:n` overrides,
 * comma-separated (default 1: one payment a year). A bad value stops the subgraph at start.
 */
export function loadSupportConfig(env: NodeJS.ProcessEnv = process.env): SupportConfig {
  const raw = (env.SUPPORT_INSTALMENTS ?? '').trim();
  let fallback = 1;
  const byCounty = new Map<string, number>();
  const count = (text: string) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 12) throw new Error(`Configuration error: SUPPORT_INSTALMENTS takes whole numbers of instalments from 1 to 12, got "${raw}"`);
    return n;
  };
  for (const part of raw ? raw.split(',') : []) {
    const m = /^\s*(\d{6}):(\d+)\s*$/.exec(part);
    if (m) byCounty.set(m[1], count(m[2]));
    else fallback = count(part.trim());
  }
  return { instalments: (county) => byCounty.get(county) ?? fallback };
}
