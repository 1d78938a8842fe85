import { readFileSync } from 'node:fs';
import { fixtureCitizens } from '../../local/registries/data/fixture-citizens.js';
import {
  healRegistry,
  localStack,
  setRegistryBehaviour,
  type StackAddresses,
} from '../support/local-stack.js';

/**
 * Logs carry request ids, never personal ids, names, dates of birth or keys. This suite makes a
 * representative set of requests itself — answered, refused, invalid, failed upstream — so it does not
 * depend on which suites ran before it, then scans everything the local stack has logged so far
 * (the functions log at INFO in the test stack).
 */
let stack: StackAddresses;
let log: string;

const envelope = { 'x-officer-id': 'CB-0042', 'x-purpose': '1.001234.000.00.00.H12' };
const [an, ngoc, hoa] = fixtureCitizens as [
  (typeof fixtureCitizens)[number],
  (typeof fixtureCitizens)[number],
  (typeof fixtureCitizens)[number],
];

function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stack.gatewayUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'x-api-key': stack.sandboxApiKey,
      ...envelope,
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  }).then(async (response) => {
    await response.body?.cancel();
    return response;
  });
}

const verify = (body: unknown, headers?: Record<string, string>) =>
  request('POST', '/v1/citizens/verify', body, headers);

beforeAll(async () => {
  stack = localStack();
  const claimOf = (citizen: typeof an) => ({
    personalId: citizen.personalId,
    fullName: citizen.fullName,
    dateOfBirth: citizen.dateOfBirth,
  });
  for (const citizen of [an, ngoc, hoa]) {
    await verify(claimOf(citizen));
    await verify({ ...claimOf(citizen), fullName: `${citizen.fullName} X` });
    await request('POST', '/v1/citizens/lookup', { personalId: citizen.personalId });
    await request('POST', '/v1/audit/subject-report', { personalId: citizen.personalId });
  }
  await request('POST', '/v1/citizens/lookup', { oldIdNumber: an.oldIdNumber });
  // Invalid: a date of birth that contradicts the id, a malformed body, a bad header; refused keys.
  await verify({ ...claimOf(an), dateOfBirth: '1996-03-15' });
  await verify(`{"personalId":"${an.personalId}","fullName":"${an.fullName}"`);
  // Headers are Latin-1: the name goes in the way a client without diacritics would send it.
  await verify(claimOf(an), { 'x-purpose': 'NGUYEN VAN AN' });
  await verify(claimOf(an), { 'x-api-key': `${stack.sandboxApiKey}-wrong` });
  await verify(claimOf(an), { 'x-api-key': an.personalId });
  // Land records name their owners.
  await request('GET', '/v1/land/certificates/DA12345678');
  await request('GET', '/v1/land/parcels/25747/12/345');
  // The registry failing in every way it can, so error paths log too.
  for (const mode of ['http-5xx', 'malformed', 'fault', 'reset']) {
    await setRegistryBehaviour(stack, 'population', { faults: [{ mode, rate: 1 }] });
    await verify(claimOf(an));
    await request('POST', '/v1/citizens/lookup', { personalId: an.personalId });
  }
  await healRegistry(stack, 'population', () => verify(claimOf(an)));
  const logFile = process.env['LIENTHONG_TEST_STACK_LOG'];
  if (!logFile) throw new Error('no stack log: run this suite through the integration jest project');
  log = readFileSync(logFile, 'utf8');
}, 60_000);

/** The ways a name may be written: as is, decomposed (NFD), and without diacritics. */
function spellings(name: string): string[] {
  const decomposed = name.normalize('NFD');
  const plain = decomposed.replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  return [...new Set([name.normalize('NFC'), decomposed, plain, plain.toUpperCase()])];
}

/** A date of birth in the forms the gateway and the registries write it. */
function datesOf(dateOfBirth: string): string[] {
  const [year, month, day] = dateOfBirth.split('-');
  // A year alone is too common a number to look for.
  if (!month || !day) return [];
  return [dateOfBirth, `${year}${month}${day}`, `${day}/${month}/${year}`];
}

function occurrences(needle: string): string[] {
  return log.toLowerCase().includes(needle.toLowerCase()) ? [needle] : [];
}

describe('the stack log', () => {
  it('is not empty and holds the functions’ own log lines', () => {
    expect(log.length).toBeGreaterThan(0);
    expect(log).toMatch(/"level":"(WARN|ERROR|INFO)"/);
  });

  it('holds no personal id or old identity card number of a fixture citizen', () => {
    const ids = fixtureCitizens.flatMap((citizen) => [
      citizen.personalId,
      ...(citizen.oldIdNumber ? [citizen.oldIdNumber] : []),
    ]);
    expect(ids.flatMap(occurrences)).toEqual([]);
  });

  it('holds no 12- or 9-digit number that could be a personal id', () => {
    // Digits inside identifiers (UUIDs, hashes) are not ids: only standalone runs count. ARNs hold
    // the AWS account id (12 digits), nobody's personal id.
    const withoutArns = log.replace(/arn:aws:[^"\s]*/g, 'arn');
    const found = [...withoutArns.matchAll(/(?<![\w-])(\d{12}|\d{9})(?![\w-])/g)].map((match) => match[0]);
    expect(found).toEqual([]);
  });

  it('holds no name of a fixture citizen, however written', () => {
    const names = fixtureCitizens.flatMap((citizen) => spellings(citizen.fullName));
    expect(names.flatMap(occurrences)).toEqual([]);
  });

  it('holds no date of birth of a fixture citizen', () => {
    const dates = fixtureCitizens.flatMap((citizen) => datesOf(citizen.dateOfBirth));
    expect(dates.flatMap(occurrences)).toEqual([]);
  });

  it('holds no API key', () => {
    expect(occurrences(stack.sandboxApiKey)).toEqual([]);
    expect([...log.matchAll(/\blt_[A-Za-z0-9_-]{16,}|test-key-[\w-]+/g)].map((match) => match[0])).toEqual(
      [],
    );
  });
});
