/**
 * For tests of generated data: the rows that break a rule, as messages (the first five). A test
 * expects none, with one `expect` per rule however many rows there are.
 */
export function violations<T>(rows: readonly T[], check: (row: T) => string | null): string[] {
  const found: string[] = [];
  for (const row of rows) {
    const problem = check(row);
    if (problem !== null && found.push(problem) >= 5) break;
  }
  return found;
}
