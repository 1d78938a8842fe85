import { z } from 'zod';
import { behaviourFromEnvironment, type BehaviourInput } from './behaviour/index.js';
import { defaultCitizenCount, defaultCitizenSeed } from './data/citizens.js';
import {
  defaultPopulationCredentials,
  startPopulationRegistry,
  type RunningPopulationRegistry,
} from './population/server.js';
import type { PopulationCredentials } from './population/request-authentication.js';
import { startLandRegistry, type RunningLandRegistry } from './land/server.js';
import { startBusinessRegistry, type RunningBusinessRegistry } from './business/server.js';

/** Fixed ports of `npm run registries`; 0 picks a free one. */
export const defaultRegistryPorts = { population: 8101, land: 8102, business: 8103 } as const;

export interface RegistriesOptions {
  readonly seed?: number;
  readonly ports?: { readonly population?: number; readonly land?: number; readonly business?: number };
  readonly population?: {
    readonly credentials?: PopulationCredentials;
    readonly behaviour?: BehaviourInput;
    readonly citizenCount?: number;
  };
  readonly land?: { readonly behaviour?: BehaviourInput };
  readonly business?: { readonly behaviour?: BehaviourInput };
}

export interface RunningRegistries {
  readonly population: RunningPopulationRegistry;
  readonly land: RunningLandRegistry;
  readonly business: RunningBusinessRegistry;
  /** Name → SOAP/REST endpoint and control URL, for printing and for the gateway's configuration. */
  readonly endpoints: Record<string, { readonly url: string; readonly controlUrl: string }>;
  stop(): Promise<void>;
}

/**
 * Starts the simulated national registries side by side on 127.0.0.1. If one fails to start, those
 * already started are stopped before the error is rethrown.
 */
export async function startRegistries(options: RegistriesOptions = {}): Promise<RunningRegistries> {
  const ports = { ...defaultRegistryPorts, ...options.ports };
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    await Promise.allSettled(started.map((registry) => registry.stop()));
  };
  try {
    const track = <T extends { stop(): Promise<void> }>(registry: T): T => {
      started.push(registry);
      return registry;
    };
    const starting = [
      startPopulationRegistry({
        port: ports.population,
        seed: options.seed,
        citizenCount: options.population?.citizenCount,
        credentials: options.population?.credentials,
        behaviour: options.population?.behaviour,
      }).then(track),
      startLandRegistry({ port: ports.land, seed: options.seed, behaviour: options.land?.behaviour }).then(
        track,
      ),
      startBusinessRegistry({
        port: ports.business,
        seed: options.seed,
        behaviour: options.business?.behaviour,
      }).then(track),
    ] as const;
    // Wait for every start to settle, so none is left running unstopped when another fails.
    const failed = (await Promise.allSettled(starting)).find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const [population, land, business] = await Promise.all(starting);
    return {
      population,
      land,
      business,
      endpoints: {
        population: { url: population.url, controlUrl: population.controlUrl },
        land: { url: land.url, controlUrl: land.controlUrl },
        business: { url: business.url, controlUrl: business.controlUrl },
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const port = z.coerce.number().int().min(0).max(65535);

const registriesEnvironment = z.object({
  REGISTRIES_SEED: z.coerce.number().int().default(defaultCitizenSeed),
  POPULATION_REGISTRY_PORT: port.default(defaultRegistryPorts.population),
  LAND_REGISTRY_PORT: port.default(defaultRegistryPorts.land),
  BUSINESS_REGISTRY_PORT: port.default(defaultRegistryPorts.business),
  POPULATION_REGISTRY_USER: z.string().min(1).default(defaultPopulationCredentials.user),
  POPULATION_REGISTRY_SECRET: z.string().min(1).default(defaultPopulationCredentials.secret),
  POPULATION_REGISTRY_CITIZENS: z.coerce.number().int().min(0).default(defaultCitizenCount),
});

/** Options from the environment (see `start.ts`), parsed once; fails fast naming the bad variable. */
export function registriesOptionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): RegistriesOptions {
  const parsed = registriesEnvironment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid registry configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const config = parsed.data;
  return {
    seed: config.REGISTRIES_SEED,
    ports: {
      population: config.POPULATION_REGISTRY_PORT,
      land: config.LAND_REGISTRY_PORT,
      business: config.BUSINESS_REGISTRY_PORT,
    },
    population: {
      credentials: { user: config.POPULATION_REGISTRY_USER, secret: config.POPULATION_REGISTRY_SECRET },
      behaviour: behaviourFromEnvironment('POPULATION_REGISTRY', env),
      citizenCount: config.POPULATION_REGISTRY_CITIZENS,
    },
    land: { behaviour: behaviourFromEnvironment('LAND_REGISTRY', env) },
    business: { behaviour: behaviourFromEnvironment('BUSINESS_REGISTRY', env) },
  };
}
