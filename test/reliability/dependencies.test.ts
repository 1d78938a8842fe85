import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { auditRuntimeDependencies } from '../../scripts/runtime-audit.js';

/**
 * The dependency audit (`npm run audit:runtime`, i.e. `npm audit --omit=dev` read as a verdict) proven
 * against an advisory endpoint on 127.0.0.1, so it needs no network: one that reports a critical
 * advisory for a runtime dependency must fail it, devDependencies are never asked about, and one that
 * refuses the request must be reported as unreachable (never as clean).
 *
 * The audit of the real advisory database is the command itself, run where the npm registry's advisory
 * endpoint answers; it is not part of `npm test`, whose machines reach a registry mirror that refuses
 * that endpoint (405).
 */
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
