import { UnauthenticatedError } from '../errors/unauthenticated-error.js';
import type { ApiKeyOwner, ClientDirectory } from '../ports/client-directory.js';

/**
 * Resolves an API key to its client.
 *
 * Primary course:
 *  1. Refuse a request without a key.
 *  2. Look the key up by its keyed hash; refuse an unknown key or a disabled client.
 */
export async function authenticateClient(
  directory: ClientDirectory,
  apiKey: string | undefined,
): Promise<ApiKeyOwner> {
  if (apiKey === undefined || apiKey.trim() === '') throw new UnauthenticatedError('missing-key');
  const owner = await directory.findByApiKey(apiKey.trim());
  if (owner === undefined || owner.client.status !== 'active') throw new UnauthenticatedError('unknown-key');
  return owner;
}
