import { createHmac } from 'node:crypto';

/**
 * API keys are stored and looked up only as HMAC-SHA-256 under a secret pepper: a copy of the table
 * yields no usable key, and a lookup by hash needs no secret comparison in application code.
 */
export class ApiKeyHasher {
  constructor(private readonly pepper: string) {}

  hash(apiKey: string): string {
    return createHmac('sha256', this.pepper).update(`api-key:${apiKey}`).digest('hex');
  }
}
