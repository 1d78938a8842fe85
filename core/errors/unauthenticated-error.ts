import { GatewayError } from './gateway-error.js';

/** No API key, or one the gateway does not know. */
export class UnauthenticatedError extends GatewayError {
  readonly kind = 'unauthenticated';
  constructor(readonly reason: 'missing-key' | 'unknown-key') {
    super(
      reason === 'missing-key' ? 'An API key is required (header x-api-key)' : 'The API key is not valid',
    );
  }
}
