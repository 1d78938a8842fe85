import { AsyncLocalStorage } from 'node:async_hooks';

/** Time spent waiting for registries while serving one request. */
export interface UpstreamTiming {
  upstreamMs: number;
  calls: number;
}

/** The gateway's own round trips on a request's path, timed for `Server-Timing` (see `timeStage`). */
export type TimedStage = 'admission' | 'ledger';

interface RequestTiming extends UpstreamTiming {
  readonly stages: Map<TimedStage, { intervals: [number, number][]; calls: number }>;
}

const timings = new AsyncLocalStorage<RequestTiming>();

/**
 * Starts counting upstream time for the request being served (everything that follows in this
 * asynchronous context, and only that: concurrent requests each count their own).
 */
export function startUpstreamTiming(): void {
  timings.enterWith({ upstreamMs: 0, calls: 0, stages: new Map() });
}

/** The upstream time of the request being served, if counting was started. */
export function currentUpstreamTiming(): UpstreamTiming | undefined {
  return timings.getStore();
}

/** Adds one registry call's time (every upstream policy call does this). */
export function addUpstreamTime(milliseconds: number): void {
  const timing = timings.getStore();
  if (!timing) return;
  timing.upstreamMs += milliseconds;
  timing.calls += 1;
}

/**
 * Runs one round trip of a stage (a counter update, a ledger write) and notes when it ran. Calls of
 * one stage made side by side count once: a stage's time is the wall time during which any of its
 * calls was in flight.
 */
export async function timeStage<T>(stage: TimedStage, work: () => Promise<T>): Promise<T> {
  const timing = timings.getStore();
  if (!timing) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    const record = timing.stages.get(stage) ?? { intervals: [], calls: 0 };
    record.intervals.push([started, performance.now()]);
    record.calls += 1;
    timing.stages.set(stage, record);
  }
}

/** Each stage of the request being served: its calls and the wall time they took, in ms. */
export function currentStageTimings(): { stage: TimedStage; calls: number; ms: number }[] {
  const timing = timings.getStore();
  if (!timing) return [];
  return [...timing.stages].map(([stage, { intervals, calls }]) => ({
    stage,
    calls,
    ms: unionLength(intervals),
  }));
}

function unionLength(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [start, end] = sorted[0] ?? [0, 0];
  for (const [from, to] of sorted.slice(1)) {
    if (from > end) {
      total += end - start;
      [start, end] = [from, to];
    } else end = Math.max(end, to);
  }
  return total + end - start;
}
