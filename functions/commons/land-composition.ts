import { SoapLandRegistry } from '../../adapters/land/soap-land-registry.js';
import { systemClock } from '../../core/ports/clock.js';
import { resilienceSettings, once, shippedFile } from './composition.js';
import { landConfigSchema, landCredentialsSchema, loadConfig } from './config.js';
import { resolveJsonSecret } from './secrets.js';

/**
 * The land registry's SOAP adapter, built once per container (the WSDL is parsed here). Both land
 * routes share it, so they share its login token, circuit breaker and bulkhead.
 */
export const landRegistry = once(async () => {
  const config = loadConfig(landConfigSchema);
  const credentials = await resolveJsonSecret(
    landCredentialsSchema,
    config.LAND_CREDENTIALS,
    config.LAND_CREDENTIALS_SECRET_ID,
  );
  return SoapLandRegistry.create({
    wsdlPath: shippedFile('adapters/land/land.wsdl'),
    endpoint: config.LAND_ENDPOINT,
    credentials,
    deadlineMs: config.LAND_DEADLINE_MS,
    clock: systemClock,
    resilience: resilienceSettings(),
  });
});
