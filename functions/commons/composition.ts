import { DynamoDbAccessLedger } from '../../adapters/dynamodb/dynamodb-access-ledger.js';
import { DynamoDbClientDirectory } from '../../adapters/dynamodb/dynamodb-client-directory.js';
import type { AdmissionDependencies } from '../../core/access/admit-request.js';
import type { LedgerDependencies } from '../../core/access-ledger/ledgered-access.js';
import { systemClock } from '../../core/ports/clock.js';
import { DynamoDbRequestCounters } from '../../adapters/dynamodb/dynamodb-request-counters.js';
import { ApiKeyHasher } from '../../adapters/keys/api-key-hasher.js';
import { HmacSubjectKeys } from '../../adapters/keys/hmac-subject-keys.js';
import { documents, dynamoDb } from './aws-clients.js';
import { DynamoDbRegistryStatusBoard } from '../../adapters/dynamodb/dynamodb-registry-status-board.js';
import { HttpProbe } from '../../adapters/probes/http-probe.js';
import type { ResilienceSettings } from '../../adapters/resilience/upstream-policy.js';
import type { HealthDependencies } from '../../core/health/check-health.js';
import type { RegistryName } from '../../core/ports/registry-name.js';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from './powertools.js';
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

/** Where functions report how each registry is doing, when this deployment has the table. */
const registryStatusBoard = (() => {
  let board: DynamoDbRegistryStatusBoard | null | undefined;
  return () => {
    if (board === undefined) {
      const tableName = process.env[tables.registryStatus.envVar];
      board = tableName ? new DynamoDbRegistryStatusBoard(documents, tableName) : null;
    }
    return board ?? undefined;
  };
})();

/**
 * The resilience settings every upstream adapter shares: circuit-breaker timing, and reports of the
 * circuit's state to the status board (written in the background: never on the answer's path).
 */
export function resilienceSettings(): ResilienceSettings {
  const config = loadConfig(resilienceConfigSchema);
  const board = registryStatusBoard();
  return {
    breakerThreshold: config.UPSTREAM_BREAKER_THRESHOLD,
    halfOpenAfterMs: config.UPSTREAM_BREAKER_HALF_OPEN_MS,
    ...(board
      ? {
          onStatus: ({ registry, circuit, recentLatencyMs, recentErrorRate }) => {
            if (circuit === 'open') publishCircuitOpened(registry);
            board
              .report({
                registry,
                circuit,
                recentLatencyMs,
                recentErrorRate,
                reportedAt: new Date().toISOString(),
              })
              .catch((error: unknown) =>
                logger.warn('registry status not reported', { registry, errorName: (error as Error).name }),
              );
          },
        }
      : {}),
  };
}

/** One data point of the metric the `…CircuitOpened` alarms watch (published at once, not per invocation). */
function publishCircuitOpened(registry: RegistryName): void {
  const metric = metrics.singleMetric();
  // By registry alone, whichever function saw it (the service dimension differs per function).
  metric.clearDefaultDimensions();
  metric.addDimension('registry', registry);
  metric.addMetric('UpstreamCircuitOpened', MetricUnit.Count, 1);
}

/** The registries a deployment may be configured with, and the variable naming each one's endpoint. */
const registryEndpoints: Record<RegistryName, string> = {
  population: 'POPULATION_ENDPOINT',
  land: 'LAND_ENDPOINT',
  business: 'BUSINESS_ENDPOINT',
};

/** Health: probes of the tables and registry endpoints this deployment has, and the status board. */
export const healthDependencies = (() => {
  let built: Omit<HealthDependencies, 'clock'> | undefined;
  return (): HealthDependencies => {
    if (!built) {
      const registryProbes = new Map<DependencyProbe, RegistryName>();
      for (const [registry, envVar] of Object.entries(registryEndpoints) as [RegistryName, string][]) {
        const endpoint = process.env[envVar];
        if (endpoint) registryProbes.set(new HttpProbe(`registry:${registry}`, endpoint), registry);
      }
      const board = registryStatusBoard();
      built = {
        probes: [
          ...Object.values(tables)
            .filter((table) => process.env[table.envVar] !== undefined)
            .map(
              (table) => new TableProbe(`table:${table.id}`, dynamoDb, process.env[table.envVar] as string),
            ),
          ...registryProbes.keys(),
        ],
        registryOf: (probe) => registryProbes.get(probe),
        ...(board ? { statusBoard: board } : {}),
      };
    }
    return { ...built, clock: systemClock };
  };
})();
