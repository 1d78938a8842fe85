import type { Client } from '../../schemas/clients.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { UnauthenticatedError } from '../errors/unauthenticated-error.js';
import type { ClientDirectory } from '../ports/client-directory.js';
import { authenticateClient, refuseDisabledClient } from './authenticate-client.js';

const client: Client = {
  clientId: 'district-7',
  name: 'District 7',
  unitCode: 'UBND-Q7',
  status: 'active',
  policy: { scopes: ['population:verify'], fields: {}, rateLimit: { perSecond: 5 }, dailyQuota: 100 },
};

const directory = (status: Client['status'] | 'unknown'): ClientDirectory => ({
  findByApiKey: () =>
    Promise.resolve(status === 'unknown' ? undefined : { client: { ...client, status }, keyId: 'k1' }),
});

describe('authenticateClient', () => {
  it('resolves a known key of an active client to the client and key id', async () => {
    await expect(authenticateClient(directory('active'), 'lt_key')).resolves.toEqual({ client, keyId: 'k1' });
  });

  it('refuses a missing key as unauthenticated', async () => {
    await expect(authenticateClient(directory('active'), '  ')).rejects.toEqual(
      new UnauthenticatedError('missing-key'),
    );
  });

  it('refuses an unknown or revoked key as unauthenticated', async () => {
    await expect(authenticateClient(directory('unknown'), 'lt_key')).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
  });

  it('resolves a key of a disabled client, for the functions to refuse and ledger', async () => {
    await expect(authenticateClient(directory('disabled'), 'lt_key')).resolves.toMatchObject({
      client: { status: 'disabled' },
    });
  });

  it('refuses a disabled caller as forbidden, an active one not', () => {
    const caller = { clientId: 'c', keyId: 'k', unitCode: 'u', policy: client.policy };
    expect(() => refuseDisabledClient({ ...caller, status: 'disabled' })).toThrow(ForbiddenError);
    expect(() => refuseDisabledClient({ ...caller, status: 'active' })).not.toThrow();
  });
});
