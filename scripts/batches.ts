import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { redriveDeadLetters } from '../adapters/sqs/redrive.js';
import { queues } from '../infra/resources.js';
import { localName } from '../local/bootstrap.js';
import { localStackFile } from '../local/stack-file.js';

/**
 * `npm run batches -- redrive`: moves the batch item messages parked in the lookup queue's DLQ back
 * to the lookup queue. Locally it finds fauxqs from the stack `npm start` runs (.local/stack.json);
 * on AWS give the queue URLs (or LOOKUP_QUEUE_URL / LOOKUP_DLQ_URL) and the usual AWS credentials.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'queue-url': { type: 'string' },
    'dlq-url': { type: 'string' },
    endpoint: { type: 'string' },
    'stack-file': { type: 'string' },
  },
});

const usage = `usage: npm run batches -- redrive [--queue-url <url> --dlq-url <url>] [--endpoint <sqs url>]
  Without queue URLs, the local stack of npm start is used (.local/stack.json, or --stack-file).`;

if (positionals[0] !== 'redrive') {
  console.error(usage);
  process.exit(2);
}

const stackFile = values['stack-file'] ?? localStackFile;
const stack =
  values['queue-url'] === undefined && process.env['LOOKUP_QUEUE_URL'] === undefined && existsSync(stackFile)
    ? (JSON.parse(readFileSync(stackFile, 'utf8')) as {
        sqsEndpoint?: string;
        tableNames?: Record<string, string>;
      })
    : undefined;
const endpoint = values.endpoint ?? process.env['AWS_ENDPOINT_URL_SQS'] ?? stack?.sqsEndpoint;
const local = endpoint !== undefined && /^https?:\/\/(127\.0\.0\.1|localhost)\b/.test(endpoint);
const sqs = new SQSClient({
  ...(endpoint === undefined ? {} : { endpoint }),
  ...(local
    ? { region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {}),
});

const queueUrl =
  values['queue-url'] ?? process.env['LOOKUP_QUEUE_URL'] ?? stack?.tableNames?.[queues.lookup.envVar];
const dlqUrl =
  values['dlq-url'] ??
  process.env['LOOKUP_DLQ_URL'] ??
  (stack
    ? (await sqs.send(new GetQueueUrlCommand({ QueueName: localName(queues.lookup.deadLetter.id) }))).QueueUrl
    : undefined);
if (!queueUrl || !dlqUrl) {
  console.error(
    `no queues: start the local stack with npm start, or give --queue-url and --dlq-url\n${usage}`,
  );
  process.exit(2);
}
const moved = await redriveDeadLetters(sqs, dlqUrl, queueUrl);
console.log(`moved ${moved} message(s) from the DLQ back to the lookup queue`);
