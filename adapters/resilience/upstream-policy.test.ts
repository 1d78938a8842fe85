import { UpstreamFailedError } from '../../core/errors/upstream-failed-error.js';
import { UpstreamTimeoutError } from '../../core/errors/upstream-timeout-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { createUpstreamPolicy } from './upstream-policy.js';

const options = {
  registry: 'population' as const,
  deadlineMs: 50,
  breakerThreshold: 2,
  halfOpenAfterMs: 60_000,
  isUpstreamFailure: (error: unknown) => error instanceof UpstreamFailedError,
};

describe('createUpstreamPolicy', () => {
  it('turns a call that outlives the deadline into UpstreamTimeoutError and aborts it', async () => {
    const policy = createUpstreamPolicy(options);
    let aborted = false;
    const call = policy.execute(
      (signal) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => (aborted = true));
          setTimeout(resolve, 1_000);
        }),
    );
    await expect(call).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(aborted).toBe(true);
  });

  it('opens the circuit after consecutive upstream failures and then refuses without calling', async () => {
    const policy = createUpstreamPolicy(options);
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new UpstreamFailedError('population', 'HTTP 500'));
    };
    await expect(policy.execute(failing)).rejects.toBeInstanceOf(UpstreamFailedError);
    await expect(policy.execute(failing)).rejects.toBeInstanceOf(UpstreamFailedError);
    expect(policy.circuitState()).toBe('open');
    const refusal = await policy.execute(failing).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UpstreamUnavailableError);
    expect((refusal as UpstreamUnavailableError).retryAfterSeconds).toBe(60);
    expect(calls).toBe(2);
  });

  it('does not count errors that are not upstream failures towards the circuit', async () => {
    const policy = createUpstreamPolicy(options);
    for (let i = 0; i < 3; i += 1) {
      await expect(policy.execute(() => Promise.reject(new RangeError('caller bug')))).rejects.toBeInstanceOf(
        RangeError,
      );
    }
    expect(policy.circuitState()).toBe('closed');
  });
});
