/**
 * Who is signed in: the API key and the purpose envelope. Kept in `sessionStorage` only — it lives
 * as long as the tab, is never written to `localStorage` or a cookie, and never leaves but as headers.
 */
export interface Session {
  readonly apiKey: string;
  readonly officerId: string;
  readonly purpose: string;
  readonly dossierId?: string;
}

const sessionKey = 'lienthong.console.session';

export function currentSession(): Session | undefined {
  const stored = sessionStorage.getItem(sessionKey);
  if (!stored) return undefined;
  try {
    const session = JSON.parse(stored) as Session;
    return typeof session.apiKey === 'string' && session.apiKey !== '' ? session : undefined;
  } catch {
    return undefined;
  }
}

export function signIn(session: Session): void {
  sessionStorage.setItem(sessionKey, JSON.stringify(session));
}

export function signOut(): void {
  sessionStorage.removeItem(sessionKey);
}
