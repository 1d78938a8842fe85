import { GatewayError } from './gateway-error.js';

/** The registry holds no record under the key asked for. */
export class NotFoundError extends GatewayError {
  readonly kind = 'not-found';
  constructor(readonly what: string) {
    super(`No ${what} was found`);
  }
}
