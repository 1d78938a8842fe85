import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Starts the local stack once for the integration and end-to-end suites: `local/start.ts` in its own
 * process group (the same code `npm start` runs), on free ports, with a short registry deadline so
 * timeout cases finish quickly. Its output goes to a log file, which the suites may inspect.
 */
export default async function globalSetup(): Promise<void> {
  // Global setup is loaded without the test module mapper, so it shares these paths through the
  // environment: the teardown (same process) and the test workers (its children) read them back.
  // Named per run, so concurrent runs in one checkout never read or stop each other's stack.
  const stackFile = path.resolve(`.local/test-stack-${process.pid}.json`);
  const stackPidFile = path.resolve(`.local/test-stack-${process.pid}.pid`);
  const stackLogFile = path.resolve(`.local/test-stack-${process.pid}.log`);
  const testKeyPepper = `test-pepper-${process.pid}-${Date.now()}`;
  Object.assign(process.env, {
    LIENTHONG_TEST_KEY_PEPPER: testKeyPepper,
    LIENTHONG_TEST_STACK: stackFile,
    LIENTHONG_TEST_STACK_PID: stackPidFile,
    LIENTHONG_TEST_STACK_LOG: stackLogFile,
  });
  mkdirSync(path.dirname(stackFile), { recursive: true });
  rmSync(stackFile, { force: true });
  const log = openSync(stackLogFile, 'w');
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['local/start.ts', '--ready-file', stackFile], {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      PORT: '0',
      REGISTRY_PORTS: '0',
      SANDBOX_API_KEY: `test-${process.pid}-${Date.now()}`,
      KEY_PEPPER: testKeyPepper,
      POPULATION_DEADLINE_MS: '1500',
      LAND_DEADLINE_MS: '1500',
      BUSINESS_DEADLINE_MS: '1500',
      UPSTREAM_BREAKER_HALF_OPEN_MS: '1000',
      // Revocations and policy changes are asserted at once; the cache itself is covered by unit tests.
      AUTHORIZER_CACHE_TTL_SECONDS: '0',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    },
  });
  child.unref();
  writeFileSync(stackPidFile, String(child.pid));

  const deadline = Date.now() + 90_000;
  while (!existsSync(stackFile)) {
    if (child.exitCode !== null) {
      throw new Error(`the local stack exited during start:\n${readFileSync(stackLogFile, 'utf8')}`);
    }
    if (Date.now() > deadline) throw new Error('the local stack did not start within 90 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
