import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';
import { UpstreamTimeoutError } from '../../core/errors/upstream-timeout-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { RegistryName } from '../../core/ports/registry-name.js';

export interface UpstreamPolicyOptions {
  readonly registry: RegistryName;
  /** The whole call, retries included, must finish within this. */
  readonly deadlineMs: number;
  /** Consecutive upstream failures that open the circuit. */
  readonly breakerThreshold?: number;
  /** How long an open circuit rejects calls before letting one through. */
  readonly halfOpenAfterMs?: number;
  /** Which errors count as the upstream failing (and so towards opening the circuit). */
  readonly isUpstreamFailure: (error: unknown) => boolean;
}

export interface UpstreamPolicy {
  /** Runs one upstream call under the deadline and the circuit breaker; `signal` aborts the call at the deadline. */
  execute<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T>;
  readonly circuitState: () => 'closed' | 'open' | 'half-open' | 'isolated';
}

/**
 * Per-upstream resilience (cockatiel): a hard deadline that aborts the HTTP request, inside a circuit
 * breaker that stops calling a registry that keeps failing. Deadline and open-circuit rejections are
 * translated into the gateway's own errors here, so callers only see core error types.
 */
export function createUpstreamPolicy(options: UpstreamPolicyOptions): UpstreamPolicy {
  const halfOpenAfterMs = options.halfOpenAfterMs ?? 10_000;
  const breaker = circuitBreaker(
    handleWhen((error) => error instanceof TaskCancelledError || options.isUpstreamFailure(error)),
    {
      halfOpenAfter: halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
    },
  );
  const deadline = timeout(options.deadlineMs, TimeoutStrategy.Aggressive);
  const policy: IPolicy = wrap(breaker, deadline);

  return {
    async execute(call) {
      try {
        return await policy.execute(({ signal }) => call(signal));
      } catch (error) {
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
        throw error;
      }
    },
    circuitState: () => circuitStateNames[breaker.state],
  };
}

const circuitStateNames = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
} as const;
