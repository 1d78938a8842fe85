import { RestBusinessRegistry } from '../../adapters/business/rest-business-registry.js';
import { DynamoDbBusinessRecordCache } from '../../adapters/dynamodb/dynamodb-business-record-cache.js';
import { systemClock } from '../../core/ports/clock.js';
import { documents } from './aws-clients.js';
import { resilienceSettings, once } from './composition.js';
import { businessConfigSchema, businessCredentialsSchema, loadConfig } from './config.js';
import { resolveJsonSecret } from './secrets.js';

/**
 * The business registry's REST adapter and the record cache, built once per container: every
 * lookup of the container shares one access token, circuit breaker and bulkhead.
 */
export const businessLookupDependencies = once(async () => {
  const config = loadConfig(businessConfigSchema);
  const credentials = await resolveJsonSecret(
    businessCredentialsSchema,
    config.BUSINESS_CREDENTIALS,
    config.BUSINESS_CREDENTIALS_SECRET_ID,
  );
  return {
    businessRegistry: new RestBusinessRegistry({
      endpoint: config.BUSINESS_ENDPOINT,
      ...(config.BUSINESS_TOKEN_URL === undefined ? {} : { tokenUrl: config.BUSINESS_TOKEN_URL }),
      clientAuthentication: config.BUSINESS_CLIENT_AUTH,
      credentials,
      deadlineMs: config.BUSINESS_DEADLINE_MS,
      clock: systemClock,
      resilience: resilienceSettings(),
    }),
    cache: new DynamoDbBusinessRecordCache(documents, {
      tableName: config.REGISTRY_CACHE_TABLE_NAME,
      ttlSeconds: config.BUSINESS_CACHE_TTL_SECONDS,
      clock: systemClock,
    }),
  };
});
