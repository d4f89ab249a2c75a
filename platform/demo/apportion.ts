export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * Splits the integer `total` over `weights` (largest remainder): the parts are integers and sum
 * to `total` exactly. Demo generators use it to hit a published figure to the unit (or cent).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const whole = sum(weights);
  const exact = weights.map((w) => (total * w) / whole);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const leftover = total - sum(parts);
  for (let k = 0; k < leftover; k++) parts[order[k][1]]++;
  return parts;
}
