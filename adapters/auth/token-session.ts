import type { Clock } from '../../core/ports/clock.js';

export interface IssuedToken {
  readonly token: string;
  /** Epoch ms of the login that obtained it. */
  readonly issuedAt: number;
  /** Epoch ms after which the registry no longer accepts the token. */
  readonly expiresAt: number;
}

/**
 * An upstream's access token (a land-registry login, an OAuth2 access token), shared by every call of one container: obtained on first use,
 * reused until shortly before it expires, and renewed by a single login however many calls need it
 * at the same moment (single flight).
 */
export class TokenSession {
  private current: IssuedToken | undefined;
  private pending: Promise<IssuedToken> | undefined;

  constructor(
    private readonly login: () => Promise<IssuedToken>,
    private readonly clock: Clock,
  ) {}

  /** A token believed valid: the cached one, or a fresh login when it is missing or about to expire. */
  async token(): Promise<string> {
    const cached = this.current;
    if (cached && this.clock.now().getTime() < cached.expiresAt - refreshMarginMs(cached)) {
      return cached.token;
    }
    return this.renew();
  }

  /**
   * A new token after the registry refused `stale` as expired. When another call already replaced
   * it, that replacement is used rather than logging in again.
   */
  async replace(stale: string): Promise<string> {
    if (this.current && this.current.token !== stale) return this.current.token;
    this.current = undefined;
    return this.renew();
  }

  private async renew(): Promise<string> {
    this.pending ??= this.login()
      .then((fresh) => {
        this.current = fresh;
        return fresh;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return (await this.pending).token;
  }
}

/** Renew a little before expiry: a tenth of the token's lifetime, at most 30 seconds. */
function refreshMarginMs(token: IssuedToken): number {
  const lifetime = token.expiresAt - token.issuedAt;
  return Math.min(30_000, Math.max(0, lifetime / 10));
}
