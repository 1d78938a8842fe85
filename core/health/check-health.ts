import type { DependencyProbe, ProbeResult } from '../ports/dependency-probe.js';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly dependencies: Record<string, ProbeResult & { kind: DependencyProbe['kind'] }>;
}

/**
 * Probes every dependency in parallel.
 *
 * Primary course:
 *  1. Ask each dependency, each under its own deadline.
 *  2. Report each one's state; the gateway is `degraded` when any is unreachable.
 */
export async function checkHealth(probes: readonly DependencyProbe[]): Promise<HealthReport> {
  const results = await Promise.all(
    probes.map(async (probe) => [probe.name, { kind: probe.kind, ...(await probe.probe()) }] as const),
  );
  return {
    status: results.every(([, result]) => result.reachable) ? 'ok' : 'degraded',
    dependencies: Object.fromEntries(results),
  };
}
