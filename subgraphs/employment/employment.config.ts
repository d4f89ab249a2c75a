/** The employment subgraph's own settings, read once from the environment and checked. */
export interface EmploymentConfig {
  /** Working age, both ends included (16–60 by default): who counts in the working-age population. */
  workingAge: { min: number; max: number };
}

export function loadEmploymentConfig(env: NodeJS.ProcessEnv = process.env): EmploymentConfig {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 10 || n > 80) throw new Error(`Configuration error: ${name} must be a whole number of years between 10 and 80, got "${raw}"`);
    return n;
  };
  const min = read('WORKING_AGE_MIN', 16);
  const max = read('WORKING_AGE_MAX', 60);
  if (min > max) throw new Error(`Configuration error: WORKING_AGE_MIN (${min}) must not exceed WORKING_AGE_MAX (${max})`);
  return { workingAge: { min, max } };
}
