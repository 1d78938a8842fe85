import type { RegistryName } from '../ports/registry-name.js';
import { GatewayError } from './gateway-error.js';

/** The registry did not answer within the gateway's deadline. */
export class UpstreamTimeoutError extends GatewayError {
  readonly kind = 'upstream-timeout';
  constructor(
    readonly registry: RegistryName,
    readonly deadlineMs: number,
  ) {
    super(`The ${registry} registry did not answer within ${deadlineMs} ms`);
  }
}
