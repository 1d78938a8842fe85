/** What a closed-loop run measured: latency percentiles (ms) and completed requests per second. */
export interface LoadResult {
  readonly concurrency: number;
  readonly requests: number;
  readonly errors: number;
  readonly durationMs: number;
  readonly throughput: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface LoadOptions {
  readonly concurrency: number;
  /** Measured time; each run is bounded by it (plus the requests in flight when it ends). */
  readonly durationMs: number;
  /** Unmeasured time first, so connections, JIT and caches are warm. */
  readonly warmUpMs: number;
  /** Told when the measured time starts (after the warm-up), e.g. to forget what the warm-up noted. */
  readonly onMeasuredStart?: () => void;
}

/**
 * Runs `call` from `concurrency` workers, each issuing its next request when the previous one is
 * answered (closed loop), for a fixed time. Every latency is kept (runs are seconds long, so at most
 * some hundred thousand numbers) and percentiles are read from the sorted list: exact, no histogram.
 * A call that throws counts as an error and its latency is not kept.
 */
export async function runClosedLoop(call: () => Promise<void>, options: LoadOptions): Promise<LoadResult> {
  await loop(call, options.concurrency, options.warmUpMs);
  options.onMeasuredStart?.();
  const started = performance.now();
  const { latencies, errors } = await loop(call, options.concurrency, options.durationMs);
  const durationMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (quantile: number) =>
    latencies.length
      ? latencies[Math.min(latencies.length - 1, Math.ceil(quantile * latencies.length) - 1)]!
      : NaN;
  return {
    concurrency: options.concurrency,
    requests: latencies.length,
    errors,
    durationMs,
    throughput: (latencies.length / durationMs) * 1000,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies.at(-1) ?? NaN,
  };
}

async function loop(call: () => Promise<void>, concurrency: number, durationMs: number) {
  const latencies: number[] = [];
  let errors = 0;
  const endAt = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < endAt) {
      const started = performance.now();
      try {
        await call();
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors };
}
