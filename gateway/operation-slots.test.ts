import { OperationSlots } from './operation-slots';

describe('OperationSlots', () => {
  it('lets `max` callers in at once and the rest in order of arrival, each as one finishes', async () => {
    const slots = new OperationSlots(2);
    const order: string[] = [];
    const a = await slots.acquire();
    const b = await slots.acquire();
    const c = slots.acquire().then((release) => (order.push('c'), release));
    const d = slots.acquire().then((release) => (order.push('d'), release));
    await Promise.resolve();
    expect(order).toEqual([]);
    expect(slots.waiting).toBe(2);
    a();
    a(); // a second release of the same slot changes nothing
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect(slots.waiting).toBe(1);
    b();
    const releaseD = await d;
    expect(order).toEqual(['c', 'd']);
    releaseC();
    releaseD();
    // all slots free again: two get in at once
    await slots.acquire();
    await slots.acquire();
    expect(slots.waiting).toBe(0);
  });

  it('refuses a bound under one', () => {
    expect(() => new OperationSlots(0)).toThrow('GATEWAY_MAX_OPERATIONS');
  });
});
