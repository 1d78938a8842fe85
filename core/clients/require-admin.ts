import type { Caller } from '../../schemas/clients.js';
import { ForbiddenError } from '../errors/forbidden-error.js';

/** Client management is for callers holding the `admin` scope. */
export function requireAdmin(caller: Caller): void {
  if (!caller.policy.scopes.includes('admin')) {
    throw new ForbiddenError('scope', 'This client may not manage clients (scope admin)');
  }
}
