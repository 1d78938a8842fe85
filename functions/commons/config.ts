import { z } from 'zod';

/**
 * Configuration comes from the environment, parsed once per container with a strict schema; a
 * missing or malformed variable stops the container at start with a message naming it. The CDK
 * stack sets exactly these names.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Secrets are given either directly (local) or as a Secrets Manager id (`<NAME>_SECRET_ID`, AWS). */
const optionalSecret = z.string().min(1).optional();

export const clientsConfigSchema = z
  .object({
    CLIENTS_TABLE_NAME: z.string().min(1),
    KEY_PEPPER: optionalSecret,
    KEY_PEPPER_SECRET_ID: optionalSecret,
  })
  .refine((env) => env.KEY_PEPPER !== undefined || env.KEY_PEPPER_SECRET_ID !== undefined, {
    message: 'set KEY_PEPPER or KEY_PEPPER_SECRET_ID',
    path: ['KEY_PEPPER'],
  });

export const ledgerConfigSchema = z
  .object({
    LEDGER_TABLE_NAME: z.string().min(1),
    LEDGER_RETENTION_DAYS: z.coerce.number().int().positive().default(1825),
    KEY_PEPPER: optionalSecret,
    KEY_PEPPER_SECRET_ID: optionalSecret,
  })
  .refine((env) => env.KEY_PEPPER !== undefined || env.KEY_PEPPER_SECRET_ID !== undefined, {
    message: 'set KEY_PEPPER or KEY_PEPPER_SECRET_ID',
    path: ['KEY_PEPPER'],
  });

export const populationConfigSchema = z
  .object({
    POPULATION_ENDPOINT: z.url({ error: 'POPULATION_ENDPOINT must be the registry SOAP URL' }),
    POPULATION_DEADLINE_MS: z.coerce.number().int().min(100).max(28_000).default(8_000),
    /** JSON `{ "user": ..., "secret": ... }`. */
    POPULATION_CREDENTIALS: optionalSecret,
    POPULATION_CREDENTIALS_SECRET_ID: optionalSecret,
  })
  .refine(
    (env) => env.POPULATION_CREDENTIALS !== undefined || env.POPULATION_CREDENTIALS_SECRET_ID !== undefined,
    {
      message: 'set POPULATION_CREDENTIALS or POPULATION_CREDENTIALS_SECRET_ID',
      path: ['POPULATION_CREDENTIALS'],
    },
  );

export const countersConfigSchema = z.object({ COUNTERS_TABLE_NAME: z.string().min(1) });

/** The population registry's credentials secret (JSON). */
export const populationCredentialsSchema = z.object({ user: z.string().min(1), secret: z.string().min(1) });

export const landConfigSchema = z
  .object({
    LAND_ENDPOINT: z.url({ error: 'LAND_ENDPOINT must be the land registry SOAP URL' }),
    LAND_DEADLINE_MS: z.coerce.number().int().min(100).max(28_000).default(8_000),
    /** JSON `{ "user": ..., "password": ... }` for the registry's DangNhap login. */
    LAND_CREDENTIALS: optionalSecret,
    LAND_CREDENTIALS_SECRET_ID: optionalSecret,
  })
  .refine((env) => env.LAND_CREDENTIALS !== undefined || env.LAND_CREDENTIALS_SECRET_ID !== undefined, {
    message: 'set LAND_CREDENTIALS or LAND_CREDENTIALS_SECRET_ID',
    path: ['LAND_CREDENTIALS'],
  });

/** The land registry's credentials secret (JSON). */
export const landCredentialsSchema = z.object({ user: z.string().min(1), password: z.string().min(1) });

export const businessConfigSchema = z
  .object({
    /** Base URL of the registry's REST API; the lookup is `<BUSINESS_ENDPOINT>/api/doanh-nghiep/{code}`. */
    BUSINESS_ENDPOINT: z.url({ error: 'BUSINESS_ENDPOINT must be the business registry base URL' }),
    /** The OAuth2 token endpoint, when the platform does not serve it at `<BUSINESS_ENDPOINT>/oauth/token`. */
    BUSINESS_TOKEN_URL: z.url({ error: 'BUSINESS_TOKEN_URL must be a URL' }).optional(),
    /** How the gateway authenticates at the token endpoint: HTTP Basic (default) or in the form body. */
    BUSINESS_CLIENT_AUTH: z.enum(['basic', 'body']).default('basic'),
    BUSINESS_DEADLINE_MS: z.coerce.number().int().min(100).max(28_000).default(8_000),
    /** How long a business record is answered from the cache. */
    BUSINESS_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(604_800).default(3_600),
    REGISTRY_CACHE_TABLE_NAME: z.string().min(1),
    /** JSON `{ "clientId": ..., "clientSecret": ... }` (OAuth2 client credentials). */
    BUSINESS_CREDENTIALS: optionalSecret,
    BUSINESS_CREDENTIALS_SECRET_ID: optionalSecret,
  })
  .refine(
    (env) => env.BUSINESS_CREDENTIALS !== undefined || env.BUSINESS_CREDENTIALS_SECRET_ID !== undefined,
    {
      message: 'set BUSINESS_CREDENTIALS or BUSINESS_CREDENTIALS_SECRET_ID',
      path: ['BUSINESS_CREDENTIALS'],
    },
  );

/** The business registry's OAuth2 client credentials secret (JSON). */
export const businessCredentialsSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
});

/** Circuit-breaker settings shared by every upstream adapter. */
export const resilienceConfigSchema = z.object({
  UPSTREAM_BREAKER_THRESHOLD: z.coerce.number().int().min(1).default(5),
  UPSTREAM_BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(100).default(10_000),
});

/** The batch API and worker. */
export const batchesConfigSchema = z.object({
  BATCHES_TABLE_NAME: z.string().min(1),
  LOOKUP_QUEUE_URL: z.string().min(1),
  /** How long batches and their results are kept. */
  BATCH_RETENTION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Allow `http:` callback URLs (local only; https everywhere else). */
  BATCH_CALLBACK_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
});

export const batchWorkerConfigSchema = z.object({
  IDEMPOTENCY_TABLE_NAME: z.string().min(1),
  REGISTRY_QUOTA_TABLE_NAME: z.string().min(1),
  /** Each registry's quota in requests per second, JSON: `{"population": 200, "land": 50}`. */
  REGISTRY_QUOTAS: z
    .string()
    .default('{}')
    .transform((text) =>
      z
        .partialRecord(z.enum(['population', 'land', 'business']), z.number().positive())
        .parse(JSON.parse(text)),
    ),
  /**
   * Share of each quota the workers use. The rest absorbs the jitter between a call's slot and its
   * arrival at the registry: a registry counting over a rolling second refuses once calls meant for
   * the second before arrive late into it. At 0.92 of 200/s, 16 calls a second are spare, enough for
   * about 80 ms of delay; at 0.96 (8 spare, 40 ms) the 10,000-item benchmark met 23 refusals.
   */
  REGISTRY_QUOTA_UTILISATION: z.coerce.number().gt(0).max(1).default(0.92),
  /**
   * From this attempt on, a transient failure ends an item as failed; by default, and at most, one
   * receipt below the lookup queue's maxReceiveCount (`infra/resources.ts`).
   */
  BATCH_ITEM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).optional(),
  /** Longest visibility-timeout backoff before a failed item is tried again. */
  BATCH_RETRY_MAX_BACKOFF_SECONDS: z.coerce.number().int().min(1).max(900).default(120),
});

export type ClientsConfig = z.infer<typeof clientsConfigSchema>;
export type LedgerConfig = z.infer<typeof ledgerConfigSchema>;
export type PopulationConfig = z.infer<typeof populationConfigSchema>;
export type LandConfig = z.infer<typeof landConfigSchema>;
export type BusinessConfig = z.infer<typeof businessConfigSchema>;
