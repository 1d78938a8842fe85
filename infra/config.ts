/**
 * Stage configuration, read once from CDK context. Everything a province changes between deployments
 * (upstream endpoints, origins, alarm recipients, private networking) is context, never code.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { clientSchema } from '../schemas/clients.js';

export const stages = ['dev', 'staging', 'prod'] as const;
export type StageName = (typeof stages)[number];

export interface StageConfig {
  readonly stage: StageName;
  /** Prefix for stack names and the API name, e.g. `Lienthong-prod`. */
  readonly prefix: string;
  /** What happens to tables, queues, keys and secrets when their stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
  readonly deletionProtection: boolean;
  readonly pointInTimeRecovery: boolean;
  readonly alarms: boolean;
  /** Optional e-mail address subscribed to the alarm topic. */
  readonly alarmEmail?: string;
  readonly logRetention: RetentionDays;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** API Gateway execution log level (access logs are always on). */
  readonly apiLoggingLevel: 'INFO' | 'ERROR';
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** Requests per 5 minutes per source IP before the WAF rate rule blocks it. */
  readonly wafRateLimitPer5Minutes: number;
  readonly waf: boolean;
  readonly corsOrigins: readonly string[];
  /** Client ids that get their own row on the clients dashboard (the others appear in its tables). */
  readonly dashboardClients: readonly string[];
  /** Functions in a VPC with interface endpoints (off by default). */
  readonly privateNetworking: boolean;
  readonly population: RegistryConfig;
  readonly land: RegistryConfig;
  readonly business: RegistryConfig;
  readonly ledgerRetentionDays: number;
  /**
   * How long API Gateway caches the authorizer's answer for a key (at most 60 s): the time a revoked
   * key, a disabled client or a changed policy may still be served as before. Keep it ≤ 60 s; the
   * README and the admin API promise that bound.
   */
  readonly authorizerCacheTtl: Duration;
}

/** Where a national registry is and how long the gateway waits for it. */
export interface RegistryConfig {
  readonly endpoint: string;
  readonly deadlineMs: number;
  /**
   * Reserved concurrency of functions that call the registry: caps what the gateway can send upstream
   * at once. Undefined leaves it unreserved (new accounts have a tiny concurrency pool).
   */
  readonly reservedConcurrency?: number;
  /**
   * The registry's quota for this deployment (requests per second, as agreed with its operator): the
   * batch workers together pace their calls to it.
   */
  readonly quotaPerSecond: number;
}

/** Worker timeout the lookup queue's visibility timeout is sized against (≥ 6×, AWS guidance). */
export const lookupWorkerTimeout = Duration.seconds(30);

const defaults: Record<
  StageName,
  Omit<
    StageConfig,
    'stage' | 'prefix' | 'population' | 'land' | 'business' | 'corsOrigins' | 'dashboardClients'
  >
> = {
  dev: {
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    pointInTimeRecovery: true,
    alarms: false,
    logRetention: RetentionDays.TWO_WEEKS,
    logLevel: 'DEBUG',
    apiLoggingLevel: 'INFO',
    throttle: { rateLimit: 20, burstLimit: 40 },
    wafRateLimitPer5Minutes: 1000,
    waf: true,
    privateNetworking: false,
    ledgerRetentionDays: 1825,
    authorizerCacheTtl: Duration.seconds(60),
  },
  staging: {
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: false,
    pointInTimeRecovery: true,
    alarms: true,
    logRetention: RetentionDays.ONE_MONTH,
    logLevel: 'INFO',
    apiLoggingLevel: 'INFO',
    throttle: { rateLimit: 50, burstLimit: 100 },
    wafRateLimitPer5Minutes: 2000,
    waf: true,
    privateNetworking: false,
    ledgerRetentionDays: 1825,
    authorizerCacheTtl: Duration.seconds(60),
  },
  prod: {
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    pointInTimeRecovery: true,
    alarms: true,
    logRetention: RetentionDays.ONE_YEAR,
    logLevel: 'INFO',
    apiLoggingLevel: 'ERROR',
    throttle: { rateLimit: 100, burstLimit: 200 },
    wafRateLimitPer5Minutes: 5000,
    waf: true,
    privateNetworking: false,
    ledgerRetentionDays: 1825,
    authorizerCacheTtl: Duration.seconds(60),
  },
};

/** Placeholders a real deployment overrides with the province's LGSP/NDXP endpoints. */
export const defaultPopulationEndpoint = 'https://population.registry.invalid/soap';
export const defaultLandEndpoint = 'https://land.registry.invalid/soap';
export const defaultBusinessEndpoint = 'https://business.registry.invalid';

/** Quotas the national registries grant a province unless its agreement says otherwise. */
const quotaPerSecondDefaults = { population: 200, land: 50, business: 100 } as const;

const reservedConcurrencyDefaults: Record<StageName, number | undefined> = {
  dev: undefined,
  staging: undefined,
  prod: 20,
};

function contextString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

function contextNumber(node: Node, key: string): number | undefined {
  const raw = contextString(node, key);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`Context "${key}" must be a positive number, got "${raw}".`);
  return value;
}

function contextBoolean(node: Node, key: string): boolean | undefined {
  const raw = contextString(node, key);
  if (raw === undefined) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new Error(`Context "${key}" must be true or false, got "${raw}".`);
}

/**
 * Reads the stage (`--context stage=prod`, default `dev`) and its overrides:
 * `populationEndpoint`, `populationDeadlineMs`, `populationConcurrency`, `populationQuotaPerSecond` (likewise `land…` and
 * `business…`), `ledgerRetentionDays`,
 * `corsOrigins` and `dashboardClients` (comma-separated), `alarmEmail`, `alarms`, `waf`, `privateNetworking`.
 */
export function loadStageConfig(node: Node): StageConfig {
  const stage = contextString(node, 'stage') ?? 'dev';
  if (!(stages as readonly string[]).includes(stage)) {
    throw new Error(`Unknown stage "${stage}"; expected one of ${stages.join(', ')}.`);
  }
  const name = stage as StageName;
  const base = defaults[name];
  const corsOrigins = (contextString(node, 'corsOrigins') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  const dashboardClients = (contextString(node, 'dashboardClients') ?? '')
    .split(',')
    .map((clientId) => clientId.trim())
    .filter((clientId) => clientId.length > 0);
  for (const clientId of dashboardClients) {
    if (!clientSchema.shape.clientId.safeParse(clientId).success) {
      throw new Error(`Context "dashboardClients" names "${clientId}", which is not a client id.`);
    }
  }
  const registry = (
    registryName: 'population' | 'land' | 'business',
    defaultEndpoint: string,
  ): RegistryConfig => {
    const endpoint = contextString(node, `${registryName}Endpoint`) ?? defaultEndpoint;
    if (!/^https?:\/\//.test(endpoint)) {
      throw new Error(`Context "${registryName}Endpoint" must be an http(s) URL.`);
    }
    return {
      endpoint,
      deadlineMs: contextNumber(node, `${registryName}DeadlineMs`) ?? 8000,
      reservedConcurrency:
        contextNumber(node, `${registryName}Concurrency`) ?? reservedConcurrencyDefaults[name],
      quotaPerSecond:
        contextNumber(node, `${registryName}QuotaPerSecond`) ?? quotaPerSecondDefaults[registryName],
    };
  };
  return {
    ...base,
    stage: name,
    prefix: `Lienthong-${name}`,
    alarms: contextBoolean(node, 'alarms') ?? base.alarms,
    alarmEmail: contextString(node, 'alarmEmail'),
    waf: contextBoolean(node, 'waf') ?? base.waf,
    privateNetworking: contextBoolean(node, 'privateNetworking') ?? base.privateNetworking,
    corsOrigins,
    dashboardClients,
    ledgerRetentionDays: contextNumber(node, 'ledgerRetentionDays') ?? base.ledgerRetentionDays,
    population: registry('population', defaultPopulationEndpoint),
    land: registry('land', defaultLandEndpoint),
    business: registry('business', defaultBusinessEndpoint),
  };
}
