import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * `npm audit --omit=dev`: no high or critical advisory in a runtime dependency. It asks the npm
 * registry's advisory endpoint and nothing else. Where that endpoint cannot be reached or does not
 * answer (no network, a mirror that does not serve it) the test fails and says so: an audit that did
 * not run is not a clean audit.
 *
 * The check itself is proven against an advisory endpoint on 127.0.0.1 (no network): one that reports
 * a critical advisory for a runtime dependency must fail it, one that refuses the request must be
 * reported as unreachable.
 */
interface AuditReport {
  readonly metadata?: { readonly vulnerabilities?: Record<string, number> };
  readonly vulnerabilities?: Record<string, { readonly severity: string; readonly via: unknown[] }>;
  readonly statusCode?: number;
  readonly message?: string;
  readonly error?: unknown;
}

export type AuditOutcome =
  | { readonly reachable: false; readonly reason: string }
  | { readonly reachable: true; readonly highOrCritical: string[] };

/** Runs `npm audit --omit=dev` against `registry` (npm's configured registry when omitted). */
export function auditRuntimeDependencies(registry?: string): Promise<AuditOutcome> {
  const args = ['audit', '--omit=dev', '--json', ...(registry ? ['--registry', registry] : [])];
  return new Promise((resolve) => {
    execFile(
      'npm',
      args,
      {
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
      },
      // npm audit exits non-zero when it finds advisories: the report decides, not the exit code.
      (error, stdout, stderr) => resolve(outcomeOf(stdout, error?.message ?? stderr)),
    );
  });
}

function outcomeOf(stdout: string, failure: string): AuditOutcome {
  let report: AuditReport;
  try {
    report = JSON.parse(stdout) as AuditReport;
  } catch {
    return { reachable: false, reason: `npm audit gave no report (${failure.slice(0, 300)})` };
  }
  if (!report.metadata?.vulnerabilities) {
    return {
      reachable: false,
      reason: `advisory endpoint unavailable: ${report.message ?? JSON.stringify(report.error).slice(0, 300)}`,
    };
  }
  const highOrCritical = Object.entries(report.vulnerabilities ?? {})
    .filter(([, vulnerability]) => vulnerability.severity === 'high' || vulnerability.severity === 'critical')
    .map(([name, vulnerability]) => `${name} (${vulnerability.severity})`);
  return { reachable: true, highOrCritical };
}

/** An npm registry on 127.0.0.1 that serves only the advisory endpoint, with the given answer. */
async function advisoryEndpoint(
  answer: (packages: Record<string, string[]>) => { status: number; body?: unknown },
): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || !request.url?.startsWith('/-/npm/v1/security/advisories/bulk')) {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      const raw = Buffer.concat(chunks);
      const text =
        request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
      const { status, body } = answer(JSON.parse(text) as Record<string, string[]>);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('runtime dependencies', () => {
  it('have no high or critical advisory (npm audit --omit=dev against the npm registry)', async () => {
    const audit = await auditRuntimeDependencies();
    if (!audit.reachable) {
      throw new Error(
        `The dependency audit could not run, so nothing says the runtime dependencies are free of known advisories: ${audit.reason}. It needs the npm registry's advisory endpoint (POST /-/npm/v1/security/advisories/bulk).`,
      );
    }
    expect(audit.highOrCritical).toEqual([]);
  });

  describe('the audit itself (advisory endpoint on 127.0.0.1)', () => {
    const servers: Server[] = [];
    afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

    it('fails on a critical advisory in a runtime dependency', async () => {
      const asked: string[] = [];
      const endpoint = await advisoryEndpoint((packages) => {
        asked.push(...Object.keys(packages));
        return {
          status: 200,
          body: {
            axios: [
              {
                id: 1,
                url: 'https://github.com/advisories/GHSA-0000-0000-0000',
                title: 'Server-side request forgery (test advisory)',
                severity: 'critical',
                vulnerable_versions: '<99.0.0',
                cwe: ['CWE-918'],
                cvss: { score: 9.8, vectorString: null },
              },
            ],
          },
        };
      });
      servers.push(endpoint.server);
      const audit = await auditRuntimeDependencies(endpoint.url);
      // Runtime dependencies only: a devDependency is never asked about.
      expect(asked).toContain('axios');
      expect(asked).not.toContain('jest');
      // The advisory's package, and the runtime dependencies that pull it in (soap calls registries with it).
      expect(audit.reachable).toBe(true);
      expect(audit).toMatchObject({
        highOrCritical: expect.arrayContaining(['axios (critical)', 'soap (critical)']),
      });
    });

    it('says the endpoint is unreachable when the registry refuses the audit', async () => {
      const endpoint = await advisoryEndpoint(() => ({ status: 405 }));
      servers.push(endpoint.server);
      const audit = await auditRuntimeDependencies(endpoint.url);
      expect(audit.reachable).toBe(false);
      expect(audit).toMatchObject({ reason: expect.stringMatching(/advisory endpoint unavailable: 405/) });
    });
  });
});
