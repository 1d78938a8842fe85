import type { RegistryName } from './registry-name.js';

/**
 * Paces calls to a registry to its quota, across every worker container at once.
 */
export interface RegistryPacer {
  /** Resolves when one more call to `registry` fits its quota (immediately if it has none). */
  acquire(registry: RegistryName): Promise<void>;
  /** The registry refused a call as over its quota: everyone slows down. */
  slowDown(registry: RegistryName, retryAfterSeconds: number): Promise<void>;
}
