import { ageOn } from './age';

describe('ageOn', () => {
  it('counts a year only from the birthday on', () => {
    expect(ageOn('1960-07-15', '2020-07-14')).toBe(59);
    expect(ageOn('1960-07-15', '2020-07-15')).toBe(60);
    expect(ageOn('1960-07-15', '2020-12-31')).toBe(60);
    expect(ageOn('1960-07-15', '2021-01-01')).toBe(60);
  });

  it('is 0 on the day of birth, and a 29 February birthday comes on 1 March in other years', () => {
    expect(ageOn('2024-02-29', '2024-02-29')).toBe(0);
    expect(ageOn('2024-02-29', '2025-02-28')).toBe(0);
    expect(ageOn('2024-02-29', '2025-03-01')).toBe(1);
    expect(ageOn('2024-02-29', '2028-02-29')).toBe(4);
  });
});
