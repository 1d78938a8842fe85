/**
 * A retry budget: retries may add at most `ratio` of the calls made in the last `windowMs` (plus a
 * small floor so a quiet gateway can still retry). When an upstream is struggling, every caller
 * retrying at once would multiply its load; the budget caps that amplification.
 */
export class RetryBudget {
  private calls: number[] = [];
  private retries: number[] = [];

  constructor(
    private readonly ratio = 0.2,
    private readonly minRetriesPerWindow = 3,
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  recordCall(): void {
    const now = this.now();
    this.calls.push(now);
    // Forget what left the window, so a busy container's memory stays bounded.
    while ((this.calls[0] ?? now) <= now - this.windowMs) this.calls.shift();
  }

  /** Takes one retry from the budget if there is one left. */
  tryTakeRetry(): boolean {
    const horizon = this.now() - this.windowMs;
    this.calls = this.calls.filter((at) => at > horizon);
    this.retries = this.retries.filter((at) => at > horizon);
    const allowed = Math.max(this.minRetriesPerWindow, Math.floor(this.calls.length * this.ratio));
    if (this.retries.length >= allowed) return false;
    this.retries.push(this.now());
    return true;
  }
}
