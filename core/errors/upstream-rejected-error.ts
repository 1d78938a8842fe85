import type { RegistryName } from '../ports/registry-name.js';
import { GatewayError } from './gateway-error.js';

/**
 * The registry refused the request as invalid by its own rules, although the gateway's validation
 * let it through. The client's input is the likely cause, so it is answered as 422, not as a 5xx.
 */
export class UpstreamRejectedError extends GatewayError {
  readonly kind = 'upstream-rejected';
  constructor(
    readonly registry: RegistryName,
    readonly reason: string,
  ) {
    super(`The ${registry} registry rejected the request as invalid: ${reason}`);
  }
}
