import { UpstreamFailedError } from '../../core/errors/upstream-failed-error.js';
import { UpstreamTimeoutError } from '../../core/errors/upstream-timeout-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { isRegistryFailure, isTransientFailure } from '../soap/soap-failure.js';
import { RetryBudget } from './retry-budget.js';
import { createUpstreamPolicy, type UpstreamPolicyOptions } from './upstream-policy.js';

const options: UpstreamPolicyOptions = {
  registry: 'population',
  deadlineMs: 500,
  breakerThreshold: 2,
  halfOpenAfterMs: 60_000,
  isUpstreamFailure: isRegistryFailure,
  isTransient: isTransientFailure,
};
const read = { idempotent: true };

function counting(results: (() => Promise<string>)[]) {
  let calls = 0;
  const call = () => {
    const next = results[Math.min(calls, results.length - 1)] as () => Promise<string>;
    calls += 1;
    return next();
  };
  return { call, calls: () => calls };
}

const transient = () => Promise.reject(new UpstreamFailedError('population', 'HTTP 503', true));
const ok = () => Promise.resolve('answer');

describe('createUpstreamPolicy', () => {
  it('turns a call that outlives the deadline into UpstreamTimeoutError and aborts it', async () => {
    const policy = createUpstreamPolicy({ ...options, deadlineMs: 50 });
    let aborted = false;
    const call = policy.execute(
      (signal) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => (aborted = true));
          setTimeout(resolve, 1_000);
        }),
      read,
    );
    await expect(call).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(aborted).toBe(true);
  });

  it('retries an idempotent read once after a transient failure', async () => {
    const policy = createUpstreamPolicy(options);
    const upstream = counting([transient, ok]);
    await expect(policy.execute(upstream.call, read)).resolves.toBe('answer');
    expect(upstream.calls()).toBe(2);
  });

  it('never retries a call that is not idempotent', async () => {
    const policy = createUpstreamPolicy(options);
    const upstream = counting([transient, ok]);
    await expect(policy.execute(upstream.call, { idempotent: false })).rejects.toBeInstanceOf(
      UpstreamFailedError,
    );
    expect(upstream.calls()).toBe(1);
  });

  it('never retries a quota refusal', async () => {
    const policy = createUpstreamPolicy(options);
    const upstream = counting([
      () => Promise.reject(new UpstreamUnavailableError('population', 'quota exceeded', 1)),
      ok,
    ]);
    await expect(policy.execute(upstream.call, read)).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(upstream.calls()).toBe(1);
    expect(policy.circuitState()).toBe('closed');
  });

  it('never retries after the deadline has passed', async () => {
    const policy = createUpstreamPolicy({ ...options, deadlineMs: 80, maxAttempts: 5 });
    const slowTransient = () =>
      new Promise<string>((_, reject) =>
        setTimeout(() => reject(new UpstreamFailedError('population', 'HTTP 503', true)), 60),
      );
    const upstream = counting([slowTransient]);
    await expect(policy.execute(upstream.call, read)).rejects.toBeInstanceOf(UpstreamTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(upstream.calls()).toBeLessThanOrEqual(2);
  });

  it('opens the circuit after consecutive upstream failures and then refuses without calling', async () => {
    const policy = createUpstreamPolicy({ ...options, maxAttempts: 1 });
    const upstream = counting([() => Promise.reject(new UpstreamFailedError('population', 'HTTP 500'))]);
    await expect(policy.execute(upstream.call, read)).rejects.toBeInstanceOf(UpstreamFailedError);
    await expect(policy.execute(upstream.call, read)).rejects.toBeInstanceOf(UpstreamFailedError);
    expect(policy.circuitState()).toBe('open');
    const refusal = await policy.execute(upstream.call, read).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UpstreamUnavailableError);
    expect((refusal as UpstreamUnavailableError).retryAfterSeconds).toBe(60);
    expect(upstream.calls()).toBe(2);
  });

  it('does not count errors that are not upstream failures towards the circuit', async () => {
    const policy = createUpstreamPolicy(options);
    for (let i = 0; i < 3; i += 1) {
      await expect(
        policy.execute(() => Promise.reject(new RangeError('caller bug')), read),
      ).rejects.toBeInstanceOf(RangeError);
    }
    expect(policy.circuitState()).toBe('closed');
  });

  it('refuses calls beyond the bulkhead and its queue as unavailable', async () => {
    const policy = createUpstreamPolicy({ ...options, concurrency: 1, queue: 0 });
    let release: () => void = () => undefined;
    const first = policy.execute(
      () => new Promise<string>((resolve) => (release = () => resolve('first'))),
      read,
    );
    await expect(policy.execute(ok, read)).rejects.toMatchObject({ reason: 'too many calls in flight' });
    release();
    await expect(first).resolves.toBe('first');
  });

  it('reports its status at once when the circuit opens, and at most once per interval otherwise', async () => {
    const reports: { circuit: string; calls: number }[] = [];
    const policy = createUpstreamPolicy({
      ...options,
      maxAttempts: 1,
      statusIntervalMs: 60_000,
      onStatus: ({ circuit, calls }) => reports.push({ circuit, calls }),
    });
    await policy.execute(ok, read);
    await policy.execute(ok, read);
    const failing = () => Promise.reject(new UpstreamFailedError('population', 'HTTP 500'));
    await policy.execute(failing, read).catch(() => undefined);
    await policy.execute(failing, read).catch(() => undefined);
    expect(reports.map((r) => r.circuit)).toEqual(['closed', 'open']);
  });

  it('keeps call statistics for health reporting', async () => {
    const policy = createUpstreamPolicy({ ...options, maxAttempts: 1 });
    await policy.execute(ok, read);
    await policy.execute(transient, read).catch(() => undefined);
    expect(policy.stats()).toMatchObject({ calls: 2, failures: 1, recentErrorRate: 0.5 });
  });
});

describe('RetryBudget', () => {
  it('allows a floor of retries, then a share of recent calls', () => {
    let now = 0;
    const budget = new RetryBudget(0.2, 2, 1_000, () => now);
    expect([budget.tryTakeRetry(), budget.tryTakeRetry(), budget.tryTakeRetry()]).toEqual([
      true,
      true,
      false,
    ]);
    for (let i = 0; i < 20; i += 1) budget.recordCall();
    expect([budget.tryTakeRetry(), budget.tryTakeRetry(), budget.tryTakeRetry()]).toEqual([
      true,
      true,
      false,
    ]);
    now = 2_000;
    expect(budget.tryTakeRetry()).toBe(true);
  });
});

describe('RetryBudget memory', () => {
  it('forgets calls that left the window', () => {
    let now = 0;
    const budget = new RetryBudget(0.2, 0, 1_000, () => now);
    for (let i = 0; i < 10_000; i += 1) {
      now += 1;
      budget.recordCall();
    }
    expect((budget as unknown as { calls: number[] }).calls.length).toBeLessThanOrEqual(1_000);
  });
});
