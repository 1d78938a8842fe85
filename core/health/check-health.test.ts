import type { DependencyProbe } from '../ports/dependency-probe.js';
import type { RegistryStatusReport } from '../ports/registry-status-board.js';
import { checkHealth } from './check-health.js';

const now = new Date('2026-11-27T04:00:00.000Z');
const probe = (name: string, kind: DependencyProbe['kind'], reachable = true): DependencyProbe => ({
  name,
  kind,
  probe: async () => ({ reachable, latencyMs: 1 }),
});
const report = (circuit: RegistryStatusReport['circuit'], errorRate: number): RegistryStatusReport => ({
  registry: 'population',
  circuit,
  recentLatencyMs: 10,
  recentErrorRate: errorRate,
  reportedAt: now.toISOString(),
});

function health(probes: DependencyProbe[], reports: RegistryStatusReport[]) {
  const population = probes.find((p) => p.name === 'registry:population');
  return checkHealth({
    probes,
    registryOf: (p) => (p === population ? 'population' : undefined),
    statusBoard: { report: async () => undefined, recent: async () => reports },
    clock: { now: () => now },
  });
}

describe('checkHealth', () => {
  it('is ok when every dependency answers and no circuit is open', async () => {
    const result = await health(
      [probe('table:Ledger', 'store'), probe('registry:population', 'registry')],
      [report('closed', 0)],
    );
    expect(result.status).toBe('ok');
    expect(result.dependencies['registry:population']).toEqual({
      kind: 'registry',
      reachable: true,
      latencyMs: 1,
      circuit: 'closed',
      recentLatencyMs: 10,
      recentErrorRate: 0,
    });
    expect(result.dependencies['table:Ledger']).toEqual({ kind: 'store', reachable: true, latencyMs: 1 });
  });

  it('reports the worst circuit any function saw, and is degraded while one is open', async () => {
    const result = await health(
      [probe('registry:population', 'registry')],
      [report('closed', 0), report('open', 1)],
    );
    expect(result.status).toBe('degraded');
    expect(result.dependencies['registry:population']).toMatchObject({
      circuit: 'open',
      recentErrorRate: 0.5,
    });
  });

  it('says unknown when no function has reported on a registry lately', async () => {
    const result = await health([probe('registry:population', 'registry')], []);
    expect(result.dependencies['registry:population']).toMatchObject({
      circuit: 'unknown',
      recentErrorRate: null,
    });
    expect(result.status).toBe('ok');
  });

  it('is degraded when a dependency does not answer', async () => {
    const result = await health([probe('table:Ledger', 'store', false)], []);
    expect(result.status).toBe('degraded');
  });
});
