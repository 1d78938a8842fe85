import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { LocalStack } from '../../local/local-stack.js';

export type StackAddresses = Omit<LocalStack, 'stop'>;

export interface BenchStack {
  readonly addresses: StackAddresses;
  /** The key pepper the stack hashes API keys with, to register benchmark clients. */
  readonly keyPepper: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * The local stack (`local/start.ts`, the code `npm start` runs) in its own process group on free
 * ports. Not in the benchmark's process: the load generator must not share an event loop with the
 * gateway it measures, or each would slow the other down and the gateway would look worse (or the
 * client better) than it is.
 */
export async function startBenchStack(
  name: string,
  environment: Record<string, string> = {},
): Promise<BenchStack> {
  const directory = path.resolve('.local/bench');
  mkdirSync(directory, { recursive: true });
  const readyFile = path.join(directory, `${name}-${process.pid}.json`);
  const logFile = path.join(directory, `${name}-${process.pid}.log`);
  rmSync(readyFile, { force: true });
  const keyPepper = `bench-pepper-${process.pid}-${Date.now()}`;
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['local/start.ts', '--ready-file', readyFile], {
    detached: true,
    stdio: ['ignore', openSync(logFile, 'w'), openSync(logFile, 'a')],
    env: {
      ...process.env,
      PATH: `${path.resolve('node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
      PORT: '0',
      REGISTRY_PORTS: '0',
      KEY_PEPPER: keyPepper,
      ...environment,
    },
  });
  const pid = child.pid!;
  const stop = async () => {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && isAlive(-pid)) await new Promise((resolve) => setTimeout(resolve, 100));
    if (isAlive(-pid)) process.kill(-pid, 'SIGKILL');
    rmSync(readyFile, { force: true });
  };
  process.once('exit', () => {
    if (isAlive(-pid)) process.kill(-pid, 'SIGKILL');
  });
  const deadline = Date.now() + 90_000;
  while (!existsSync(readyFile)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(
        `the local stack did not start (log: ${logFile}):\n${readFileSync(logFile, 'utf8').slice(-2000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  const addresses = JSON.parse(readFileSync(readyFile, 'utf8')) as StackAddresses;
  return { addresses, keyPepper, pid, stop };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
