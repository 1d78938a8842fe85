import type { RegistryName } from '../ports/registry-name.js';
import { GatewayError } from './gateway-error.js';

/** The registry answered, but with a failure, or with something the gateway could not understand. */
export class UpstreamFailedError extends GatewayError {
  readonly kind = 'upstream-failed';
  constructor(
    readonly registry: RegistryName,
    readonly reason: string,
    /** Whether another attempt could succeed (a proxy's 502/503/504, a dropped connection). */
    readonly transient = false,
  ) {
    super(`The ${registry} registry failed: ${reason}`);
  }
}
