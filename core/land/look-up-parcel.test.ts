import { trustedCaller, unlimitedCounters } from '../../test/support/admission-fakes.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { UpstreamFailedError } from '../errors/upstream-failed-error.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { AccessRecord } from '../ports/access-ledger.js';
import type { LandRegistry } from '../ports/land-registry.js';
import type { ParcelKey } from '../../schemas/land.js';
import type { Certificate, ParcelRecord } from '../../schemas/land-records.js';
import { candidateCommunes, lookUpParcel, type LookUpParcelDependencies } from './look-up-parcel.js';

const envelope: AccessEnvelope = {
  requestId: 'req-1',
  clientId: 'district-7',
  keyId: 'key-1',
  officerId: 'CB-1',
  purpose: '1.001234',
  unitCode: 'UBND-Q7',
};
const now = new Date('2026-11-27T01:02:03.000Z');

function certificate(ownerId: string, spouseId?: string): Certificate {
  const person = (id: string) => ({
    fullName: `Owner ${id.slice(-3)}`,
    idDocument: { type: 'citizen-id' as const, number: id },
    address: 'Khu phố 1',
    nationality: 'Việt Nam',
  });
  return {
    serial: 'BX 123456',
    issuedOn: '2013-10-15',
    issuedBy: 'UBND',
    signer: 'Trần Văn Lộc',
    registryNumber: 'CH01289',
    dossierCode: 'H74',
    barcode: '2575313000871',
    owners: [{ ...person(ownerId), ...(spouseId ? { spouse: person(spouseId) } : {}) }],
  };
}

function parcelIn(former: string, certificates: Certificate[] = []): ParcelRecord {
  return {
    parcel: {
      commune: {
        former: { code: former, name: `Phường ${former}`, era: 'pre2025' },
        current: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
      },
      mapSheet: 7,
      parcelNumber: 89,
      address: 'Khu phố 3',
      areaM2: 1500,
      landUse: { code: 'CLN', meaning: 'Land for perennial crops' },
      term: 'Lâu dài',
      form: 'Sử dụng riêng',
      origin: 'Công nhận',
      mapScale: '1:1000',
    },
    certificates,
  };
}

/** A registry holding the given parcels by their former commune code; asks are recorded. */
function dependencies(held: Record<string, ParcelRecord | Error>) {
  const recorded: AccessRecord[] = [];
  const asked: string[] = [];
  const landRegistry: LandRegistry = {
    lookUpParcel: async (key: ParcelKey) => {
      asked.push(key.communeCode);
      const found = held[key.communeCode];
      if (found instanceof Error) throw found;
      if (!found) throw new NotFoundError('parcel');
      return found;
    },
    lookUpCertificate: async () => Promise.reject(new Error('not used')),
  };
  const deps: LookUpParcelDependencies = {
    landRegistry,
    accessLedger: { record: async (access) => void recorded.push(access) },
    subjectKeys: { keyOf: (id) => `key-of-${id}` },
    clock: { now: () => now },
    requestCounters: unlimitedCounters,
  };
  return { deps, recorded, asked };
}

const key = (communeCode: string): ParcelKey => ({ communeCode, mapSheet: 7, parcelNumber: 89 });

describe('candidateCommunes', () => {
  it('searches a 2025 code that is also a pre-2025 code as itself and as each predecessor', () => {
    expect(candidateCommunes('25747')).toEqual(['25747', '25741', '25753', '25756', '25774']);
  });

  it('searches a pre-2025-only code as itself', () => {
    expect(candidateCommunes('25753')).toEqual(['25753']);
  });
});

describe('lookUpParcel', () => {
  it('finds a parcel numbered under a predecessor of the 2025 commune asked for', async () => {
    const orchard = parcelIn('25753', [certificate('074152000777')]);
    const { deps } = dependencies({ '25753': orchard });
    const lookup = await lookUpParcel(deps, key('25747'), envelope, trustedCaller);
    expect(lookup.parcels).toEqual([orchard]);
    expect(lookup.retrievedAt).toBe('2026-11-27T01:02:03.000Z');
  });

  it('asks the registry under every candidate commune', async () => {
    const { deps, asked } = dependencies({ '25753': parcelIn('25753') });
    await lookUpParcel(deps, key('25747'), envelope, trustedCaller);
    expect([...asked].sort()).toEqual(['25741', '25747', '25753', '25756', '25774']);
  });

  it('returns every match when several old numberings hold the key', async () => {
    const { deps } = dependencies({ '25747': parcelIn('25747'), '25756': parcelIn('25756') });
    const lookup = await lookUpParcel(deps, key('25747'), envelope, trustedCaller);
    expect(lookup.parcels.map((p) => p.parcel.commune.former.code)).toEqual(['25747', '25756']);
  });

  it('answers not found only when no candidate matched, and ledgers it once', async () => {
    const { deps, recorded } = dependencies({});
    await expect(lookUpParcel(deps, key('25747'), envelope, trustedCaller)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(recorded.map((r) => r.outcome)).toEqual(['not-found']);
  });

  it('fails the search when a candidate failed for another reason than not found', async () => {
    const failure = new UpstreamFailedError('land', 'HTTP 503');
    const { deps, recorded } = dependencies({ '25753': parcelIn('25753'), '25741': failure });
    await expect(lookUpParcel(deps, key('25747'), envelope, trustedCaller)).rejects.toBe(failure);
    expect(recorded.map((r) => r.outcome)).toEqual(['upstream-failed']);
  });

  it('records one ledger entry naming the owners and spouses as subjects and the owner fields disclosed', async () => {
    const { deps, recorded } = dependencies({
      '25747': parcelIn('25747', [certificate('074095000123', '074195000456')]),
      '25753': parcelIn('25753', [certificate('074152000777')]),
    });
    const lookup = await lookUpParcel(deps, key('25747'), envelope, trustedCaller);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      operation: 'land:read',
      outcome: 'allowed',
      subjectKeys: ['key-of-074095000123', 'key-of-074195000456', 'key-of-074152000777'],
      fieldsDisclosed: [
        'owners.fullName',
        'owners.idDocument',
        'owners.address',
        'owners.nationality',
        'owners.spouse',
      ],
    });
    expect(lookup.fieldsDisclosed).toEqual(recorded[0]?.fieldsDisclosed);
  });

  it('discloses no personal fields for a parcel without a certificate', async () => {
    const { deps, recorded } = dependencies({ '25753': parcelIn('25753') });
    await lookUpParcel(deps, key('25753'), envelope, trustedCaller);
    expect(recorded[0]).toMatchObject({ subjectKeys: [], fieldsDisclosed: [] });
  });
});
