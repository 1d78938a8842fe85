import type { DependencyProbe, ProbeResult } from '../ports/dependency-probe.js';
import type { Clock } from '../ports/clock.js';
import type { RegistryName } from '../ports/registry-name.js';
import type { RegistryStatusBoard, RegistryStatusReport } from '../ports/registry-status-board.js';

type CircuitSummary = RegistryStatusReport['circuit'] | 'unknown';

export interface DependencyState extends ProbeResult {
  readonly kind: DependencyProbe['kind'];
  readonly circuit?: CircuitSummary;
  readonly recentLatencyMs?: number | null;
  readonly recentErrorRate?: number | null;
}

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly dependencies: Record<string, DependencyState>;
}

export interface HealthDependencies {
  readonly probes: readonly DependencyProbe[];
  /** Registry probes by registry name, for joining the status board's reports. */
  readonly registryOf: (probe: DependencyProbe) => RegistryName | undefined;
  readonly statusBoard?: RegistryStatusBoard;
  readonly clock: Clock;
}

/** Reports older than this no longer describe the registry's state. */
const statusWindowMs = 5 * 60 * 1000;
const circuitSeverity: Record<CircuitSummary, number> = {
  unknown: 0,
  closed: 1,
  'half-open': 2,
  open: 3,
  isolated: 3,
};

/**
 * Probes every dependency in parallel and, for registries, adds what the gateway's functions
 * reported of them: the worst circuit state, their recent latency and error rate.
 *
 * Primary course:
 *  1. Ask each dependency, each under its own deadline (a probe never spends a registry's quota).
 *  2. For each registry, read the recent reports of the functions that call it.
 *  3. The gateway is `degraded` when any dependency is unreachable or any circuit is open.
 */
export async function checkHealth(deps: HealthDependencies): Promise<HealthReport> {
  const since = new Date(deps.clock.now().getTime() - statusWindowMs).toISOString();
  const results = await Promise.all(
    deps.probes.map(async (probe) => {
      const registry = deps.registryOf(probe);
      const [probed, reports] = await Promise.all([
        probe.probe(),
        registry && deps.statusBoard
          ? deps.statusBoard.recent(registry, since).catch(() => undefined)
          : undefined,
      ]);
      const state: DependencyState = { kind: probe.kind, ...probed, ...(registry ? summarise(reports) : {}) };
      return [probe.name, state] as const;
    }),
  );
  const healthy = results.every(
    ([, state]) => state.reachable && state.circuit !== 'open' && state.circuit !== 'isolated',
  );
  return { status: healthy ? 'ok' : 'degraded', dependencies: Object.fromEntries(results) };
}

function summarise(reports: readonly RegistryStatusReport[] | undefined) {
  if (!reports || reports.length === 0)
    return { circuit: 'unknown' as const, recentLatencyMs: null, recentErrorRate: null };
  const circuit = reports.reduce<CircuitSummary>(
    (worst, report) => (circuitSeverity[report.circuit] > circuitSeverity[worst] ? report.circuit : worst),
    'unknown',
  );
  return {
    circuit,
    recentLatencyMs: mean(reports.map((r) => r.recentLatencyMs)),
    recentErrorRate: mean(reports.map((r) => r.recentErrorRate)),
  };
}

function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length
    ? Math.round((known.reduce((sum, value) => sum + value, 0) / known.length) * 1000) / 1000
    : null;
}
