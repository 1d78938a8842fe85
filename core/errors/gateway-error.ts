/**
 * Base of the gateway's typed errors. Each subclass names one kind of failure; `functions/` maps them
 * to HTTP problem+json in exactly one place. Messages are safe to show: they never carry personal data.
 */
export abstract class GatewayError extends Error {
  abstract readonly kind: string;
}
