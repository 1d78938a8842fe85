import { trustedCaller, unlimitedCounters } from '../../test/support/admission-fakes.js';
import { LedgerUnavailableError } from '../errors/ledger-unavailable-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { UpstreamRejectedError } from '../errors/upstream-rejected-error.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { AccessRecord } from '../ports/access-ledger.js';
import type { CertificateRecord } from '../../schemas/land-records.js';
import { lookUpCertificate, type LookUpCertificateDependencies } from './look-up-certificate.js';

const envelope: AccessEnvelope = {
  requestId: 'req-2',
  clientId: 'district-7',
  keyId: 'key-1',
  officerId: 'CB-1',
  purpose: '1.001234',
  unitCode: 'UBND-Q7',
  dossierId: 'HS-9',
};
const now = new Date('2026-11-27T01:02:03.000Z');

const record: CertificateRecord = {
  certificate: {
    serial: 'DA 12345678',
    issuedOn: '2024-10-15',
    issuedBy: 'Sở TNMT',
    signer: 'Phạm Quốc Trung',
    registryNumber: 'CS12345',
    dossierCode: 'H74.25747-2024-004521',
    barcode: '742574724004521',
    owners: [
      {
        fullName: 'Nguyễn Văn An',
        idDocument: { type: 'citizen-id', number: '074095000123' },
        address: 'Số 18 đường Yersin',
        nationality: 'Việt Nam',
      },
    ],
  },
  parcel: {
    commune: {
      former: { code: '25747', name: 'Phường Phú Cường', era: 'pre2025' },
      current: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
    },
    mapSheet: 12,
    parcelNumber: 345,
    address: 'Số 18 đường Yersin',
    areaM2: 120.5,
    landUse: { code: 'ODT', meaning: 'Urban residential land' },
    term: 'Lâu dài',
    form: 'Sử dụng riêng',
    origin: 'Nhận chuyển nhượng',
    mapScale: '1:500',
  },
};

function dependencies(answer: () => Promise<CertificateRecord>, ledgerFails = false) {
  const recorded: AccessRecord[] = [];
  const events: string[] = [];
  const deps: LookUpCertificateDependencies = {
    landRegistry: {
      lookUpParcel: async () => Promise.reject(new Error('not used')),
      lookUpCertificate: async () => {
        events.push('registry');
        return answer();
      },
    },
    accessLedger: {
      record: async (access) => {
        events.push('ledger');
        if (ledgerFails) throw new Error('table unavailable');
        recorded.push(access);
      },
    },
    subjectKeys: { keyOf: (id) => `hash-of-${id.length}-digits` },
    clock: { now: () => now },
    requestCounters: unlimitedCounters,
  };
  return { deps, recorded, events };
}

describe('lookUpCertificate', () => {
  it('answers the certificate with its parcel, after recording the access', async () => {
    const { deps, events } = dependencies(async () => record);
    await expect(lookUpCertificate(deps, 'DA 12345678', envelope, trustedCaller)).resolves.toEqual({
      ...record,
      fieldsDisclosed: ['owners.fullName', 'owners.idDocument', 'owners.address', 'owners.nationality'],
      retrievedAt: '2026-11-27T01:02:03.000Z',
      admission: { limit: 10, remaining: 9, resetSeconds: 1 },
    });
    expect(events).toEqual(['registry', 'ledger']);
  });

  it('records the owners as subjects under land:read, without their personal ids', async () => {
    const { deps, recorded } = dependencies(async () => record);
    await lookUpCertificate(deps, 'DA 12345678', envelope, trustedCaller);
    expect(recorded).toEqual([
      expect.objectContaining({
        operation: 'land:read',
        dossierId: 'HS-9',
        subjectKeys: ['hash-of-12-digits'],
        outcome: 'allowed',
      }),
    ]);
    expect(JSON.stringify(recorded)).not.toContain('074095000123');
  });

  it('records a certificate that was not found and rethrows', async () => {
    const { deps, recorded } = dependencies(async () => Promise.reject(new NotFoundError('certificate')));
    await expect(lookUpCertificate(deps, 'DA 00000000', envelope, trustedCaller)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(recorded).toEqual([expect.objectContaining({ outcome: 'not-found', subjectKeys: [] })]);
  });

  it('records a key the registry rejected as invalid', async () => {
    const rejected = new UpstreamRejectedError('land', 'refused');
    const { deps, recorded } = dependencies(async () => Promise.reject(rejected));
    await expect(lookUpCertificate(deps, 'DA 00000000', envelope, trustedCaller)).rejects.toBe(rejected);
    expect(recorded.map((r) => r.outcome)).toEqual(['invalid']);
  });

  it('withholds the answer when the ledger cannot record the access', async () => {
    const { deps } = dependencies(async () => record, true);
    await expect(lookUpCertificate(deps, 'DA 12345678', envelope, trustedCaller)).rejects.toBeInstanceOf(
      LedgerUnavailableError,
    );
  });
});
