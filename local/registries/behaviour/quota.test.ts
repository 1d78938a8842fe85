import { SlidingWindowQuota } from './quota.js';

describe('sliding-window quota', () => {
  it('accepts up to the limit within one window', () => {
    const quota = new SlidingWindowQuota(1000);
    const answers = [0, 10, 20, 30].map((t) => quota.tryAcquire('app', 3, t));
    expect(answers).toEqual([true, true, true, false]);
  });

  it('accepts again once the oldest call leaves the window', () => {
    const quota = new SlidingWindowQuota(1000);
    for (const t of [0, 10, 20]) quota.tryAcquire('app', 3, t);
    expect([quota.tryAcquire('app', 3, 999), quota.tryAcquire('app', 3, 1000)]).toEqual([false, true]);
  });

  it('does not count refused calls against the credential', () => {
    const quota = new SlidingWindowQuota(1000);
    quota.tryAcquire('app', 1, 0);
    for (let t = 1; t < 1000; t += 1) quota.tryAcquire('app', 1, t);
    expect(quota.tryAcquire('app', 1, 1000)).toBe(true);
  });

  it('keeps each credential to its own window', () => {
    const quota = new SlidingWindowQuota(1000);
    quota.tryAcquire('first', 1, 0);
    expect(quota.tryAcquire('second', 1, 0)).toBe(true);
  });

  it('never lets more than k × limit through over k windows of saturating calls', () => {
    const quota = new SlidingWindowQuota(1000);
    let accepted = 0;
    for (let t = 0; t < 10_000; t += 1) if (quota.tryAcquire('app', 50, t)) accepted += 1;
    expect(accepted).toBe(500);
  });
});
