import { z } from 'zod';

/** What `GET /v1/health` answers: each dependency's reachability; `degraded` when any is unreachable. */
export const dependencyStateSchema = z.object({
  kind: z.enum(['store', 'registry']),
  reachable: z.boolean(),
  latencyMs: z.number().nonnegative().describe('How long the probe took'),
  detail: z.string().optional().describe('What went wrong, when the dependency is unreachable'),
  circuit: z
    .enum(['closed', 'half-open', 'open', 'isolated', 'unknown'])
    .optional()
    .describe("Registries: the worst circuit state the gateway's functions reported in the last minutes"),
  recentLatencyMs: z
    .number()
    .nonnegative()
    .nullable()
    .optional()
    .describe("Registries: mean latency of the gateway's recent calls, as its functions reported it"),
  recentErrorRate: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .optional()
    .describe("Registries: share of the gateway's recent calls that failed"),
});

export const healthReportSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  dependencies: z
    .record(z.string(), dependencyStateSchema)
    .describe('By dependency name, e.g. `table:ledger`, `registry:population`'),
});

export type HealthReportBody = z.infer<typeof healthReportSchema>;
