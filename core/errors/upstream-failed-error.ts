import type { RegistryName } from '../ports/registry-name.js';
import { GatewayError } from './gateway-error.js';

/** The registry answered, but with a failure, or with something the gateway could not understand. */
export class UpstreamFailedError extends GatewayError {
  readonly kind = 'upstream-failed';
  constructor(
    readonly registry: RegistryName,
    readonly reason: string,
  ) {
    super(`The ${registry} registry failed: ${reason}`);
  }
}
