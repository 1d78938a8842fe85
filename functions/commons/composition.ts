import { DynamoDbAccessLedger } from '../../adapters/dynamodb/dynamodb-access-ledger.js';
import { DynamoDbClientDirectory } from '../../adapters/dynamodb/dynamodb-client-directory.js';
import type { AdmissionDependencies } from '../../core/access/admit-request.js';
import type { LedgerDependencies } from '../../core/access-ledger/ledgered-access.js';
import { systemClock } from '../../core/ports/clock.js';
import { DynamoDbRequestCounters } from '../../adapters/dynamodb/dynamodb-request-counters.js';
import { ApiKeyHasher } from '../../adapters/keys/api-key-hasher.js';
import { HmacSubjectKeys } from '../../adapters/keys/hmac-subject-keys.js';
import { documents, dynamoDb } from './aws-clients.js';
import { HttpProbe } from '../../adapters/probes/http-probe.js';
import { TableProbe } from '../../adapters/probes/table-probe.js';
import type { DependencyProbe } from '../../core/ports/dependency-probe.js';
import { tables } from '../../infra/resources.js';
import {
  clientsConfigSchema,
  countersConfigSchema,
  ledgerConfigSchema,
  loadConfig,
  resilienceConfigSchema,
} from './config.js';
import { resolveSecret } from './secrets.js';

/**
 * Builds the real adapters, once per container, on first use. Each function asks only for what it
 * needs, so the authorizer never parses a WSDL and the verify function never reads the clients table.
 * Registry adapters live in their own composition modules (`population-composition.ts`, ...) so that
 * functions that never call a registry never bundle a SOAP client.
 */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () => {
    built ??= build().catch((error: unknown) => {
      built = undefined; // let the next invocation try again, e.g. after a secret is filled in
      throw error;
    });
    return built;
  };
}

export { shippedFile } from './shipped-file.js';

export const clientDirectory = once(async () => {
  const config = loadConfig(clientsConfigSchema);
  const pepper = await resolveSecret(config.KEY_PEPPER, config.KEY_PEPPER_SECRET_ID);
  return new DynamoDbClientDirectory(documents, config.CLIENTS_TABLE_NAME, new ApiKeyHasher(pepper));
});

export const accessLedger = once(async () => {
  const config = loadConfig(ledgerConfigSchema);
  const pepper = await resolveSecret(config.KEY_PEPPER, config.KEY_PEPPER_SECRET_ID);
  return {
    ledger: new DynamoDbAccessLedger(documents, {
      tableName: config.LEDGER_TABLE_NAME,
      retentionDays: config.LEDGER_RETENTION_DAYS,
    }),
    subjectKeys: new HmacSubjectKeys(pepper),
  };
});

/** Rate-limit and quota counters shared by every container. */
export const requestCounters = once(async () => {
  const config = loadConfig(countersConfigSchema);
  return new DynamoDbRequestCounters(documents, config.COUNTERS_TABLE_NAME);
});

/** What every personal-data use case needs besides its registry: the ledger and admission control. */
export async function personalDataAccess(): Promise<LedgerDependencies & AdmissionDependencies> {
  const [{ ledger, subjectKeys }, counters] = await Promise.all([accessLedger(), requestCounters()]);
  return { accessLedger: ledger, subjectKeys, requestCounters: counters, clock: systemClock };
}

/** The circuit-breaker settings every upstream adapter shares. */
export function breakerSettings() {
  const config = loadConfig(resilienceConfigSchema);
  return {
    breakerThreshold: config.UPSTREAM_BREAKER_THRESHOLD,
    halfOpenAfterMs: config.UPSTREAM_BREAKER_HALF_OPEN_MS,
  };
}

/** Health probes: the tables and the registry endpoints this deployment is configured with. */
export const dependencyProbes = (() => {
  let probes: DependencyProbe[] | undefined;
  return () => {
    probes ??= [
      ...Object.values(tables)
        .filter((table) => process.env[table.envVar] !== undefined)
        .map((table) => new TableProbe(`table:${table.id}`, dynamoDb, process.env[table.envVar] as string)),
      ...(process.env['POPULATION_ENDPOINT'] === undefined
        ? []
        : [new HttpProbe('registry:population', process.env['POPULATION_ENDPOINT'])]),
    ];
    return probes;
  };
})();
