import { existsSync, readFileSync, rmSync } from 'node:fs';

/** Stops the local stack's whole process group (tsx, node, DynamoDB Local's Java). */
export default async function globalTeardown(): Promise<void> {
  const stackFile = process.env['LIENTHONG_TEST_STACK'];
  const stackPidFile = process.env['LIENTHONG_TEST_STACK_PID'];
  if (!stackFile || !stackPidFile || !existsSync(stackPidFile)) return;
  const pid = Number(readFileSync(stackPidFile, 'utf8'));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && isAlive(-pid)) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(-pid)) process.kill(-pid, 'SIGKILL');
  rmSync(stackPidFile, { force: true });
  rmSync(stackFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
