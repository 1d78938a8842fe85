import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort, waitForPort } from './free-port.js';

export interface RunningEmulator {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * The official DynamoDB Local jar (shipped inside `amplify-dynamodb-simulator`), in memory, on the
 * machine's Java. Telemetry is switched off both ways the jar knows. Note: the jar has no option to
 * choose its bind address, so it listens on all interfaces of the port it is given.
 */
export async function startDynamoDbLocal(options: { port?: number } = {}): Promise<RunningEmulator> {
  const port = options.port || (await freePort());
  const emulatorDir = path.join(
    path.dirname(
      createRequire(path.resolve('package.json')).resolve('amplify-dynamodb-simulator/package.json'),
    ),
    'emulator',
  );
  const java = spawn(
    'java',
    [
      '-Djava.library.path=./DynamoDBLocal_lib',
      '-jar',
      'DynamoDBLocal.jar',
      '-inMemory',
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    {
      cwd: emulatorDir,
      env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  java.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => java.once('exit', () => resolve()));
  try {
    await Promise.race([
      waitForPort(port, 30_000),
      exited.then(() => {
        throw new Error(`DynamoDB Local exited at start (is Java ≥ 17 installed?): ${stderr}`);
      }),
    ]);
  } catch (error) {
    java.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (java.exitCode === null && java.signalCode === null) {
        java.kill('SIGTERM');
        const killer = setTimeout(() => java.kill('SIGKILL'), 3_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
}
