import type { Problem } from '../../schemas/problem.js';
import { currentSession } from './session.js';

/**
 * Calls the gateway's REST API on the console's own origin (the local gateway serves both; on AWS
 * CloudFront routes `/v1/*` to API Gateway), with the API key and, for personal data, the purpose
 * envelope. Every failure comes back as a problem, also a network one.
 */
export type ApiAnswer<T> =
  { ok: true; status: number; body: T; headers: Headers } | { ok: false; status: number; problem: Problem };

export interface ApiRequest {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  readonly json?: unknown;
  readonly csv?: string;
  readonly accept?: string;
  readonly personalData?: boolean;
  readonly headers?: Record<string, string>;
}

export async function callApi<T>(path: string, request: ApiRequest = {}): Promise<ApiAnswer<T>> {
  const session = currentSession();
  const headers: Record<string, string> = {
    accept: request.accept ?? 'application/json',
    ...request.headers,
  };
  if (session) headers['x-api-key'] = session.apiKey;
  if (session && request.personalData) {
    headers['x-officer-id'] = session.officerId;
    headers['x-purpose'] = session.purpose;
    if (session.dossierId) headers['x-dossier-id'] = session.dossierId;
  }
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.csv !== undefined) {
    headers['content-type'] = 'text/csv; charset=utf-8';
    body = request.csv;
  }
  let response: Response;
  try {
    response = await fetch(path, { method: request.method ?? 'GET', headers, body, cache: 'no-store' });
  } catch {
    return { ok: false, status: 0, problem: { type: 'about:blank', title: 'network', status: 0 } };
  }
  if (!response.ok) return { ok: false, status: response.status, problem: await problemOf(response) };
  const parsed = (request.accept ?? 'application/json').includes('json')
    ? ((await response.json()) as T)
    : ((await response.text()) as T);
  return { ok: true, status: response.status, body: parsed, headers: response.headers };
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as Problem;
    if (typeof problem.title === 'string') return { ...problem, status: response.status };
  } catch {
    // not problem+json: described below from the status alone
  }
  return {
    type: 'about:blank',
    title: response.statusText || String(response.status),
    status: response.status,
  };
}
