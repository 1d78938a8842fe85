import { GatewayError } from './gateway-error.js';

/** The request would create something that exists already (e.g. a client id that is taken). */
export class ConflictError extends GatewayError {
  readonly kind = 'conflict';
  constructor(detail: string) {
    super(detail);
  }
}
