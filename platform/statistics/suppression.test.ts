import { suppressSmallCells, type SuppressibleCell } from './suppression';

const cells = (...counts: number[]): SuppressibleCell[] => counts.map((n, i) => ({ key: [`c${i}`], contributors: n }));

describe('small-cell suppression', () => {
  it('suppresses a cell of 4 and publishes a cell of 5 (threshold 5)', () => {
    const { suppressed } = suppressSmallCells(cells(4, 4, 5, 100), 5);
    expect(suppressed).toEqual([true, true, false, false]);
  });

  it('publishes everything when no cell is below the threshold', () => {
    expect(suppressSmallCells(cells(5, 6, 100), 5)).toEqual({ suppressed: [false, false, false], totalSuppressed: false });
  });

  it('never suppresses an empty cell (nothing personal in it)', () => {
    expect(suppressSmallCells(cells(0, 50, 60), 5).suppressed).toEqual([false, false, false]);
  });

  it('suppresses the next-smallest cell when one suppressed cell could be recovered from the total', () => {
    const input = cells(3, 40, 9, 12);
    const { suppressed, totalSuppressed } = suppressSmallCells(input, 5);
    expect(suppressed).toEqual([true, false, true, false]);
    expect(totalSuppressed).toBe(false);
    // total minus the published cells gives only the two suppressed cells together
    const total = input.reduce((n, c) => n + c.contributors, 0);
    const published = input.filter((_, i) => !suppressed[i]).reduce((n, c) => n + c.contributors, 0);
    expect(total - published).toBe(12);
  });

  it('keeps suppressing while the suppressed cells together count fewer than the threshold', () => {
    // 1 + 2 = 3 < 5: one more cell must go, so that the difference from the total is at least 5
    const input = cells(1, 2, 30, 6);
    const { suppressed } = suppressSmallCells(input, 5);
    expect(suppressed).toEqual([true, true, false, true]);
    const hidden = input.filter((_, i) => suppressed[i]).reduce((n, c) => n + c.contributors, 0);
    expect(hidden).toBeGreaterThanOrEqual(5);
  });

  it('withholds the total when it would reveal the only cell', () => {
    expect(suppressSmallCells(cells(3), 5)).toEqual({ suppressed: [true], totalSuppressed: true });
    expect(suppressSmallCells(cells(2, 1), 5)).toEqual({ suppressed: [true, true], totalSuppressed: true });
  });

  it('protects every row and column of a cross table against subtraction from their sums', () => {
    // county × sex: county A's MALE cell is 2; its FEMALE cell must go too (else A's total in a
    // county-only table minus FEMALE reveals it), and so must another MALE cell (column sum)
    const input: SuppressibleCell[] = [
      { key: ['A', 'F'], contributors: 30 },
      { key: ['A', 'M'], contributors: 2 },
      { key: ['B', 'F'], contributors: 20 },
      { key: ['B', 'M'], contributors: 25 },
      { key: ['C', 'F'], contributors: 40 },
      { key: ['C', 'M'], contributors: 8 },
    ];
    const { suppressed } = suppressSmallCells(input, 5);
    const byRow = (county: string) => input.map((c, i) => (c.key[0] === county && suppressed[i] ? 1 : 0) as number).reduce((a, b) => a + b, 0);
    const byColumn = (sex: string) => input.map((c, i) => (c.key[1] === sex && suppressed[i] ? 1 : 0) as number).reduce((a, b) => a + b, 0);
    expect(suppressed[1]).toBe(true);
    for (const county of ['A', 'B', 'C']) expect([0, 2]).toContain(byRow(county));
    for (const sex of ['F', 'M']) expect(byColumn(sex) === 0 || byColumn(sex) >= 2).toBe(true);
  });

  it('picks a cell alone in its row last: a coarser table publishes its value anyway', () => {
    // B has one cell only (B × M = 6): B's total in a county-only table equals it, so hiding it
    // would protect nothing; the next-smallest other M cell (C × M = 9) is hidden instead
    const input: SuppressibleCell[] = [
      { key: ['A', 'F'], contributors: 30 },
      { key: ['A', 'M'], contributors: 3 },
      { key: ['B', 'M'], contributors: 6 },
      { key: ['C', 'F'], contributors: 40 },
      { key: ['C', 'M'], contributors: 9 },
    ];
    const { suppressed } = suppressSmallCells(input, 5);
    expect(suppressed[2]).toBe(false);
    expect(suppressed[4]).toBe(true);
  });

  it('follows the threshold it is given', () => {
    expect(suppressSmallCells(cells(9, 10, 10), 10).suppressed).toEqual([true, true, false]);
  });
});
