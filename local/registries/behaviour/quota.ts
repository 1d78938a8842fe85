/**
 * Per-credential quota: at most `limit` accepted calls in any rolling window of `windowMs`
 * (a sliding log). Refused calls are not recorded, so a client that retries too eagerly is not
 * punished twice. Exact by construction: over a span of k windows no credential gets more than
 * k × limit calls through, which is what the ±5% quota test relies on.
 */
export class SlidingWindowQuota {
  private readonly accepted = new Map<string, number[]>();

  constructor(private readonly windowMs = 1000) {}

  /** Records and returns true when the call fits the credential's quota; false when it must be refused. */
  tryAcquire(credential: string, limit: number, now: number): boolean {
    let log = this.accepted.get(credential);
    if (log === undefined) {
      log = [];
      this.accepted.set(credential, log);
    }
    const windowStart = now - this.windowMs;
    let expired = 0;
    while (expired < log.length && (log[expired] as number) <= windowStart) expired += 1;
    if (expired > 0) log.splice(0, expired);
    if (log.length >= limit) return false;
    log.push(now);
    return true;
  }

  reset(): void {
    this.accepted.clear();
  }
}
