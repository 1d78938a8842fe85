import { GatewayError } from './gateway-error.js';

/** The caller has spent its rate limit or its daily quota. */
export class RateLimitedError extends GatewayError {
  readonly kind = 'too-many-requests';
  constructor(
    readonly limit: 'rate' | 'daily-quota',
    readonly retryAfterSeconds: number,
    readonly allowance: number,
  ) {
    super(
      limit === 'rate'
        ? `The key's rate limit of ${allowance} requests per second is spent; retry in ${retryAfterSeconds} s`
        : `The client's daily quota of ${allowance} requests is spent; retry in ${retryAfterSeconds} s`,
    );
  }
}
