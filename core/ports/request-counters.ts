/** The outcome of counting one request against an allowance. */
export interface CountedRequest {
  readonly allowed: boolean;
  /** Requests left in the window after this one (0 when refused). */
  readonly remaining: number;
  /** When the window ends, as epoch seconds. */
  readonly resetAt: number;
}

/**
 * Shared request counters, one per key and window, consistent across every container: they are how
 * rate limits and daily quotas hold when the gateway runs on many Lambda instances at once.
 */
export interface RequestCounters {
  /**
   * Counts one request (or `amount` at once, all or none) in the window
   * `[windowStart, windowStart + windowSeconds)` unless that would exceed `limit`.
   */
  count(
    counter: string,
    windowStart: number,
    windowSeconds: number,
    limit: number,
    amount?: number,
  ): Promise<CountedRequest>;
  /** Gives back requests counted in a window (a request refused for another reason after all). */
  release(counter: string, windowStart: number, amount?: number): Promise<void>;
}
