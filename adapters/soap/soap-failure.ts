import { UpstreamFailedError } from '../../core/errors/upstream-failed-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { RegistryName } from '../../core/ports/registry-name.js';

/**
 * The registry's own error code from a SOAP Fault's detail (`<MaLoi>` in the population dialect,
 * `<MaLoi>`/`<Code>` elsewhere), or undefined when the failure is not a SOAP Fault.
 */
export function registryFaultCode(error: unknown): string | undefined {
  const fault = (error as { root?: { Envelope?: { Body?: { Fault?: { detail?: unknown } } } } })?.root
    ?.Envelope?.Body?.Fault;
  if (!fault) return undefined;
  const found = findKey(fault.detail, ['MaLoi', 'Code', 'MaLoiDichVu']);
  return typeof found === 'string' ? found : undefined;
}

function findKey(value: unknown, keys: readonly string[], depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (keys.includes(key))
      return typeof inner === 'object' && inner !== null ? (inner as { $value?: unknown }).$value : inner;
    const nested = findKey(inner, keys, depth + 1);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

const refusedCodes = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const droppedCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
/** Statuses a proxy or load balancer in front of a registry answers with when it is briefly unwell. */
const transientStatuses = new Set([502, 503, 504]);

/**
 * Maps whatever node-soap rejected with — axios errors, SOAP Faults, parser errors and the plain
 * objects it throws for unparseable XML — to the gateway's upstream errors. The upstream's body is
 * never copied into the reason: it could echo hostile content.
 */
export function classifySoapFailure(registry: RegistryName, error: unknown): Error {
  if (error instanceof UpstreamFailedError || error instanceof UpstreamUnavailableError) return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && refusedCodes.has(code)) {
    return new UpstreamUnavailableError(registry, 'connection refused', 5);
  }
  if (typeof code === 'string' && droppedCodes.has(code)) {
    return new UpstreamFailedError(registry, 'connection dropped', true);
  }
  const faultCode = registryFaultCode(error);
  if (faultCode !== undefined) return new UpstreamFailedError(registry, `registry fault ${faultCode}`);
  const status = (error as { response?: { status?: unknown } })?.response?.status;
  if (typeof status === 'number')
    return new UpstreamFailedError(registry, `HTTP ${status}`, transientStatuses.has(status));
  if (code === 'ERR_BAD_RESPONSE' || code === 'ERR_FR_MAX_BODY_LENGTH_EXCEEDED') {
    return new UpstreamFailedError(registry, 'response too large or unreadable');
  }
  return new UpstreamFailedError(registry, 'unreadable response');
}

/** Failures worth another attempt of an idempotent read. Quota refusals never are. */
export function isTransientFailure(error: unknown): boolean {
  return error instanceof UpstreamFailedError && error.transient;
}

/** Failures that say the registry itself is unwell (and so count towards opening its circuit). */
export function isRegistryFailure(error: unknown): boolean {
  return (
    error instanceof UpstreamFailedError ||
    (error instanceof UpstreamUnavailableError && error.reason === 'connection refused')
  );
}
