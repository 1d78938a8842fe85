import { SoapPopulationRegistry } from '../../adapters/population/soap-population-registry.js';
import { systemClock } from '../../core/ports/clock.js';
import { resilienceSettings, once, shippedFile } from './composition.js';
import { loadConfig, populationConfigSchema, populationCredentialsSchema } from './config.js';
import { resolveJsonSecret } from './secrets.js';

/** The population registry's SOAP adapter, built once per container (the WSDL is parsed here). */
export const populationRegistry = once(async () => {
  const config = loadConfig(populationConfigSchema);
  const credentials = await resolveJsonSecret(
    populationCredentialsSchema,
    config.POPULATION_CREDENTIALS,
    config.POPULATION_CREDENTIALS_SECRET_ID,
  );
  return SoapPopulationRegistry.create({
    wsdlPath: shippedFile('adapters/population/population.wsdl'),
    endpoint: config.POPULATION_ENDPOINT,
    credentials,
    deadlineMs: config.POPULATION_DEADLINE_MS,
    clock: systemClock,
    resilience: resilienceSettings(),
  });
});
