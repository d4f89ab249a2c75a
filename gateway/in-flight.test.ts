import { Role } from '../platform/security/identity';
import { callerKey, InFlightReads, isRead } from './in-flight';

describe('InFlightReads', () => {
  it('sends a read once while it is in flight, and gives every joiner its own copy', async () => {
    const reads = new InFlightReads<{ rows: number[] }>();
    let sent = 0;
    let answer!: (value: { rows: number[] }) => void;
    const send = () => {
      sent++;
      return new Promise<{ rows: number[] }>((resolve) => (answer = resolve));
    };
    const all = Promise.all([reads.share('k', send), reads.share('k', send), reads.share('other', () => Promise.resolve({ rows: [9] }))]);
    answer({ rows: [1, 2] });
    const [first, second, other] = await all;
    expect(sent).toBe(1);
    expect(first).toEqual({ rows: [1, 2] });
    expect(second).toEqual({ rows: [1, 2] });
    expect(second).not.toBe(first);
    first.rows.push(3);
    expect(second.rows).toEqual([1, 2]);
    expect(other).toEqual({ rows: [9] });
    // once answered, the next one is sent again
    const again = reads.share('k', send);
    answer({ rows: [4] });
    await expect(again).resolves.toEqual({ rows: [4] });
    expect(sent).toBe(2);
  });

  it('fails every joiner with the read that failed, and sends the next one afresh', async () => {
    const reads = new InFlightReads<number>();
    let fail!: (error: Error) => void;
    const failing = () => new Promise<number>((_, reject) => (fail = reject));
    const both = Promise.allSettled([reads.share('k', failing), reads.share('k', failing)]);
    fail(new Error('subgraph down'));
    expect((await both).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(reads.share('k', () => Promise.resolve(7))).resolves.toBe(7);
  });

  it('keys callers by everything of the identity that decides what they see', () => {
    const officer = { subject: 'a', role: Role.COUNTY_OFFICER, jurisdiction: ['530602'] };
    expect(callerKey(officer)).toBe(callerKey({ ...officer }));
    expect(callerKey(officer)).not.toBe(callerKey({ ...officer, subject: 'b' }));
    expect(callerKey(officer)).not.toBe(callerKey({ ...officer, role: Role.ANALYST }));
    expect(callerKey(officer)).not.toBe(callerKey({ ...officer, jurisdiction: ['530621'] }));
    expect(callerKey(officer)).not.toBe(callerKey({ ...officer, purposes: ['X'] }));
  });

  it('shares reads only, never a mutation', () => {
    expect(isRead('query Q__households__0 { persons { id } }')).toBe(true);
    expect(isRead('{ persons { id } }')).toBe(true);
    expect(isRead('mutation M__households__0 { registerHousehold { id } }')).toBe(false);
  });
});
