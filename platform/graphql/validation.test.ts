import { today } from './validation';

describe('today', () => {
  afterEach(() => jest.useRealTimers());

  it("is the UTC date of the clock's time, also after the clock crosses midnight or is set back", () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T23:59:59.999Z') });
    expect(today()).toBe('2026-03-01');
    jest.setSystemTime(new Date('2026-03-02T00:00:00.000Z'));
    expect(today()).toBe('2026-03-02');
    jest.setSystemTime(new Date('2025-12-31T12:00:00.000Z'));
    expect(today()).toBe('2025-12-31');
    jest.useRealTimers();
    expect(today()).toBe(new Date().toISOString().slice(0, 10));
  });
});
