import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalStack } from './local-stack.js';
import { localStackFile } from './stack-file.js';

/**
 * `npm start`: the whole gateway locally. `PORT` sets the gateway port (default 3000),
 * `SANDBOX_API_KEY` the sandbox key (default: a new random one); the simulated registries listen on
 * 8101–8103, or on free ports with `REGISTRY_PORTS=0`. `--ready-file <path>` writes the stack's addresses as JSON once it
 * serves (used by the test suite); without it, `npm start` writes them with the run's key pepper to
 * `.local/stack.json`, where `npm run clients` finds them.
 */
const { values } = parseArgs({ options: { 'ready-file': { type: 'string' } } });

const stack = await startLocalStack({
  gatewayPort: Number(process.env['PORT'] ?? 3000),
  ...(process.env['REGISTRY_PORTS'] === '0'
    ? { registryPorts: { population: 0, land: 0, business: 0 } }
    : {}),
  sandboxApiKey: process.env['SANDBOX_API_KEY'],
  // Function settings given to `npm start` pass through to the functions (deadlines, breaker timing).
  functionEnvironment: Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        /_DEADLINE_MS$|^UPSTREAM_BREAKER_/.test(entry[0]) && entry[1] !== undefined,
    ),
  ),
});

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

if (values['ready-file']) {
  const { stop: _stop, ...addresses } = stack;
  writeFileSync(values['ready-file'], JSON.stringify(addresses, null, 2));
} else {
  // For `npm run clients` against this stack: its addresses and this run's key pepper (DynamoDB Local
  // is in memory, so a pepper lives exactly as long as the keys hashed with it). Git-ignored, owner-only.
  const { stop: _stop, sandboxApiKey: _key, ...addresses } = stack;
  mkdirSync(path.dirname(localStackFile), { recursive: true });
  writeFileSync(
    localStackFile,
    JSON.stringify({ ...addresses, keyPepper: process.env['KEY_PEPPER'] }, null, 2),
    { mode: 0o600 },
  );
  process.on('exit', () => rmSync(localStackFile, { force: true }));
}

// Keys never reach a log: a key the caller chose is not echoed; a generated one is shown once, since
// nobody else knows it.
const sandboxKeyShown = process.env['SANDBOX_API_KEY']
  ? '(as given in SANDBOX_API_KEY)'
  : stack.sandboxApiKey;

console.log(`
Lienthong gateway is running (local)
  Gateway         ${stack.gatewayUrl}
  Sandbox API key ${sandboxKeyShown}
  Docs            ${stack.gatewayUrl}/docs
  Console         ${stack.gatewayUrl}/console/
${Object.entries(stack.registries)
  .map(
    ([name, { url, controlUrl }]) => `  Registry        ${name.padEnd(10)} ${url}   (control: ${controlUrl})`,
  )
  .join('\n')}
  DynamoDB Local  ${stack.dynamoDbEndpoint}
  SQS (fauxqs)    ${stack.sqsEndpoint}

Try:
  curl -s ${stack.gatewayUrl}/v1/health
Press Ctrl-C to stop.
`);
