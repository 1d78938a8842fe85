import { GatewayError } from './gateway-error.js';

/** The caller is known but its policy does not allow this: a missing scope, purpose, or a disabled client. */
export class ForbiddenError extends GatewayError {
  readonly kind = 'forbidden';
  constructor(
    readonly reason: 'scope' | 'purpose' | 'disabled-client',
    detail: string,
  ) {
    super(detail);
  }
}
