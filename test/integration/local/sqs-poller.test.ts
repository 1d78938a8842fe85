import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { startSqsPoller, type SqsPoller } from '../../../local/sqs-poller.js';
import { localStack } from '../../support/local-stack.js';
import { eventually } from '../../support/batches.js';

jest.setTimeout(30_000);

let sqs: SQSClient;
let queueUrl: string;
let poller: SqsPoller | undefined;

beforeAll(async () => {
  sqs = new SQSClient({
    region: 'ap-southeast-1',
    endpoint: localStack().sqsEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  ({ QueueUrl: queueUrl = '' } = await sqs.send(
    new CreateQueueCommand({
      QueueName: `poller-pause-${Date.now()}`,
      Attributes: { VisibilityTimeout: '60' },
    }),
  ));
});

afterAll(async () => {
  await poller?.stop();
  await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
});

async function counts() {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return {
    visible: Number(Attributes['ApproximateNumberOfMessages']),
    inFlight: Number(Attributes['ApproximateNumberOfMessagesNotVisible']),
  };
}

describe('the local SQS poller (the event source mapping of the local stack)', () => {
  it('pauses without taking messages it will not run, and runs them once resumed', async () => {
    const handled: string[] = [];
    poller = await startSqsPoller({
      sqs,
      queueUrl,
      concurrency: 2,
      handler: async (event) => {
        handled.push(...event.Records.map((record) => record.body));
      },
    });
    // Both pollers are in a long poll when the pause comes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await poller.pause();

    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: ['a', 'b', 'c'].map((body) => ({ Id: body, MessageBody: body })),
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Nothing run, nothing hidden in flight for a poller that is not running.
    expect(handled).toEqual([]);
    expect(await counts()).toEqual({ visible: 3, inFlight: 0 });

    poller.resume();
    const settled = await eventually(
      async () => ({ handled: [...handled].sort(), ...(await counts()) }),
      (state) => state.handled.length === 3 && state.visible + state.inFlight === 0,
      10_000,
    );
    expect(settled).toEqual({ handled: ['a', 'b', 'c'], visible: 0, inFlight: 0 });
  });
});
