import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbLedgerReader } from '../adapters/dynamodb/dynamodb-ledger-reader.js';
import { verifyLedgerRange, type LedgerVerification } from '../core/access-ledger/verify-ledger.js';

/**
 * `npm run ledger:verify -- [--from <ISO time>] [--to <ISO time>] [--endpoint <url>] [--table <name>]`
 *
 * Walks the access ledger over a time range (default: the last 24 hours) and reports every entry that
 * was changed, reordered or deleted, every entry without a witness and every gap in a chain. Exits 0
 * when the range is intact, 1 on any finding, 2 when it could not verify. The table and endpoint
 * default to `LEDGER_TABLE_NAME` and `AWS_ENDPOINT_URL_DYNAMODB`; without an endpoint it reads AWS
 * with the usual credentials (it needs `dynamodb:Query` on the ledger table, nothing more).
 */
const usage =
  'usage: npm run ledger:verify -- [--from <ISO time>] [--to <ISO time>] [--endpoint <url>] [--table <name>]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      endpoint: { type: 'string' },
      table: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const to = instant(values.to, new Date());
  const from = instant(values.from, new Date(Date.parse(to) - 86_400_000));
  if (from > to) throw new Error('--from must not be later than --to');
  const table = values.table ?? process.env['LEDGER_TABLE_NAME'];
  if (!table) throw new Error('name the ledger table with --table or LEDGER_TABLE_NAME');
  const endpoint = values.endpoint ?? process.env['AWS_ENDPOINT_URL_DYNAMODB'];

  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'ap-southeast-1',
      ...(endpoint === undefined ? {} : { endpoint }),
      // DynamoDB Local accepts any credentials; AWS gets the default provider chain.
      ...(endpoint !== undefined && isLoopback(endpoint) && !process.env['AWS_ACCESS_KEY_ID']
        ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    }),
  );
  const verification = await verifyLedgerRange(new DynamoDbLedgerReader(documents, table), { from, to });
  console.log(report(table, verification));
  return verification.findings.length === 0 ? 0 : 1;
}

/** A human-readable report; findings name chains and positions, never the entries' content. */
function report(table: string, verification: LedgerVerification): string {
  const { range, chains, entries, witnesses, findings } = verification;
  const lines = [
    `Access ledger ${table}, ${range.from} to ${range.to}`,
    `  ${entries} entries in ${chains} chains, ${witnesses} witnesses`,
  ];
  if (findings.length === 0) lines.push('  OK: no entry changed, reordered or deleted');
  else {
    lines.push(`  ${findings.length} finding(s):`);
    for (const finding of findings) {
      const position =
        finding.lastSequence === undefined
          ? `${finding.sequence}`
          : `${finding.sequence}-${finding.lastSequence}`;
      lines.push(`  ${finding.kind.padEnd(16)} chain ${finding.chainId} #${position}: ${finding.detail}`);
    }
  }
  return lines.join('\n');
}

function instant(text: string | undefined, fallback: Date): string {
  if (text === undefined) return fallback.toISOString();
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new Error(`not an ISO-8601 time: ${text}`);
  return new Date(time).toISOString();
}

function isLoopback(endpoint: string): boolean {
  return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?/.test(endpoint);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`ledger:verify: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  },
);
