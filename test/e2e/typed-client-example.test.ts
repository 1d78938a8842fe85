import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { localStack, type StackAddresses } from '../support/local-stack.js';

/**
 * The typed-client example (`examples/typed-client/quickstart.ts`, the quickstart's program) run as a
 * developer runs it, with tsx, against the local stack: every step answers what the quickstart says.
 */

jest.setTimeout(90_000);

const run = promisify(execFile);

interface QuickstartSummary {
  match: boolean;
  businessName: string;
  parcelsFound: number;
  parcelAreaM2: number;
  batchId: string;
  batchStatus: string;
  results: { item: number; kind: string; outcome: string }[];
}

let stack: StackAddresses;

beforeAll(() => {
  stack = localStack();
});

async function runExample(env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return run(path.resolve('node_modules/.bin/tsx'), ['examples/typed-client/quickstart.ts'], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    timeout: 80_000,
  });
}

describe('examples/typed-client/quickstart.ts', () => {
  it('verifies, looks up a business and a parcel, and reads the results of a completed batch', async () => {
    const { stdout } = await runExample({
      LIENTHONG_URL: stack.gatewayUrl,
      LIENTHONG_API_KEY: stack.sandboxApiKey,
    });
    const lines = stdout.trim().split('\n');
    const summary = JSON.parse(lines.at(-1) as string) as QuickstartSummary;
    expect(summary).toEqual({
      match: true,
      businessName: 'CÔNG TY CỔ PHẦN ĐẦU TƯ XÂY DỰNG PHÚ CƯỜNG',
      parcelsFound: 1,
      parcelAreaM2: 120.5,
      batchId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      batchStatus: 'completed',
      results: [
        { item: 0, kind: 'citizen-verify', outcome: 'succeeded' },
        { item: 1, kind: 'business', outcome: 'succeeded' },
        { item: 2, kind: 'land-parcel', outcome: 'succeeded' },
      ],
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        'verify: match=true, fullName=exact',
        'business: CÔNG TY CỔ PHẦN ĐẦU TƯ XÂY DỰNG PHÚ CƯỜNG (active)',
        'parcel: 1 found; 120.5 m² ODT, certificate DA 12345678',
        'batch: completed, 3/3 done',
      ]),
    );
  });

  it('stops at the first step the gateway refuses, naming the problem', async () => {
    const failure = await runExample({
      LIENTHONG_URL: stack.gatewayUrl,
      LIENTHONG_API_KEY: 'not-a-key',
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('verify: HTTP 401');
    expect(failure?.stderr).toContain('https://lienthong.gov.vn/problems/unauthenticated');
  });

  it('asks for a key when none is given', async () => {
    const failure = await runExample({ LIENTHONG_URL: stack.gatewayUrl }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('Set LIENTHONG_API_KEY');
  });
});
