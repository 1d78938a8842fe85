import type { RegistryName } from '../ports/registry-name.js';
import { GatewayError } from './gateway-error.js';

/** The registry cannot be asked right now: refused, circuit open, or out of quota. Worth retrying later. */
export class UpstreamUnavailableError extends GatewayError {
  readonly kind = 'upstream-unavailable';
  constructor(
    readonly registry: RegistryName,
    readonly reason: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`The ${registry} registry is unavailable: ${reason}`);
  }
}
