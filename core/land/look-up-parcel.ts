import { adminUnitByCode, predecessorsOf } from '../../schemas/admin-units/index.js';
import type { ParcelKey } from '../../schemas/land.js';
import type { LandPersonalField, ParcelRecord } from '../../schemas/land-records.js';
import type { Caller } from '../../schemas/clients.js';
import { ledgeredAccess, type LedgerDependencies } from '../access-ledger/ledgered-access.js';
import { admitRequest, type Admission, type AdmissionDependencies } from '../access/admit-request.js';
import { NotFoundError } from '../errors/not-found-error.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { LandRegistry } from '../ports/land-registry.js';
import { landDisclosureOf, landReadOperation } from './land-disclosure.js';

export interface LookUpParcelDependencies extends LedgerDependencies, AdmissionDependencies {
  readonly landRegistry: LandRegistry;
}

export interface ParcelLookup {
  readonly admission: Admission;
  /** Every parcel the key matched, one per pre-2025 numbering, in the order of the candidates. */
  readonly parcels: readonly ParcelRecord[];
  readonly fieldsDisclosed: readonly LandPersonalField[];
  readonly retrievedAt: string;
}

/** Registry calls in flight at once for one search across predecessor communes. */
const searchConcurrency = 4;

/**
 * The pre-2025 communes whose numbering a commune code can mean: the code itself when it is (or may
 * be) a pre-2025 code, and every commune a 2025 code was formed from, wholly or partly.
 */
export function candidateCommunes(communeCode: string): string[] {
  const isOnlyCurrent =
    adminUnitByCode(communeCode, '2025') !== undefined &&
    adminUnitByCode(communeCode, 'pre2025') === undefined;
  const predecessors = predecessorsOf(communeCode).map(({ commune }) => commune.code);
  return [...new Set([...(isOnlyCurrent ? [] : [communeCode]), ...predecessors])];
}

/**
 * Looks a parcel up by commune, map sheet and parcel number, with either era's commune code.
 *
 * Primary course:
 *  0. Admit the caller: scope, purpose, rate limit and quota (a refusal is ledgered like any outcome).
 *  1. Work out which pre-2025 numberings the commune code can mean (itself, and a 2025 commune's
 *     predecessors).
 *  2. Ask the registry for the parcel under each of them, a few at a time; keep every match.
 *  3. Record one access in the ledger — the owners found as subjects, failures too — before answering.
 *  4. Answer the matches, each labelled with its former and current commune; 404 only if none matched.
 */
export async function lookUpParcel(
  deps: LookUpParcelDependencies,
  key: ParcelKey,
  envelope: AccessEnvelope,
  caller: Caller,
): Promise<ParcelLookup> {
  const candidates = candidateCommunes(key.communeCode);
  const { result, recordedAt } = await ledgeredAccess(
    deps,
    { envelope, operation: landReadOperation, subjects: [] },
    async () => {
      const admission = await admitRequest(deps, caller, landReadOperation, envelope.purpose);
      return { admission, parcels: await searchCandidates(deps.landRegistry, candidates, key, envelope) };
    },
    ({ parcels }) => landDisclosureOf(parcels.flatMap((record) => record.certificates)),
  );
  const { fieldsDisclosed } = landDisclosureOf(result.parcels.flatMap((record) => record.certificates));
  return { ...result, fieldsDisclosed, retrievedAt: recordedAt };
}

/**
 * Asks for the parcel under every candidate commune. "Not found" under one candidate is an ordinary
 * answer; any other failure fails the search, since the answer could otherwise miss a match.
 */
async function searchCandidates(
  registry: LandRegistry,
  candidates: readonly string[],
  key: ParcelKey,
  envelope: AccessEnvelope,
): Promise<ParcelRecord[]> {
  const outcomes = await mapBounded(candidates, searchConcurrency, (communeCode) =>
    registry.lookUpParcel({ ...key, communeCode }, envelope),
  );
  const failure = outcomes.find(
    (outcome): outcome is PromiseRejectedResult =>
      outcome.status === 'rejected' && !(outcome.reason instanceof NotFoundError),
  );
  if (failure) throw failure.reason;
  const parcels = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  if (parcels.length === 0) throw new NotFoundError('parcel');
  return parcels;
}

/** Runs `task` over `items` with at most `limit` in flight; settles every one, in the items' order. */
async function mapBounded<I, O>(
  items: readonly I[],
  limit: number,
  task: (item: I) => Promise<O>,
): Promise<PromiseSettledResult<O>[]> {
  const results: PromiseSettledResult<O>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as I).then(
        (value) => ({ status: 'fulfilled', value }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
