import { UpstreamUnavailableError } from '../errors/upstream-unavailable-error.js';
import type { RegistryName } from '../ports/registry-name.js';
import type { RegistryPacer } from '../ports/registry-pacer.js';

/** How often one call refused for quota is tried again before the item is given back to the queue. */
const quotaRetries = 5;

export function isQuotaRefusal(error: unknown): error is UpstreamUnavailableError {
  return error instanceof UpstreamUnavailableError && error.reason === 'quota exceeded';
}

/**
 * Wraps a registry port so that every call waits for the registry's pacer first. A quota refusal is
 * not the item's failure: the pacer is told to slow everyone down and the same call is made again
 * (inside the same ledgered access, so the ledger holds one entry for it).
 */
export function pacedRegistry<T extends object>(registry: T, name: RegistryName, pacer: RegistryPacer): T {
  return new Proxy(registry, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        for (let attempt = 0; ; attempt += 1) {
          await pacer.acquire(name);
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } catch (error) {
            if (!isQuotaRefusal(error) || attempt >= quotaRetries) throw error;
            await pacer.slowDown(name, error.retryAfterSeconds);
          }
        }
      };
    },
  });
}
