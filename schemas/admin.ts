import { z } from 'zod';
import { clientPolicySchema, clientSchema } from './clients.js';

/**
 * The admin API (`/v1/admin/`, scope `admin`): clients, their policies and their API keys. Keys are
 * answered in plaintext exactly once, by the request that issues them; everything else names a key
 * by its non-secret key id only.
 */

export const clientIdSchema = clientSchema.shape.clientId;

/** Key ids of issued keys are 10 characters; hand-registered keys (the sandbox's) have a chosen id. */
export const keyIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
  .meta({ maxLength: 63 }); // what the expression allows, stated for the OpenAPI document

export const clientPathSchema = z.object({ clientId: clientIdSchema });
export const clientKeyPathSchema = z.object({ clientId: clientIdSchema, keyId: keyIdSchema });

/** `POST /v1/admin/clients`: a new client; it is active unless `status` says otherwise, and has no key yet. */
export const createClientRequestSchema = z.strictObject({
  clientId: clientIdSchema,
  name: clientSchema.shape.name,
  unitCode: clientSchema.shape.unitCode,
  status: clientSchema.shape.status.optional(),
  policy: clientPolicySchema,
});
export type CreateClientRequest = z.infer<typeof createClientRequestSchema>;

/** `PUT /v1/admin/clients/{clientId}/policy`: the whole new policy. */
export const updatePolicyRequestSchema = clientPolicySchema;

/** `POST /v1/admin/clients/{clientId}/keys`: an optional label to tell keys apart (not secret). */
export const issueKeyRequestSchema = z.strictObject({
  label: z.string().min(1).max(100).optional(),
});

export const apiKeySummarySchema = z.object({
  keyId: z.string(),
  status: z.enum(['active', 'revoked']),
  label: z.string().optional(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().optional(),
});
export type ApiKeySummary = z.infer<typeof apiKeySummarySchema>;

export const adminClientSchema = clientSchema.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminClient = z.infer<typeof adminClientSchema>;

export const clientListResponseSchema = z.object({ clients: z.array(adminClientSchema) });

export const clientDetailResponseSchema = adminClientSchema.extend({
  keys: z.array(apiKeySummarySchema),
});

/** The answer to issuing a key: the only time `apiKey` is ever shown. */
export const issuedKeyResponseSchema = z.object({
  clientId: clientIdSchema,
  keyId: z.string(),
  apiKey: z.string(),
  label: z.string().optional(),
  createdAt: z.iso.datetime(),
  notice: z.string(),
});

export const revokedKeyResponseSchema = apiKeySummarySchema.extend({ clientId: clientIdSchema });

export const issuedKeyNotice =
  'Store this key now: the gateway keeps only its keyed hash and cannot show it again.';
