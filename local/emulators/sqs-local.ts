import { buildApp } from 'fauxqs';
import type { RunningEmulator } from './dynamodb-local.js';

/**
 * fauxqs, the SQS emulator, in this process. Built with `buildApp` and bound to 127.0.0.1 explicitly
 * (its `startFauxqs` helper and CLI listen on every interface).
 */
export async function startSqsLocal(options: { port?: number } = {}): Promise<RunningEmulator> {
  const app = buildApp({ logger: false, host: '127.0.0.1' });
  const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  return {
    endpoint: address.replace('localhost', '127.0.0.1'),
    stop: async () => {
      await app.close();
    },
  };
}
