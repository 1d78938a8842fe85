import { execFile } from 'node:child_process';

/**
 * `npm audit --omit=dev` read as a verdict: no high or critical advisory in a runtime dependency. It
 * asks the npm registry's advisory endpoint and nothing else. Where that endpoint cannot be reached or
 * does not answer (no network, a mirror that does not serve it) the outcome says so: an audit that did
 * not run is not a clean audit.
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
