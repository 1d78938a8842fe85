import fc from 'fast-check';
import { adminUnitByCode, currentCommuneOf } from '../../../schemas/admin-units/index.js';
import { certificateSerialSchema, landUseTypeSchema } from '../../../schemas/land.js';
import { citizenDirectory } from '../data/citizens.js';
import {
  eightDigitSerialsFrom,
  generateLandRegistryData,
  parcelKey,
  type Certificate,
  type Parcel,
} from './data.js';

const data = generateLandRegistryData();
const parcels = [...data.parcels.values()];
const certificates = [...data.certificates.values()];
const directory = citizenDirectory();

/** Runs a property over records drawn from the generated data set. */
function forEveryDrawn<T>(records: readonly T[], check: (record: T) => void): void {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: records.length - 1 }), (index) => check(records[index] as T)),
    { numRuns: 500 },
  );
}

describe('land registry data', () => {
  test('the same seed generates the same parcels and certificates', () => {
    const again = generateLandRegistryData();
    expect([...again.parcels.entries()]).toEqual([...data.parcels.entries()]);
    expect([...again.certificates.entries()]).toEqual([...data.certificates.entries()]);
  });

  test('another seed generates other parcels', () => {
    const other = generateLandRegistryData({ seed: 7 });
    const sharedKeys = [...other.parcels.keys()].filter((key) => data.parcels.has(key));
    expect(sharedKeys.length).toBeLessThan(100);
  });

  test('3,000 parcels, each with its own certificate', () => {
    expect(data.parcels.size).toBe(3000);
    expect(data.certificates.size).toBe(3000);
    for (const parcel of parcels) {
      expect(data.certificates.get(parcel.certificateSerial ?? '')).toMatchObject({
        communeCode: parcel.communeCode,
        sheet: parcel.sheet,
        number: parcel.number,
      });
    }
  });

  test('generation takes well under a few seconds', () => {
    const started = performance.now();
    generateLandRegistryData({ seed: 99 });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('land registry fixtures', () => {
  test('parcel 25747/12/345: ODT, 120.5 m², certificate DA 12345678 owned by Nguyễn Văn An', () => {
    const parcel = data.parcels.get(parcelKey('25747', 12, 345));
    expect(parcel).toMatchObject({ landUseCode: 'ODT', areaM2: 120.5, certificateSerial: 'DA 12345678' });
    expect(data.certificates.get('DA 12345678')?.owners[0]).toMatchObject({
      fullName: 'Nguyễn Văn An',
      documentNumber: '074095000123',
    });
  });

  test('parcel 25753/7/89: CLN, 1,500 m², certificate BX 123456 owned by Lê Thị Hoa', () => {
    const parcel = data.parcels.get(parcelKey('25753', 7, 89));
    expect(parcel).toMatchObject({ landUseCode: 'CLN', areaM2: 1500, certificateSerial: 'BX 123456' });
    expect(data.certificates.get('BX 123456')?.owners[0]).toMatchObject({
      fullName: 'Lê Thị Hoa',
      birthYear: '1952',
      documentNumber: '074152000777',
    });
  });

  test('parcel 25753/7/89 belongs to Phường Phú Thọ before 2025 and to 25747 since', () => {
    const parcel = data.parcels.get(parcelKey('25753', 7, 89));
    expect(parcel?.formerCommune).toMatchObject({
      code: '25753',
      name: 'Phường Phú Thọ',
      provinceCode: '74',
    });
    expect(parcel?.currentCommune).toMatchObject({
      code: '25747',
      name: 'Phường Thủ Dầu Một',
      provinceCode: '79',
    });
  });

  test('every seed contains the fixtures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const generated = generateLandRegistryData({ seed, parcelCount: 10 });
        expect(generated.certificates.has('DA 12345678')).toBe(true);
        expect(generated.certificates.has('BX 123456')).toBe(true);
      }),
      { numRuns: 3 },
    );
  });
});

describe('land registry structure rules (properties over the generated data)', () => {
  test('every parcel commune is a real pre-2025 Bình Dương commune', () => {
    forEveryDrawn(parcels, (parcel: Parcel) => {
      const unit = adminUnitByCode(parcel.communeCode, 'pre2025');
      expect(unit?.provinceCode).toBe('74');
      expect(parcel.formerCommune.name).toBe(unit?.fullName);
    });
  });

  test("every parcel's 2025 commune is one of its commune's successors in the official mapping", () => {
    forEveryDrawn(parcels, (parcel: Parcel) => {
      const successors = currentCommuneOf(parcel.communeCode).map(({ commune }) => commune.code);
      expect(successors).toContain(parcel.currentCommune.code);
      expect(parcel.currentCommune.name).toBe(adminUnitByCode(parcel.currentCommune.code, '2025')?.fullName);
    });
  });

  test('every land-use type code is a known code', () => {
    forEveryDrawn(parcels, (parcel: Parcel) => {
      expect(landUseTypeSchema.parse(parcel.landUseCode)).toBe(parcel.landUseCode);
    });
  });

  test('every serial is canonical: 8 digits when signed since 1 Aug 2024, 6 digits before', () => {
    forEveryDrawn(certificates, (certificate: Certificate) => {
      expect(certificateSerialSchema.parse(certificate.serial)).toBe(certificate.serial);
      const digits = certificate.serial.split(' ')[1]?.length;
      expect(digits).toBe(certificate.signedOn >= eightDigitSerialsFrom ? 8 : 6);
    });
  });

  test("every barcode is 13–15 digits: optional province 74, the parcel's commune, signing year, dossier", () => {
    forEveryDrawn(certificates, (certificate: Certificate) => {
      const match = /^(74)?(\d{5})(\d{2})(\d{6})$/.exec(certificate.barcode);
      expect(match).not.toBeNull();
      expect(match?.[2]).toBe(certificate.communeCode);
      expect(match?.[3]).toBe(certificate.signedOn.slice(2, 4));
      expect(certificate.dossierCode.endsWith(`-${match?.[4]}`)).toBe(true);
    });
  });

  test('every registry number is CS, CT or CH and 5 digits', () => {
    forEveryDrawn(certificates, (certificate: Certificate) => {
      expect(certificate.registryNumber).toMatch(/^(CS|CT|CH)\d{5}$/);
    });
  });

  test('every owner and spouse is a synthetic citizen, named as the population registry names them', () => {
    forEveryDrawn(certificates, (certificate: Certificate) => {
      const people = certificate.owners.flatMap((owner) => (owner.spouse ? [owner, owner.spouse] : [owner]));
      for (const person of people) {
        const citizen = directory.byPersonalId(person.documentNumber);
        expect(citizen?.fullName).toBe(person.fullName);
        expect(citizen?.dateOfBirth.slice(0, 4)).toBe(person.birthYear);
      }
    });
  });
});
