import type { AccessRecord } from '../ports/access-ledger.js';
import type { ChainedEntry, EntryWitness, LedgerReader } from '../ports/ledger-reader.js';
import { chainGenesisHash, entryHash } from './chain.js';
import { verifyLedger, verifyLedgerRange } from './verify-ledger.js';

const range = { from: '2026-11-27T00:00:00.000Z', to: '2026-11-27T23:59:59.999Z' };

function access(minute: number): AccessRecord {
  return {
    requestId: `r${minute}`,
    recordedAt: `2026-11-27T10:${String(minute).padStart(2, '0')}:00.000Z`,
    clientId: 'c',
    keyId: 'k',
    officerId: 'o',
    purpose: 'p',
    operation: 'population:verify',
    subjectKeys: ['s'],
    outcome: 'allowed',
    fieldsDisclosed: [],
  };
}

/** A well-formed chain of `length` entries and their witnesses. */
function chain(chainId: string, length: number, startMinute = 0) {
  const entries: ChainedEntry[] = [];
  let previousHash = chainGenesisHash;
  for (let sequence = 1; sequence <= length; sequence += 1) {
    const record = access(startMinute + sequence);
    const hash = entryHash(previousHash, sequence, record);
    entries.push({ chainId, position: sequence, sequence, previousHash, entryHash: hash, access: record });
    previousHash = hash;
  }
  const witnesses: EntryWitness[] = entries.map((entry) => ({
    chainId,
    sequence: entry.sequence,
    recordedAt: entry.access.recordedAt,
    entryHash: entry.entryHash,
  }));
  return { entries, witnesses };
}

function verify(entries: readonly ChainedEntry[], witnesses: readonly EntryWitness[]) {
  const chains = new Map<string, ChainedEntry[]>();
  for (const entry of entries) chains.set(entry.chainId, [...(chains.get(entry.chainId) ?? []), entry]);
  return verifyLedger(range, witnesses, chains);
}

function kinds(entries: readonly ChainedEntry[], witnesses: readonly EntryWitness[]) {
  return verify(entries, witnesses).findings.map(({ kind, sequence }) => ({ kind, sequence }));
}

describe('ledger verification', () => {
  it('finds nothing in intact chains and counts what it checked', () => {
    const a = chain('a', 4);
    const b = chain('b', 2, 30);
    const verification = verify([...a.entries, ...b.entries], [...a.witnesses, ...b.witnesses]);
    expect(verification).toMatchObject({ chains: 2, entries: 6, witnesses: 6, findings: [] });
  });

  it('reports an entry whose content was edited as changed', () => {
    const { entries, witnesses } = chain('a', 3);
    entries[1] = { ...entries[1]!, access: { ...entries[1]!.access, purpose: 'other' } };
    expect(kinds(entries, witnesses)).toEqual([{ kind: 'changed', sequence: 2 }]);
  });

  it('reports an entry edited and re-hashed as changed against its witness, and its successor as not following it', () => {
    const { entries, witnesses } = chain('a', 3);
    const edited = { ...entries[1]!.access, purpose: 'other' };
    entries[1] = {
      ...entries[1]!,
      access: edited,
      entryHash: entryHash(entries[1]!.previousHash, 2, edited),
    };
    expect(kinds(entries, witnesses)).toEqual([
      { kind: 'changed', sequence: 2 },
      { kind: 'reordered', sequence: 3 },
    ]);
  });

  it('reports the deletion of a chain’s last entry through its witness', () => {
    const { entries, witnesses } = chain('a', 3);
    expect(kinds(entries.slice(0, 2), witnesses)).toEqual([{ kind: 'deleted-entry', sequence: 3 }]);
  });

  it('reports the deletion of a whole chain through its witnesses', () => {
    const { witnesses } = chain('a', 2);
    expect(kinds([], witnesses)).toEqual([
      { kind: 'deleted-entry', sequence: 1 },
      { kind: 'deleted-entry', sequence: 2 },
    ]);
  });

  it('reports a middle entry deleted with its witness as a gap', () => {
    const { entries, witnesses } = chain('a', 5);
    const findings = verify(
      entries.filter((entry) => entry.position !== 2 && entry.position !== 3),
      witnesses.filter((witness) => witness.sequence !== 2 && witness.sequence !== 3),
    ).findings;
    expect(findings).toEqual([
      { kind: 'gap', chainId: 'a', sequence: 2, lastSequence: 3, detail: 'entries 2 to 3 are missing' },
    ]);
  });

  it('reports entries swapped between positions as reordered', () => {
    const { entries, witnesses } = chain('a', 4);
    const [second, third] = [entries[1]!, entries[2]!];
    entries[1] = { ...third, position: 2 };
    entries[2] = { ...second, position: 3 };
    expect(kinds(entries, witnesses)).toEqual([
      { kind: 'reordered', sequence: 2 },
      { kind: 'reordered', sequence: 3 },
      { kind: 'reordered', sequence: 4 },
    ]);
  });

  it('reports an entry without a witness as missing its witness', () => {
    const { entries, witnesses } = chain('a', 3);
    expect(kinds(entries, witnesses.slice(0, 2))).toEqual([{ kind: 'missing-witness', sequence: 3 }]);
  });

  it('reports a first entry that does not start from the genesis hash as reordered', () => {
    const { entries, witnesses } = chain('a', 2);
    const { entries: later } = chain('b', 2);
    const moved = { ...later[1]!, chainId: 'a', position: 1, sequence: 1 };
    const rehashed = { ...moved, entryHash: entryHash(moved.previousHash, 1, moved.access) };
    expect(kinds([rehashed, entries[1]!], witnesses)).toContainEqual({ kind: 'reordered', sequence: 1 });
  });

  it('leaves entries and holes older than the range alone (expired by the retention period)', () => {
    const { entries } = chain('a', 4);
    const old = entries.map((entry) => ({
      ...entry,
      access: { ...entry.access, recordedAt: entry.access.recordedAt.replace('2026-11-27', '2021-01-01') },
    }));
    const remaining = old.slice(2);
    expect(verify(remaining, []).findings).toEqual([]);
  });

  it('reads the witnesses of the range and the chains they name', async () => {
    const a = chain('a', 2);
    const reader: LedgerReader = {
      witnessesBetween: () => Promise.resolve(a.witnesses),
      chainEntries: (chainId) => Promise.resolve(chainId === 'a' ? a.entries.slice(0, 1) : []),
    };
    const verification = await verifyLedgerRange(reader, range);
    expect(verification.findings.map((finding) => finding.kind)).toEqual(['deleted-entry']);
  });
});
