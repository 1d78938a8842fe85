import type { Caller } from '../../schemas/clients.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { refuseDisabledClient } from '../access/authenticate-client.js';

/** Client management is for callers holding the `admin` scope. */
export function requireAdmin(caller: Caller): void {
  refuseDisabledClient(caller);
  if (!caller.policy.scopes.includes('admin')) {
    throw new ForbiddenError('scope', 'This client may not manage clients (scope admin)');
  }
}
