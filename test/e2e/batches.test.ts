import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { redriveDeadLetters } from '../../adapters/sqs/redrive.js';
import { verifyWebhookSignature } from '../../adapters/webhooks/webhook-signature.js';
import type { BatchItemMessage } from '../../events/batch-item-message.js';
import { queues } from '../../infra/resources.js';
import { parseCsv } from '../../functions/commons/csv.js';
import {
  healRegistry,
  ledgerEntriesFor,
  localStack,
  registerTestClient,
  registryCounters,
  setRegistryBehaviour,
  type StackAddresses,
} from '../support/local-stack.js';
import { eventually, lookupQueues, submitBatch, type LookupQueues } from '../support/batches.js';

jest.setTimeout(60_000);

const envelope = { 'x-officer-id': 'CB-0042', 'x-purpose': '1.001234.000.00.00.H12' };
const an = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };
const ngoc = { personalId: '079301001234', fullName: 'Trần Thị Bích Ngọc', dateOfBirth: '2001-09-02' };
const verifyItem = (claim: typeof an) => ({ kind: 'citizen-verify', request: claim });

let stack: StackAddresses;
let lookup: LookupQueues;

beforeAll(async () => {
  stack = localStack();
  lookup = await lookupQueues(stack);
});

afterEach(async () => {
  await healRegistry(stack, 'population', () => fetch(`${stack.gatewayUrl}/v1/health`));
});

async function submit(
  body: unknown,
  headers: Record<string, string> = {},
  apiKey = stack.sandboxApiKey,
): Promise<{ response: Response; json: Record<string, unknown> }> {
  return submitBatch(stack, body, { headers: { ...envelope, ...headers }, apiKey });
}

async function get(path: string, headers: Record<string, string> = {}, apiKey = stack.sandboxApiKey) {
  return fetch(`${stack.gatewayUrl}${path}`, { headers: { 'x-api-key': apiKey, ...headers } });
}

async function statusOf(batchId: string): Promise<Record<string, unknown>> {
  return (await (await get(`/v1/batches/${batchId}`)).json()) as Record<string, unknown>;
}

const finished = (status: Record<string, unknown>) =>
  ['completed', 'completed_with_errors', 'cancelled'].includes(status['status'] as string) &&
  status['done'] === status['total'];

describe('POST /v1/batches', () => {
  it('accepts a JSON batch with 202 and a Location, and runs every item to a result', async () => {
    const { response, json } = await submit({
      items: [
        verifyItem(an),
        { kind: 'citizen-lookup', request: { personalId: '074095999999' } },
        verifyItem(ngoc),
      ],
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('location')).toBe(`/v1/batches/${json['batchId']}`);
    expect(json).toEqual(expect.objectContaining({ status: 'queued', total: 3 }));

    const status = await eventually(() => statusOf(json['batchId'] as string), finished);
    expect(status).toEqual(
      expect.objectContaining({
        status: 'completed',
        total: 3,
        done: 3,
        progress: 1,
        counts: { succeeded: 2, not_found: 1, rejected: 0, denied: 0, failed: 0 },
      }),
    );
  });

  it('accepts a CSV upload with a header row and answers its results as CSV in item order', async () => {
    const csv = [
      'kind,personalId,fullName,dateOfBirth,enterpriseCode,serial',
      `citizen-verify,${an.personalId},${an.fullName},${an.dateOfBirth},,`,
      'business,,,,3701234562,',
      'land-certificate,,,,,DA 12345678',
    ].join('\r\n');
    const { response, json } = await submit(csv);
    expect(response.status).toBe(202);
    await eventually(() => statusOf(json['batchId'] as string), finished);

    const results = await get(`/v1/batches/${json['batchId']}/results`, { accept: 'text/csv' });
    expect(results.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(await results.text());
    expect(header).toEqual(['item', 'kind', 'outcome', 'result', 'error', 'attempts', 'completedAt']);
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['0', 'citizen-verify', 'succeeded'],
      ['1', 'business', 'succeeded'],
      ['2', 'land-certificate', 'succeeded'],
    ]);
    expect(JSON.parse(rows[0]?.[3] as string)).toEqual(expect.objectContaining({ match: true }));
  });

  it('rejects invalid items up front with their row numbers, queueing nothing and calling no registry', async () => {
    const before = await registryCounters(stack, 'population');
    const csv = [
      'kind,personalId,fullName,dateOfBirth',
      `citizen-verify,${an.personalId},${an.fullName},${an.dateOfBirth}`,
      `citizen-verify,12345,${an.fullName},${an.dateOfBirth}`,
      `citizen-verify,${an.personalId},,${an.dateOfBirth}`,
    ].join('\n');
    const { response, json } = await submit(csv);
    expect(response.status).toBe(400);
    const fields = (json['errors'] as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['row:3.personalId', 'row:4.fullName']));
    expect(fields.some((field) => field.startsWith('row:2.'))).toBe(false);

    const { response: jsonResponse, json: jsonErrors } = await submit({
      items: [
        verifyItem(an),
        { kind: 'land-parcel', request: { communeCode: 'x', mapSheet: 1, parcelNumber: 2 } },
      ],
    });
    expect(jsonResponse.status).toBe(400);
    expect((jsonErrors['errors'] as { field: string }[])[0]?.field).toMatch(
      /^items\.1\.request\.communeCode/,
    );
    expect((await registryCounters(stack, 'population')).calls).toBe(before.calls);
  });

  it('answers the same batch for the same Idempotency-Key and body, and refuses the key for another body', async () => {
    const key = `batch-${Date.now()}`;
    const first = await submit({ items: [verifyItem(an)] }, { 'idempotency-key': key });
    const again = await submit({ items: [verifyItem(an)] }, { 'idempotency-key': key });
    expect(again.response.status).toBe(202);
    expect(again.json['batchId']).toBe(first.json['batchId']);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');

    const other = await submit({ items: [verifyItem(ngoc)] }, { 'idempotency-key': key });
    expect(other.response.status).toBe(400);
    expect(other.json['errors']).toEqual([
      expect.objectContaining({ field: 'header:idempotency-key', rule: 'reused' }),
    ]);
    await eventually(() => statusOf(first.json['batchId'] as string), finished);
  });

  it('refuses a verify-only client a batch holding a citizen lookup (no full record through a batch)', async () => {
    const apiKey = await registerTestClient(stack, {
      clientId: `verify-only-${Date.now()}`,
      name: 'Verify only',
      unitCode: 'UBND-TEST',
      status: 'active',
      policy: { scopes: ['population:verify', 'batch:submit'] },
    });
    const { response } = await submit(
      { items: [{ kind: 'citizen-lookup', request: { personalId: an.personalId } }] },
      {},
      apiKey,
    );
    expect(response.status).toBe(403);
  });
});

describe('GET /v1/batches/{batchId}/results', () => {
  it('pages results in item order with a cursor, and ledgers every item with the batch purpose', async () => {
    const items = [verifyItem(an), verifyItem(ngoc), verifyItem(an), verifyItem(ngoc), verifyItem(an)];
    const { json } = await submit({ items });
    const batchId = json['batchId'] as string;
    await eventually(() => statusOf(batchId), finished);

    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = (await (
        await get(`/v1/batches/${batchId}/results?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as { results: { item: number; outcome: string }[]; nextCursor?: string };
      expect(page.results.length).toBeLessThanOrEqual(2);
      seen.push(...page.results.map((result) => result.item));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4]);

    for (const index of [0, 4]) {
      const entries = await ledgerEntriesFor(stack, `${batchId}:${index}`);
      expect(entries).toEqual([
        expect.objectContaining({
          purpose: envelope['x-purpose'],
          officerId: envelope['x-officer-id'],
          outcome: 'allowed',
        }),
      ]);
    }
  });
});

describe('DELETE /v1/batches/{batchId}', () => {
  it('cancels the items that have not run', async () => {
    await setRegistryBehaviour(stack, 'population', { latency: { distribution: 'fixed', ms: 500 } });
    const { json } = await submit({ items: Array.from({ length: 300 }, () => verifyItem(an)) });
    const batchId = json['batchId'] as string;
    const cancelled = await fetch(`${stack.gatewayUrl}/v1/batches/${batchId}`, {
      method: 'DELETE',
      headers: { 'x-api-key': stack.sandboxApiKey },
    });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as Record<string, unknown>)['cancelledAt']).toEqual(expect.any(String));
    // Wait until the queue has drained: whatever was in flight finished, the rest was dropped.
    await eventually(
      () => lookup.depth(lookup.queueUrl),
      (depth) => depth === 0,
    );
    const status = await statusOf(batchId);
    expect(status['status']).toBe('cancelled');
    expect(status['done'] as number).toBeLessThan(300);
  });
});

describe('completion webhook', () => {
  let receiver: Server;
  let deliveries: { headers: Record<string, string | string[] | undefined>; body: string }[];

  beforeAll(async () => {
    deliveries = [];
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        deliveries.push({ headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('posts the outcome once, signed with the client secret so the receiver can verify it', async () => {
    const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/batches`;
    const { json } = await submit({ items: [verifyItem(an), verifyItem(ngoc)], callbackUrl });
    const { secret } = json['callback'] as { secret: string };
    await eventually(
      async () => deliveries.length,
      (count) => count > 0,
    );
    const [delivery] = deliveries;
    expect(delivery).toBeDefined();
    const signature = delivery?.headers['x-lienthong-signature'] as string;
    expect(
      verifyWebhookSignature(secret, signature, delivery?.body as string, Math.floor(Date.now() / 1000)),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        'wrong secret',
        signature,
        delivery?.body as string,
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(false);
    expect(JSON.parse(delivery?.body as string)).toEqual(
      expect.objectContaining({
        type: 'batch.completed',
        batchId: json['batchId'],
        status: 'completed',
        total: 2,
      }),
    );
    const status = await eventually(
      () => statusOf(json['batchId'] as string),
      (s) => s['webhook'] !== undefined,
    );
    expect(status['webhook']).toEqual(
      expect.objectContaining({ status: 'delivered', attempts: 1, lastStatusCode: 204 }),
    );
  });
});

describe('completion webhook retries', () => {
  it('tries again after a failed delivery and records the attempts on the batch', async () => {
    let received = 0;
    const answers = [503];
    const flaky = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received += 1;
        response.writeHead(answers.shift() ?? 204).end();
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    try {
      const callbackUrl = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/hooks`;
      const { json } = await submit({ items: [verifyItem(an)], callbackUrl });
      const status = await eventually(
        () => statusOf(json['batchId'] as string),
        (s) => (s['webhook'] as { status?: string } | undefined)?.status === 'delivered',
      );
      expect(status['webhook']).toEqual(
        expect.objectContaining({ status: 'delivered', attempts: 2, lastStatusCode: 204 }),
      );
      expect(received).toBe(2);
    } finally {
      await new Promise((resolve) => flaky.close(resolve));
    }
  });
});

describe('the worker', () => {
  it('never runs an item twice when its message is delivered again', async () => {
    const { json } = await submit({ items: [verifyItem(an)] });
    const batchId = json['batchId'] as string;
    await eventually(() => statusOf(batchId), finished);
    const before = await registryCounters(stack, 'population');

    const message: BatchItemMessage = {
      version: 1,
      batchId,
      itemIndex: 0,
      caller: {
        clientId: 'sandbox',
        keyId: 'sandbox-key-1',
        unitCode: 'SANDBOX',
        policy: {
          scopes: ['population:verify', 'batch:submit'],
          fields: {},
          rateLimit: { perSecond: 20 },
          dailyQuota: 1000,
        },
      },
      envelope: { officerId: envelope['x-officer-id'], purpose: envelope['x-purpose'] },
      item: verifyItem(an) as BatchItemMessage['item'],
    };
    await lookup.sqs.send(
      new SendMessageCommand({ QueueUrl: lookup.queueUrl, MessageBody: JSON.stringify(message) }),
    );
    await lookup.sqs.send(
      new SendMessageCommand({ QueueUrl: lookup.queueUrl, MessageBody: JSON.stringify(message) }),
    );
    await eventually(
      () => lookup.depth(lookup.queueUrl),
      (depth) => depth === 0,
    );

    expect((await registryCounters(stack, 'population')).calls).toBe(before.calls);
    expect(await ledgerEntriesFor(stack, `${batchId}:0`)).toHaveLength(1);
    expect(await statusOf(batchId)).toEqual(expect.objectContaining({ done: 1, total: 1 }));
  });

  it('ends an item that keeps failing as failed with the reason on its last attempt, never in the DLQ', async () => {
    const deadLettersBefore = await lookup.depth(lookup.deadLetterUrl);
    await setRegistryBehaviour(stack, 'population', { faults: [{ mode: 'fault', rate: 1 }] });
    const callsBefore = (await registryCounters(stack, 'population')).calls;
    const { json } = await submit({ items: [verifyItem(ngoc)] });
    const batchId = json['batchId'] as string;
    // Its first attempt failed: the message waits out its backoff.
    await eventually(
      async () => (await registryCounters(stack, 'population')).calls,
      (calls) => calls > callsBefore,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The same item as a message that already had three attempts (as handed over by a worker): its
    // next attempt is the last one allowed.
    const lastChance: BatchItemMessage = {
      version: 1,
      batchId,
      itemIndex: 0,
      caller: {
        clientId: 'sandbox',
        keyId: 'sandbox-key-1',
        unitCode: 'SANDBOX',
        policy: { scopes: ['population:verify'], fields: {}, rateLimit: { perSecond: 20 }, dailyQuota: 1000 },
      },
      envelope: { officerId: envelope['x-officer-id'], purpose: envelope['x-purpose'] },
      item: verifyItem(ngoc) as BatchItemMessage['item'],
      priorAttempts: queues.lookup.deadLetter.maxReceiveCount - 2,
    };
    await lookup.sqs.send(
      new SendMessageCommand({ QueueUrl: lookup.queueUrl, MessageBody: JSON.stringify(lastChance) }),
    );
    const status = await eventually(() => statusOf(batchId), finished);
    expect(status).toEqual(
      expect.objectContaining({
        status: 'completed_with_errors',
        done: 1,
        counts: expect.objectContaining({ failed: 1 }),
      }),
    );
    const { results } = (await (await get(`/v1/batches/${batchId}/results`)).json()) as {
      results: Record<string, unknown>[];
    };
    expect(results).toEqual([
      expect.objectContaining({
        outcome: 'failed',
        attempts: queues.lookup.deadLetter.maxReceiveCount - 1,
        error: { kind: 'upstream-failed', detail: expect.any(String) },
      }),
    ]);
    await healRegistry(stack, 'population', () => fetch(`${stack.gatewayUrl}/v1/health`));
    await eventually(
      () => lookup.depth(lookup.queueUrl),
      (depth) => depth === 0,
    );
    expect(await lookup.depth(lookup.deadLetterUrl)).toBe(deadLettersBefore);
  });

  it('sends a message it cannot parse to the DLQ, and redrive moves DLQ messages back to be run', async () => {
    const unparseable = '{"not": "a batch item"';
    await lookup.sqs.send(new SendMessageCommand({ QueueUrl: lookup.queueUrl, MessageBody: unparseable }));
    expect(
      await eventually(
        () => lookup.depth(lookup.deadLetterUrl),
        (depth) => depth >= 1,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await redriveDeadLetters(lookup.sqs, lookup.deadLetterUrl, lookup.queueUrl),
    ).toBeGreaterThanOrEqual(1);

    // A valid item parked in the DLQ (e.g. by an outage) runs once redriven.
    const { json } = await submit({ items: [verifyItem(ngoc)] });
    const batchId = json['batchId'] as string;
    await eventually(() => statusOf(batchId), finished);
    const parked: BatchItemMessage = {
      version: 1,
      batchId,
      itemIndex: 0,
      caller: {
        clientId: 'sandbox',
        keyId: 'sandbox-key-1',
        unitCode: 'SANDBOX',
        policy: { scopes: ['population:verify'], fields: {}, rateLimit: { perSecond: 20 }, dailyQuota: 1000 },
      },
      envelope: { officerId: envelope['x-officer-id'], purpose: envelope['x-purpose'] },
      item: verifyItem(ngoc) as BatchItemMessage['item'],
    };
    await eventually(
      () => lookup.depth(lookup.deadLetterUrl),
      (depth) => depth >= 1,
    );
    await lookup.sqs.send(
      new SendMessageCommand({ QueueUrl: lookup.deadLetterUrl, MessageBody: JSON.stringify(parked) }),
    );
    expect(
      await redriveDeadLetters(lookup.sqs, lookup.deadLetterUrl, lookup.queueUrl),
    ).toBeGreaterThanOrEqual(2);
    await eventually(
      () => lookup.depth(lookup.queueUrl),
      (depth) => depth === 0,
      20_000,
    );
    // Already done: redriving it changed nothing.
    expect(await ledgerEntriesFor(stack, `${batchId}:0`)).toHaveLength(1);
    // The unparseable message is back in the DLQ; it is removed so that later suites find it empty.
    await eventually(
      () => lookup.depth(lookup.deadLetterUrl),
      (depth) => depth >= 1,
    );
    expect(await lookup.remove(lookup.deadLetterUrl, unparseable)).toBe(1);
  });
});

describe('access to batches', () => {
  it('shows a batch only to the client that submitted it', async () => {
    const { json } = await submit({ items: [verifyItem(an)] });
    const batchId = json['batchId'] as string;
    const otherKey = await registerTestClient(stack, {
      clientId: `other-${Date.now()}`,
      name: 'Another district',
      unitCode: 'UBND-OTHER',
      status: 'active',
      policy: { scopes: ['population:verify', 'batch:submit'] },
    });
    expect((await get(`/v1/batches/${batchId}`, {}, otherKey)).status).toBe(404);
    expect((await get(`/v1/batches/${batchId}/results`, {}, otherKey)).status).toBe(404);
    const cancel = await fetch(`${stack.gatewayUrl}/v1/batches/${batchId}`, {
      method: 'DELETE',
      headers: { 'x-api-key': otherKey },
    });
    expect(cancel.status).toBe(404);
    expect((await get(`/v1/batches/${batchId}`)).status).toBe(200);
    await eventually(() => statusOf(batchId), finished);
  });
});
