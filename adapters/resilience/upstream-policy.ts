import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import { UpstreamTimeoutError } from '../../core/errors/upstream-timeout-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { RegistryName } from '../../core/ports/registry-name.js';
import { RetryBudget } from './retry-budget.js';
import { addUpstreamTime } from './upstream-timing.js';

export interface UpstreamPolicyOptions {
  readonly registry: RegistryName;
  /** The whole call, retries and queueing included, must finish within this. */
  readonly deadlineMs: number;
  /** Which errors count as the upstream failing (towards opening the circuit). Quota refusals must not. */
  readonly isUpstreamFailure: (error: unknown) => boolean;
  /** Which failures are worth one more try (a dropped connection, a 503 from a proxy). */
  readonly isTransient?: (error: unknown) => boolean;
  /** Attempts for idempotent reads, first one included. */
  readonly maxAttempts?: number;
  /** Consecutive upstream failures that open the circuit. */
  readonly breakerThreshold?: number;
  /** How long an open circuit rejects calls before letting one through. */
  readonly halfOpenAfterMs?: number;
  /** Calls in flight to this upstream from one container, and calls allowed to wait for a slot. */
  readonly concurrency?: number;
  readonly queue?: number;
  /**
   * Told how this upstream is doing, as seen from this container: at once when its circuit changes
   * state, otherwise at most every `statusIntervalMs` after a call. Must not throw or block.
   */
  readonly onStatus?: (status: UpstreamStatus) => void;
  readonly statusIntervalMs?: number;
}

/** The settings an adapter passes through to its policy, beyond its registry and deadline. */
export type ResilienceSettings = Partial<
  Pick<
    UpstreamPolicyOptions,
    | 'maxAttempts'
    | 'breakerThreshold'
    | 'halfOpenAfterMs'
    | 'concurrency'
    | 'queue'
    | 'onStatus'
    | 'statusIntervalMs'
  >
>;

/** One container's view of an upstream, for the health endpoint. */
export interface UpstreamStatus extends UpstreamCallStats {
  readonly registry: RegistryName;
  readonly circuit: ReturnType<UpstreamPolicy['circuitState']>;
}

export interface UpstreamCallStats {
  readonly calls: number;
  readonly failures: number;
  /** Mean latency of the recent calls, in ms. */
  readonly recentLatencyMs: number | null;
  readonly recentErrorRate: number | null;
}

export interface UpstreamPolicy {
  /**
   * Runs one upstream call under the deadline, the bulkhead and the circuit breaker; an idempotent
   * read is retried on transient failures while the deadline and the retry budget allow. `signal`
   * aborts the HTTP request when the deadline passes.
   */
  execute<T>(call: (signal: AbortSignal) => Promise<T>, mode: { idempotent: boolean }): Promise<T>;
  readonly circuitState: () => 'closed' | 'open' | 'half-open' | 'isolated';
  readonly stats: () => UpstreamCallStats;
}

const recentWindow = 50;

/**
 * Per-upstream resilience with cockatiel, outermost first: deadline (aborts everything at once) →
 * bulkhead → retry (idempotent reads only, jittered exponential backoff, bounded by a retry budget)
 * → circuit breaker → the attempt. Cockatiel's rejections become the gateway's own errors here, so
 * callers only ever see core error types.
 */
export function createUpstreamPolicy(options: UpstreamPolicyOptions): UpstreamPolicy {
  const halfOpenAfterMs = options.halfOpenAfterMs ?? 10_000;
  const breaker = circuitBreaker(
    handleWhen((error) => error instanceof TaskCancelledError || options.isUpstreamFailure(error)),
    { halfOpenAfter: halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5) },
  );
  const budget = new RetryBudget();
  const isTransient = options.isTransient ?? (() => false);
  const retrying = retry(
    handleWhen((error) => isTransient(error) && budget.tryTakeRetry()),
    {
      maxAttempts: Math.max(0, (options.maxAttempts ?? 2) - 1),
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 1_000 }),
    },
  );
  const limiter = bulkhead(options.concurrency ?? 32, options.queue ?? 64);
  const deadline = timeout(options.deadlineMs, TimeoutStrategy.Aggressive);
  const idempotentPolicy = wrap(deadline, limiter, retrying, breaker);
  const singleShotPolicy = wrap(deadline, limiter, breaker);

  const recent: { latencyMs: number; failed: boolean }[] = [];
  let calls = 0;
  let failures = 0;
  let lastReportAt = Number.NEGATIVE_INFINITY;
  const stats = (): UpstreamCallStats => ({
    calls,
    failures,
    recentLatencyMs: recent.length
      ? Math.round((recent.reduce((sum, r) => sum + r.latencyMs, 0) / recent.length) * 10) / 10
      : null,
    recentErrorRate: recent.length ? recent.filter((r) => r.failed).length / recent.length : null,
  });
  const report = (force: boolean) => {
    if (!options.onStatus) return;
    const now = performance.now();
    if (!force && now - lastReportAt < (options.statusIntervalMs ?? 15_000)) return;
    lastReportAt = now;
    options.onStatus({ registry: options.registry, circuit: circuitStateNames[breaker.state], ...stats() });
  };
  breaker.onStateChange(() => report(true));
  const remember = (started: number, failed: boolean) => {
    const latencyMs = performance.now() - started;
    addUpstreamTime(latencyMs);
    calls += 1;
    if (failed) failures += 1;
    recent.push({ latencyMs, failed });
    if (recent.length > recentWindow) recent.shift();
    report(false);
  };

  return {
    async execute(call, mode) {
      budget.recordCall();
      const started = performance.now();
      const policy = mode.idempotent ? idempotentPolicy : singleShotPolicy;
      try {
        const result = await policy.execute(({ signal }) => call(signal));
        remember(started, false);
        return result;
      } catch (error) {
        remember(started, true);
        if (error instanceof TaskCancelledError) {
          throw new UpstreamTimeoutError(options.registry, options.deadlineMs);
        }
        if (error instanceof BrokenCircuitError) {
          throw new UpstreamUnavailableError(
            options.registry,
            'circuit open',
            Math.ceil(halfOpenAfterMs / 1000),
          );
        }
        if (error instanceof BulkheadRejectedError) {
          throw new UpstreamUnavailableError(options.registry, 'too many calls in flight', 1);
        }
        throw error;
      }
    },
    circuitState: () => circuitStateNames[breaker.state],
    stats,
  };
}

const circuitStateNames = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
} as const;
