/**
 * `npm run registries`: the simulated national registries alone, on fixed ports.
 *
 * Environment (all optional):
 * - `REGISTRIES_SEED` — seed of the synthetic data (default 20250701);
 * - `POPULATION_REGISTRY_PORT` / `LAND_REGISTRY_PORT` / `BUSINESS_REGISTRY_PORT` — 8101 / 8102 / 8103;
 * - `POPULATION_REGISTRY_USER` / `POPULATION_REGISTRY_SECRET` — the signing credentials
 *   (default `lienthong-sandbox` / `sandbox-secret`);
 * - `POPULATION_REGISTRY_CITIZENS` — synthetic citizens besides the fixtures (default 10000);
 * - `POPULATION_REGISTRY_BEHAVIOUR` / `LAND_REGISTRY_BEHAVIOUR` / `BUSINESS_REGISTRY_BEHAVIOUR` — each
 *   registry's starting behaviour as JSON (see `behaviour/index.ts`).
 */
import { registriesOptionsFromEnvironment, startRegistries } from './registries.js';

const registries = await startRegistries(registriesOptionsFromEnvironment());
for (const [name, { url, controlUrl }] of Object.entries(registries.endpoints)) {
  console.log(`${name.padEnd(10)} ${url}   (control: ${controlUrl})`);
}

let stopping = false;
const shutDown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the registries`);
  registries.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`could not stop cleanly: ${(error as Error).message}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutDown('SIGINT'));
process.on('SIGTERM', () => shutDown('SIGTERM'));
