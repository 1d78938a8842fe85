import type { FieldError } from '../../schemas/problem.js';
import { GatewayError } from './gateway-error.js';

/** The client sent something the gateway will not forward: nothing was asked of any registry. */
export class InvalidRequestError extends GatewayError {
  readonly kind = 'invalid-request';
  constructor(readonly fieldErrors: readonly FieldError[]) {
    super(`Invalid request: ${fieldErrors.map((e) => `${e.field} (${e.rule})`).join(', ')}`);
  }
}
