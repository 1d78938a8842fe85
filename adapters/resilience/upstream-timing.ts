import { AsyncLocalStorage } from 'node:async_hooks';

/** Time spent waiting for registries while serving one request. */
export interface UpstreamTiming {
  upstreamMs: number;
  calls: number;
}

const timings = new AsyncLocalStorage<UpstreamTiming>();

/**
 * Starts counting upstream time for the request being served (everything that follows in this
 * asynchronous context, and only that: concurrent requests each count their own).
 */
export function startUpstreamTiming(): void {
  timings.enterWith({ upstreamMs: 0, calls: 0 });
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
