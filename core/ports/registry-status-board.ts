import type { RegistryName } from './registry-name.js';

/** One function container's view of a registry. */
export interface RegistryStatusReport {
  readonly registry: RegistryName;
  readonly circuit: 'closed' | 'half-open' | 'open' | 'isolated';
  readonly recentLatencyMs: number | null;
  readonly recentErrorRate: number | null;
  readonly reportedAt: string;
}

/**
 * Where functions leave word of how each registry is doing, so the health endpoint — which never
 * calls a registry itself — can say whether a circuit is open somewhere.
 */
export interface RegistryStatusBoard {
  report(status: RegistryStatusReport): Promise<void>;
  /** Reports made since `since` for one registry, one per reporting container. */
  recent(registry: RegistryName, since: string): Promise<RegistryStatusReport[]>;
}
