import type { ChainedEntry, EntryWitness, LedgerReader, TimeRange } from '../ports/ledger-reader.js';
import { chainGenesisHash, entryHash } from './chain.js';

/**
 * What verification can find:
 *  - `changed`: an entry no longer matches its own hash, or differs from its witness;
 *  - `reordered`: an intact entry stored at another position than its own, or not following its
 *    predecessor's hash;
 *  - `deleted-entry`: a witness whose entry is gone;
 *  - `missing-witness`: an entry nobody witnessed (its witness was deleted, or it was inserted);
 *  - `gap`: positions missing from a chain that no witness accounts for.
 */
export type LedgerFindingKind = 'changed' | 'reordered' | 'deleted-entry' | 'missing-witness' | 'gap';

export interface LedgerFinding {
  readonly kind: LedgerFindingKind;
  readonly chainId: string;
  readonly sequence: number;
  /** For a gap: the last missing position (`sequence` is the first). */
  readonly lastSequence?: number;
  readonly detail: string;
}

export interface LedgerVerification {
  readonly range: TimeRange;
  readonly chains: number;
  readonly entries: number;
  readonly witnesses: number;
  readonly findings: readonly LedgerFinding[];
}

/**
 * Checks a time range of the ledger, both ways: every witnessed entry exists with the witnessed hash,
 * every entry is witnessed, every chain runs contiguously from position 1, each entry follows its
 * predecessor's hash, and every hash recomputes from the entry's content. Pure: the caller reads the
 * witnesses of the range and the chains they name.
 */
export function verifyLedger(
  range: TimeRange,
  witnesses: readonly EntryWitness[],
  chains: ReadonlyMap<string, readonly ChainedEntry[]>,
): LedgerVerification {
  const inRange = (instant: string) => instant >= range.from && instant <= range.to;
  const rangeWitnesses = witnesses.filter((witness) => inRange(witness.recordedAt));
  const witnessOf = new Map(
    rangeWitnesses.map((witness) => [slot(witness.chainId, witness.sequence), witness]),
  );
  const findings: LedgerFinding[] = [];
  let entries = 0;

  const chainIds = new Set([...chains.keys(), ...rangeWitnesses.map((witness) => witness.chainId)]);
  for (const chainId of [...chainIds].sort()) {
    const stored = [...(chains.get(chainId) ?? [])].sort((a, b) => a.position - b.position);
    const present = new Set(stored.map((entry) => entry.position));
    let previous: ChainedEntry | undefined;
    for (const entry of stored) {
      const firstMissing = previous ? previous.position + 1 : 1;
      if (entry.position > firstMissing) {
        findings.push(
          ...unwitnessedGaps(chainId, firstMissing, entry.position - 1, witnessOf, previous, entry, range),
        );
      }
      const witness = witnessOf.get(slot(chainId, entry.position));
      if (witness || inRange(entry.access.recordedAt)) {
        entries += 1;
        const predecessor = previous?.position === entry.position - 1 ? previous : undefined;
        const finding = checkEntry(entry, predecessor, witness);
        if (finding) findings.push(finding);
      }
      previous = entry;
    }
    for (const witness of rangeWitnesses) {
      if (witness.chainId === chainId && !present.has(witness.sequence)) {
        findings.push({
          kind: 'deleted-entry',
          chainId,
          sequence: witness.sequence,
          detail: `the entry witnessed at ${witness.recordedAt} is missing`,
        });
      }
    }
  }
  findings.sort((a, b) =>
    a.chainId === b.chainId ? a.sequence - b.sequence : a.chainId < b.chainId ? -1 : 1,
  );
  return { range, chains: chainIds.size, entries, witnesses: rangeWitnesses.length, findings };
}

/** Reads what `verifyLedger` needs from the ledger and verifies it. */
export async function verifyLedgerRange(reader: LedgerReader, range: TimeRange): Promise<LedgerVerification> {
  const witnesses = await reader.witnessesBetween(range);
  const chains = new Map<string, ChainedEntry[]>();
  for (const chainId of new Set(witnesses.map((witness) => witness.chainId))) {
    chains.set(chainId, await reader.chainEntries(chainId));
  }
  return verifyLedger(range, witnesses, chains);
}

function checkEntry(
  entry: ChainedEntry,
  predecessor: ChainedEntry | undefined,
  witness: EntryWitness | undefined,
): LedgerFinding | undefined {
  const at = { chainId: entry.chainId, sequence: entry.position };
  if (entryHash(entry.previousHash, entry.sequence, entry.access) !== entry.entryHash) {
    return { kind: 'changed', ...at, detail: 'the entry no longer matches its hash' };
  }
  if (entry.sequence !== entry.position) {
    return { kind: 'reordered', ...at, detail: `entry ${entry.sequence} of the chain is stored here` };
  }
  if (entry.position === 1 && entry.previousHash !== chainGenesisHash) {
    return { kind: 'reordered', ...at, detail: 'the first entry does not start from the genesis hash' };
  }
  if (predecessor && entry.previousHash !== predecessor.entryHash) {
    return { kind: 'reordered', ...at, detail: `the entry does not follow entry ${predecessor.position}` };
  }
  if (!witness) return { kind: 'missing-witness', ...at, detail: 'no witness records this entry' };
  if (witness.entryHash !== entry.entryHash) {
    return { kind: 'changed', ...at, detail: 'the entry differs from its witness' };
  }
  return undefined;
}

/**
 * Missing positions `first..last` without a witness, as gaps — reported when they may fall in the range
 * (between the neighbours' times); older holes are the retention period's expiry.
 */
function unwitnessedGaps(
  chainId: string,
  first: number,
  last: number,
  witnessOf: ReadonlyMap<string, EntryWitness>,
  before: ChainedEntry | undefined,
  after: ChainedEntry,
  range: TimeRange,
): LedgerFinding[] {
  const earliest = before?.access.recordedAt ?? '';
  if (after.access.recordedAt < range.from || earliest > range.to) return [];
  const gaps: LedgerFinding[] = [];
  let runStart: number | undefined;
  for (let position = first; position <= last + 1; position += 1) {
    const unwitnessed = position <= last && !witnessOf.has(slot(chainId, position));
    if (unwitnessed && runStart === undefined) runStart = position;
    if (!unwitnessed && runStart !== undefined) {
      const runEnd = position - 1;
      gaps.push({
        kind: 'gap',
        chainId,
        sequence: runStart,
        ...(runEnd === runStart ? {} : { lastSequence: runEnd }),
        detail:
          runEnd === runStart
            ? `entry ${runStart} is missing`
            : `entries ${runStart} to ${runEnd} are missing`,
      });
      runStart = undefined;
    }
  }
  return gaps;
}

function slot(chainId: string, sequence: number): string {
  return `${chainId}#${sequence}`;
}
