import { z } from 'zod';
import { citizenFieldNameSchema } from './citizen-records.js';

/** What a client may do. Each personal-data operation needs its own scope; `admin` manages clients. */
export const scopeSchema = z.enum([
  'population:verify',
  'population:lookup',
  'land:read',
  'business:read',
  'batch:submit',
  'audit:subject-report',
  'admin',
]);
export type Scope = z.infer<typeof scopeSchema>;

/** A procedure code (mã DVC/TTHC), as the x-purpose header carries it: 1–64 characters. */
export const procedureCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/)
  .meta({ maxLength: 64 }); // what the expression allows, stated for the OpenAPI document

/** Most procedure codes one client's policy may list: a province publishes some two thousand procedures. */
export const maxAllowedPurposes = 2_000;
/** The highest per-key rate a policy may grant: API Gateway's default account-wide rate per region. */
export const maxRequestsPerSecond = 10_000;
/** The highest daily quota a policy may grant. */
export const maxDailyQuota = 1_000_000_000;

/**
 * A client's policy: what it may call, which fields of each record type it may receive, for which
 * purposes, and how much. Missing field lists mean the gateway's defaults (the minimum).
 */
export const clientPolicySchema = z.object({
  scopes: z.array(scopeSchema).max(scopeSchema.options.length),
  fields: z
    .object({
      citizen: z.array(citizenFieldNameSchema).max(citizenFieldNameSchema.options.length).optional(),
    })
    .default({}),
  /** Procedure codes (x-purpose) the client may state; absent = any well-formed code. */
  allowedPurposes: z.array(procedureCodeSchema).max(maxAllowedPurposes).optional(),
  rateLimit: z
    .object({
      /** Sustained requests per second per key. */
      perSecond: z.number().int().positive().max(maxRequestsPerSecond),
    })
    .default({ perSecond: 20 }),
  /** Requests per calendar day (Vietnam time) per client. */
  dailyQuota: z.number().int().positive().max(maxDailyQuota).default(50_000),
});
export type ClientPolicy = z.infer<typeof clientPolicySchema>;

export const clientSchema = z.object({
  // The expression allows 63 characters; `maxLength` states it for the OpenAPI document.
  clientId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
    .meta({ maxLength: 63 }),
  name: z.string().min(1).max(200),
  /** The unit (mã đơn vị) the client belongs to; sent to the registries as MaDonVi. */
  unitCode: z.string().min(1).max(64),
  status: z.enum(['active', 'disabled']),
  policy: clientPolicySchema,
});
export type Client = z.infer<typeof clientSchema>;

/**
 * The caller as the authorizer hands it to the functions (API Gateway's authorizer context holds
 * only strings, so the policy travels as JSON and is parsed back with this schema).
 */
export const callerSchema = z.object({
  clientId: z.string(),
  keyId: z.string(),
  unitCode: z.string(),
  /**
   * A disabled client's key still reaches the functions, which refuse it (403) and ledger the refusal:
   * API Gateway caches the authorizer's answer, so a refusal there would go unrecorded.
   */
  status: z.enum(['active', 'disabled']).optional(),
  policy: clientPolicySchema,
});
export type Caller = z.infer<typeof callerSchema>;
