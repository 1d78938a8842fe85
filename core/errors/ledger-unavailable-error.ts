import { GatewayError } from './gateway-error.js';

/**
 * The access could not be recorded in the ledger. The law requires the record before the answer, so
 * the answer is withheld.
 */
export class LedgerUnavailableError extends GatewayError {
  readonly kind = 'ledger-unavailable';
  constructor(override readonly cause: unknown) {
    super('The access ledger is unavailable; no answer can be given without recording the access');
  }
}
