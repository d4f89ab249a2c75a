/**
 * Small-cell suppression for statistics tables (pure: no database, no GraphQL).
 *
 * A cell is the set of units (persons, households, cases …) that share one combination of
 * dimension values; `contributors` is how many units it counts.
 *
 * 1. Primary: a cell with 1 … `minCell − 1` contributors is suppressed.
 * 2. Secondary: in every group a reader could subtract from — the table's total (all cells),
 *    and, with two or more dimensions, each row/column of the cross table (the cells that share
 *    all dimension values but one, whose sum another table of fewer dimensions would publish) —
 *    the suppressed cells must be at least two and count at least `minCell` contributors
 *    together; otherwise the smallest published cell of that group (ties: first in order) is
 *    suppressed too (cells alone in a row or column last: a coarser table publishes their
 *    value anyway), until every group is safe.
 * 3. The total (over all cells, suppressed ones included) is published when the table's own
 *    group is safe; when no published cell is left to suppress and it still is not, the total
 *    is withheld as well.
 */
export interface SuppressibleCell {
  /** Dimension values of the cell, in `groupBy` order. */
  key: readonly unknown[];
  /** Units the cell counts (what the threshold applies to). */
  contributors: number;
}

export interface Suppression {
  /** Per cell, in input order. */
  suppressed: boolean[];
  /** Whether the table's total must be withheld too. */
  totalSuppressed: boolean;
}

/** The table's own group (all cells), then each row/column of a cross table. */
function groupsOf(cells: readonly SuppressibleCell[]): number[][] {
  const all = cells.map((_, i) => i);
  const dimensions = cells[0]?.key.length ?? 0;
  const groups = [all];
  if (dimensions < 2) return groups;
  for (let d = 0; d < dimensions; d++) {
    const byRest = new Map<string, number[]>();
    cells.forEach((cell, i) => {
      const rest = JSON.stringify(cell.key.filter((_, j) => j !== d));
      byRest.set(rest, [...(byRest.get(rest) ?? []), i]);
    });
    groups.push(...byRest.values());
  }
  return groups;
}

export function suppressSmallCells(cells: readonly SuppressibleCell[], minCell: number): Suppression {
  const suppressed = cells.map((c) => c.contributors > 0 && c.contributors < minCell);
  let totalSuppressed = false;
  const groups = groupsOf(cells);
  // a cell alone in its row or column equals that row's sum, which a coarser table publishes:
  // hiding it protects nothing, so such cells are picked for secondary suppression last
  const alone = new Set(groups.filter((g) => g.length === 1).map((g) => g[0]));
  const preferred = (a: number, b: number) =>
    Number(alone.has(a)) - Number(alone.has(b)) || cells[a].contributors - cells[b].contributors || a - b;
  let changed = true;
  while (changed) {
    changed = false;
    groups.forEach((group, g) => {
      const hidden = group.filter((i) => suppressed[i]);
      if (hidden.length === 0) return;
      const hiddenSum = hidden.reduce((n, i) => n + cells[i].contributors, 0);
      if (hidden.length >= 2 && hiddenSum >= minCell) return;
      const candidates = group.filter((i) => !suppressed[i] && cells[i].contributors > 0);
      if (candidates.length === 0) {
        if (g === 0) totalSuppressed = true;
        return;
      }
      const next = [...candidates].sort(preferred)[0];
      suppressed[next] = true;
      changed = true;
    });
  }
  return { suppressed, totalSuppressed };
}
