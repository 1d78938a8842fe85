import { createHmac } from 'node:crypto';
import type { SubjectKeys } from '../../core/ports/subject-keys.js';

/** Subject keys as HMAC-SHA-256 of the personal id under the gateway's secret pepper. */
export class HmacSubjectKeys implements SubjectKeys {
  constructor(private readonly pepper: string) {}

  keyOf(personalId: string): string {
    return createHmac('sha256', this.pepper).update(`subject:${personalId}`).digest('hex');
  }
}
