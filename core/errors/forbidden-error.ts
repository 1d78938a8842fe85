import { GatewayError } from './gateway-error.js';

/** The caller is known but its policy does not allow this: a missing scope, purpose, or a disabled client. */
export class ForbiddenError extends GatewayError {
  readonly kind = 'forbidden';
  constructor(
    readonly reason: 'scope' | 'purpose' | 'disabled-client',
    detail: string,
    /** The refused caller, when it is known but no function will run for it (a disabled client). */
    readonly caller?: { readonly clientId: string; readonly keyId: string },
  ) {
    super(detail);
  }
}
