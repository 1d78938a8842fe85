import type { Caller } from '../../schemas/clients.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { UnauthenticatedError } from '../errors/unauthenticated-error.js';
import type { ApiKeyOwner, ClientDirectory } from '../ports/client-directory.js';

/**
 * Resolves an API key to its client.
 *
 * Primary course:
 *  1. Refuse a request without a key.
 *  2. Look the key up; refuse an unknown or revoked key (unauthenticated, 401).
 * A disabled client's key resolves: the caller is known, and every function refuses it (403) through
 * `refuseDisabledClient`, where the refusal is ledgered with the request it refused.
 */
export async function authenticateClient(
  directory: ClientDirectory,
  apiKey: string | undefined,
): Promise<ApiKeyOwner> {
  if (apiKey === undefined || apiKey.trim() === '') throw new UnauthenticatedError('missing-key');
  const owner = await directory.findByApiKey(apiKey.trim());
  if (owner === undefined) throw new UnauthenticatedError('unknown-key');
  return owner;
}

/** A known caller whose client is disabled may do nothing (403). */
export function refuseDisabledClient(caller: Caller): void {
  if (caller.status === 'disabled') throw new ForbiddenError('disabled-client', 'This client is disabled');
}
