import { ForbiddenError } from '../errors/forbidden-error.js';
import { UnauthenticatedError } from '../errors/unauthenticated-error.js';
import type { ApiKeyOwner, ClientDirectory } from '../ports/client-directory.js';

/**
 * Resolves an API key to its client.
 *
 * Primary course:
 *  1. Refuse a request without a key.
 *  2. Look the key up; refuse an unknown or revoked key (unauthenticated, 401).
 *  3. Refuse a valid key of a disabled client (forbidden, 403): the caller is known but may not call.
 */
export async function authenticateClient(
  directory: ClientDirectory,
  apiKey: string | undefined,
): Promise<ApiKeyOwner> {
  if (apiKey === undefined || apiKey.trim() === '') throw new UnauthenticatedError('missing-key');
  const owner = await directory.findByApiKey(apiKey.trim());
  if (owner === undefined) throw new UnauthenticatedError('unknown-key');
  if (owner.client.status !== 'active') {
    throw new ForbiddenError('disabled-client', 'This client is disabled', {
      clientId: owner.client.clientId,
      keyId: owner.keyId,
    });
  }
  return owner;
}
