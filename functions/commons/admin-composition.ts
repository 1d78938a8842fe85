import { DynamoDbClientRegistry } from '../../adapters/dynamodb/dynamodb-client-registry.js';
import { ApiKeyHasher } from '../../adapters/keys/api-key-hasher.js';
import { RandomApiKeyMinter } from '../../adapters/keys/api-key-minter.js';
import type { ClientManagementDependencies } from '../../core/clients/manage-clients.js';
import { systemClock } from '../../core/ports/clock.js';
import { documents } from './aws-clients.js';
import { once } from './composition.js';
import { clientsConfigSchema, loadConfig } from './config.js';
import { resolveSecret } from './secrets.js';

/** Client management (the admin API): the clients table, read and write, and the key pepper. */
export const clientManagement = once(async (): Promise<ClientManagementDependencies> => {
  const config = loadConfig(clientsConfigSchema);
  const pepper = await resolveSecret(config.KEY_PEPPER, config.KEY_PEPPER_SECRET_ID);
  return {
    clientRegistry: new DynamoDbClientRegistry(documents, config.CLIENTS_TABLE_NAME),
    keyMinter: new RandomApiKeyMinter(new ApiKeyHasher(pepper)),
    clock: systemClock,
  };
});
