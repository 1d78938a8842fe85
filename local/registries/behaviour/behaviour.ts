import { z } from 'zod';

/**
 * How a simulated registry misbehaves. One value per registry, set at start (options or the
 * `<REGISTRY>_REGISTRY_BEHAVIOUR` environment variable, JSON) and replaceable at run time through the
 * control endpoint. The default is a well-behaved registry: no latency, no faults, no quota.
 */

const nonNegative = z.number().min(0);

/** Delay added before every answer. */
export const latencySchema = z.discriminatedUnion('distribution', [
  z.object({ distribution: z.literal('none') }),
  z.object({ distribution: z.literal('fixed'), ms: nonNegative }),
  z.object({ distribution: z.literal('uniform'), minMs: nonNegative, maxMs: nonNegative }),
  /** Gaussian, truncated at zero. */
  z.object({ distribution: z.literal('normal'), meanMs: nonNegative, stdDevMs: nonNegative }),
  /** Long-tailed, as real upstreams are: median `medianMs`, spread `sigma` (of the log). */
  z.object({ distribution: z.literal('lognormal'), medianMs: nonNegative, sigma: nonNegative }),
]);
export type Latency = z.infer<typeof latencySchema>;

/**
 * What an injected failure looks like on the wire:
 * - `fault`: the registry's own internal-error answer (SOAP Fault `LOI_HE_THONG` / JSON error, HTTP 500);
 * - `http-5xx`: a bare HTTP error page from something in front of the registry (status `status`, HTML);
 * - `hang`: never answers (the socket stays open until the client gives up or the simulator stops);
 * - `reset`: the connection is destroyed without an answer;
 * - `malformed`: the real answer cut in half, with the right content type;
 * - `xxe`: a body declaring an external entity (SOAP) / a `__proto__` pollution attempt (JSON);
 * - `entity-expansion`: a billion-laughs document (SOAP) / 100,000-deep nesting (JSON);
 * - `oversized`: the real answer padded to `oversizedBytes` (still well-formed);
 * - `wrong-content-type`: the real answer labelled `text/html`.
 */
export const faultModes = [
  'fault',
  'http-5xx',
  'hang',
  'reset',
  'malformed',
  'xxe',
  'entity-expansion',
  'oversized',
  'wrong-content-type',
] as const;
export type FaultMode = (typeof faultModes)[number];

export const faultInjectionSchema = z.object({
  mode: z.enum(faultModes),
  /** Probability per call, 0..1. The rates of all injections together must not exceed 1. */
  rate: z.number().min(0).max(1),
});
export type FaultInjection = z.infer<typeof faultInjectionSchema>;

export const behaviourSchema = z
  .object({
    latency: latencySchema.default({ distribution: 'none' }),
    faults: z.array(faultInjectionSchema).default([]),
    /** HTTP status of `http-5xx` answers. */
    status: z.number().int().min(500).max(599).default(503),
    oversizedBytes: z
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024),
    /**
     * Requests per second allowed to each credential: at most this many accepted calls in any rolling
     * one-second window; refused calls don't count. `null` = unlimited.
     */
    quotaPerSecond: z.number().int().positive().nullable().default(null),
    /** Seed of the random draws (latency, fault choice), so a run can be replayed exactly. */
    seed: z.number().int().default(1),
  })
  .refine((b) => b.faults.reduce((sum, f) => sum + f.rate, 0) <= 1 + 1e-9, {
    message: 'the fault rates together must not exceed 1',
    path: ['faults'],
  });

export type Behaviour = z.infer<typeof behaviourSchema>;
export type BehaviourInput = z.input<typeof behaviourSchema>;

export function parseBehaviour(input: unknown): Behaviour {
  return behaviourSchema.parse(input ?? {});
}

/** Reads `<PREFIX>_BEHAVIOUR` (JSON) from the environment; fails fast with the variable's name. */
export function behaviourFromEnvironment(prefix: string, env = process.env): BehaviourInput | undefined {
  const name = `${prefix}_BEHAVIOUR`;
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    return behaviourSchema.parse(JSON.parse(raw));
  } catch (error) {
    throw new Error(`${name} is not a valid registry behaviour: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
