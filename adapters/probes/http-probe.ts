import type { DependencyProbe, ProbeResult } from '../../core/ports/dependency-probe.js';
import { elapsed } from './table-probe.js';

/**
 * A registry is reachable when its endpoint answers HTTP at all (any status): this checks the network
 * path without spending the registry's quota on a real query.
 */
export class HttpProbe implements DependencyProbe {
  readonly kind = 'registry';
  constructor(
    readonly name: string,
    private readonly url: string,
    private readonly deadlineMs = 2_000,
  ) {}

  async probe(): Promise<ProbeResult> {
    const started = performance.now();
    try {
      const response = await fetch(this.url, {
        method: 'HEAD',
        signal: AbortSignal.timeout(this.deadlineMs),
      });
      await response.body?.cancel();
      return { reachable: true, latencyMs: elapsed(started) };
    } catch (error) {
      const name = (error as Error).name;
      return {
        reachable: false,
        latencyMs: elapsed(started),
        detail: name === 'TimeoutError' ? 'timeout' : 'unreachable',
      };
    }
  }
}
