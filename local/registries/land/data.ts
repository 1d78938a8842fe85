import { landUseTypes, type LandUseType } from '../../../schemas/land.js';
import { SeededRandom, WeightedTable } from '../random.js';
import { citizenDirectory, defaultCitizenSeed, type Citizen } from '../data/citizens.js';
import { formerBinhDuongCommunes, type FormerCommune } from './former-communes.js';

/**
 * Synthetic content of the simulated land database: parcels of former Bình Dương province, keyed by
 * their pre-2025 commune code, map sheet and parcel number, each with one land-use certificate.
 * Deterministic from the seed; the fixtures documented in local/registries/README.md are always present.
 */

export interface AdminUnitRef {
  code: string;
  name: string;
  districtCode?: string;
  districtName?: string;
  provinceCode: string;
  provinceName: string;
}

export interface Parcel {
  /** Pre-2025 commune code: sheet and parcel numbering belong to it. */
  communeCode: string;
  sheet: number;
  number: number;
  formerCommune: AdminUnitRef;
  /** The commune the parcel belongs to since 1 July 2025. */
  currentCommune: AdminUnitRef;
  address: string;
  areaM2: number;
  landUseCode: LandUseCode;
  landUseName: string;
  term: string;
  form: string;
  origin: string;
  mapScale: string;
  certificateSerial?: string;
}

export interface LandUser {
  fullName: string;
  birthYear?: string;
  documentType: string;
  documentNumber: string;
  address: string;
  nationality: string;
  spouse?: LandUser;
}

export interface Certificate {
  /** Printed form: two letters, a space, 6 digits (before 1 Aug 2024) or 8 digits (since). */
  serial: string;
  registryNumber: string;
  dossierCode: string;
  barcode: string;
  signedOn: string;
  signer: string;
  issuer: string;
  communeCode: string;
  sheet: number;
  number: number;
  owners: LandUser[];
}

export interface LandRegistryData {
  parcels: ReadonlyMap<string, Parcel>;
  /** Keyed by the canonical serial (`certificateSerialSchema`'s output, e.g. `DA 12345678`). */
  certificates: ReadonlyMap<string, Certificate>;
}

export type LandUseCode = LandUseType;

/** The day Circular 10/2024/TT-BTNMT switched serials from 6 to 8 digits. */
export const eightDigitSerialsFrom = '2024-08-01';
const mergerDay = '2025-07-01';
const province74 = { provinceCode: '74', provinceName: 'Tỉnh Bình Dương' };
const province79 = { provinceCode: '79', provinceName: 'Thành phố Hồ Chí Minh' };

export const parcelKey = (communeCode: string, sheet: number, number: number): string =>
  `${communeCode}/${sheet}/${number}`;

export interface LandDataOptions {
  /** Also selects the synthetic citizens who own the parcels, so owners exist in the population registry. */
  seed?: number;
  parcelCount?: number;
}

/** Adults of the synthetic population: land users must be of age. */
export function landOwnerCandidates(seed: number): readonly Citizen[] {
  return citizenDirectory(seed).citizens.filter((citizen) => Number(citizen.dateOfBirth.slice(0, 4)) <= 2007);
}

export function generateLandRegistryData(options: LandDataOptions = {}): LandRegistryData {
  const seed = options.seed ?? defaultCitizenSeed;
  const parcelCount = options.parcelCount ?? 3000;
  const random = new SeededRandom(seed ^ 0x1a4d);
  const communes = formerBinhDuongCommunes();
  const directory = citizenDirectory(seed);
  const people = landOwnerCandidates(seed);
  const spouseOf = (citizen: Citizen): Citizen | undefined =>
    citizen.spouse?.personalId ? directory.byPersonalId(citizen.spouse.personalId) : undefined;
  const parcels = new Map<string, Parcel>();
  const certificates = new Map<string, Certificate>();
  const usedSerials = new Set<string>();

  const add = (parcel: Parcel, certificate: Certificate): void => {
    parcels.set(parcelKey(parcel.communeCode, parcel.sheet, parcel.number), parcel);
    certificates.set(certificate.serial, certificate);
    usedSerials.add(certificate.serial);
  };
  for (const { parcel, certificate } of fixtureParcels(communes, people)) add(parcel, certificate);

  const landUse = new WeightedTable<LandUseCode>([
    ['ODT', 30],
    ['ONT', 20],
    ['CLN', 20],
    ['HNK', 8],
    ['LUC', 6],
    ['RSX', 4],
    ['NTS', 4],
    ['SKC', 4],
    ['TMD', 4],
  ]);
  while (parcels.size < parcelCount) {
    const commune = random.pick(communes);
    const sheet = random.int(1, 60);
    const number = random.int(1, 999);
    if (parcels.has(parcelKey(commune.code, sheet, number))) continue;
    const code = landUse.pick(random);
    const eightDigits = random.chance(0.35);
    const signedOn = eightDigits
      ? random.chance(0.6)
        ? isoDateBetween(random, eightDigitSerialsFrom, '2025-06-30')
        : isoDateBetween(random, mergerDay, '2025-11-30')
      : isoDateBetween(random, '2005-01-01', '2024-07-31');
    let serial: string;
    do {
      serial = `${letters(random, 2)} ${digits(random, eightDigits ? 8 : 6)}`;
    } while (usedSerials.has(serial));
    const owner = random.pick(people);
    const coOwner = random.chance(0.08) ? random.pick(people) : undefined;
    const parcel = makeParcel(random, commune, sheet, number, code, serial);
    const certificate = makeCertificate(random, {
      parcel,
      serial,
      signedOn,
      owners: [
        landUser(owner, spouseOf(owner)),
        ...(coOwner && coOwner.personalId !== owner.personalId ? [landUser(coOwner, spouseOf(coOwner))] : []),
      ],
    });
    add(parcel, certificate);
  }
  return { parcels, certificates };
}

function fixtureParcels(
  communes: readonly FormerCommune[],
  people: readonly Citizen[],
): { parcel: Parcel; certificate: Certificate }[] {
  const commune = (code: string): FormerCommune => {
    const found = communes.find((c) => c.code === code);
    if (!found) throw new Error(`fixture commune ${code} is not a former Bình Dương commune`);
    return found;
  };
  const person = (id: string): Citizen => {
    const found = people.find((p) => p.personalId === id);
    if (!found) throw new Error('a fixture land owner is missing from the synthetic citizens');
    return found;
  };
  const phuCuong = commune('25747');
  const phuTho = commune('25753');
  const an = person('074095000123');
  const hoa = person('074152000777');

  const urban: Parcel = {
    ...parcelLocation(phuCuong, 12, 345, '25747'),
    address: `Số 18 đường Yersin, ${phuCuong.name}, ${phuCuong.districtName}, ${province74.provinceName}`,
    areaM2: 120.5,
    landUseCode: 'ODT',
    landUseName: landUseTypes.ODT.vi,
    term: 'Lâu dài',
    form: 'Sử dụng riêng',
    origin: 'Nhận chuyển nhượng đất được Nhà nước giao đất có thu tiền sử dụng đất',
    mapScale: '1:500',
    certificateSerial: 'DA 12345678',
  };
  const orchard: Parcel = {
    ...parcelLocation(phuTho, 7, 89, '25747'),
    address: `Khu phố 3, ${phuTho.name}, ${phuTho.districtName}, ${province74.provinceName}`,
    areaM2: 1500,
    landUseCode: 'CLN',
    landUseName: landUseTypes.CLN.vi,
    term: 'Đến ngày 15/10/2063',
    form: 'Sử dụng riêng',
    origin: 'Công nhận quyền sử dụng đất như giao đất không thu tiền sử dụng đất',
    mapScale: '1:1000',
    certificateSerial: 'BX 123456',
  };
  return [
    {
      parcel: urban,
      certificate: {
        serial: 'DA 12345678',
        registryNumber: 'CS12345',
        dossierCode: 'H74.25747-2024-004521',
        barcode: '742574724004521',
        signedOn: '2024-10-15',
        signer: 'Phạm Quốc Trung',
        issuer: 'Sở Tài nguyên và Môi trường tỉnh Bình Dương',
        communeCode: urban.communeCode,
        sheet: urban.sheet,
        number: urban.number,
        owners: [landUser(an)],
      },
    },
    {
      parcel: orchard,
      certificate: {
        serial: 'BX 123456',
        registryNumber: 'CH01289',
        dossierCode: 'H74.25753-2013-000871',
        barcode: '2575313000871',
        signedOn: '2013-10-15',
        signer: 'Trần Văn Lộc',
        issuer: 'Ủy ban nhân dân thành phố Thủ Dầu Một',
        communeCode: orchard.communeCode,
        sheet: orchard.sheet,
        number: orchard.number,
        owners: [landUser(hoa)],
      },
    },
  ];
}

function parcelLocation(commune: FormerCommune, sheet: number, number: number, successorCode: string) {
  const successor = commune.successors.find((s) => s.code === successorCode);
  if (!successor) throw new Error(`${successorCode} is not a successor of commune ${commune.code}`);
  return {
    communeCode: commune.code,
    sheet,
    number,
    formerCommune: {
      code: commune.code,
      name: commune.name,
      districtCode: commune.districtCode,
      districtName: commune.districtName,
      ...province74,
    },
    currentCommune: { code: successor.code, name: successor.name, ...province79 },
  };
}

const streets = [
  'Yersin',
  'Cách Mạng Tháng Tám',
  'Đại lộ Bình Dương',
  'Phú Lợi',
  'Nguyễn Văn Tiết',
  'Lê Hồng Phong',
];
const signers = ['Phạm Quốc Trung', 'Nguyễn Thanh Tâm', 'Võ Văn Minh', 'Đặng Thị Thu Hà', 'Trần Văn Lộc'];
const mapScales = ['1:500', '1:1000', '1:2000', '1:5000'];
const origins: Record<'residential' | 'agricultural' | 'business', readonly string[]> = {
  residential: [
    'Nhà nước giao đất có thu tiền sử dụng đất',
    'Công nhận quyền sử dụng đất như giao đất có thu tiền sử dụng đất',
    'Nhận chuyển nhượng đất được Nhà nước giao đất có thu tiền sử dụng đất',
    'Nhận thừa kế đất được công nhận quyền sử dụng đất',
  ],
  agricultural: [
    'Công nhận quyền sử dụng đất như giao đất không thu tiền sử dụng đất',
    'Nhà nước giao đất không thu tiền sử dụng đất',
    'Nhận chuyển nhượng đất được công nhận quyền sử dụng đất',
  ],
  business: [
    'Nhà nước cho thuê đất trả tiền một lần cho cả thời gian thuê',
    'Nhà nước cho thuê đất trả tiền hằng năm',
  ],
};

function makeParcel(
  random: SeededRandom,
  commune: FormerCommune,
  sheet: number,
  number: number,
  code: LandUseCode,
  serial: string,
): Parcel {
  const residential = code === 'ODT' || code === 'ONT';
  const business = code === 'SKC' || code === 'TMD';
  const area = residential
    ? random.int(400, 4000) / 10
    : business
      ? random.int(1000, 50000)
      : random.int(3000, 200000) / 10;
  const street = random.chance(0.6)
    ? `Số ${random.int(1, 250)} đường ${random.pick(streets)}`
    : `${commune.kind === 'Xã' ? 'Ấp' : 'Khu phố'} ${random.int(1, 9)}`;
  const year = random.int(2040, 2070);
  // A split commune's parcels went to one of its successors each.
  const successor = random.pick(commune.successors);
  return {
    ...parcelLocation(commune, sheet, number, successor.code),
    address: `${street}, ${commune.name}, ${commune.districtName}, ${province74.provinceName}`,
    areaM2: area,
    landUseCode: code,
    landUseName: landUseTypes[code].vi,
    term: residential
      ? 'Lâu dài'
      : `Đến ngày ${String(random.int(1, 28)).padStart(2, '0')}/${String(random.int(1, 12)).padStart(2, '0')}/${year}`,
    form: random.chance(0.9) ? 'Sử dụng riêng' : 'Sử dụng chung',
    origin: random.pick(origins[residential ? 'residential' : business ? 'business' : 'agricultural']),
    mapScale: random.pick(mapScales),
    certificateSerial: serial,
  };
}

function makeCertificate(
  random: SeededRandom,
  input: { parcel: Parcel; serial: string; signedOn: string; owners: LandUser[] },
): Certificate {
  const { parcel, serial, signedOn, owners } = input;
  const year = signedOn.slice(0, 4);
  const dossier = digits(random, 6);
  const afterMerger = signedOn >= mergerDay;
  return {
    serial,
    registryNumber: `${random.pick(afterMerger || signedOn >= '2015-01-01' ? ['CS', 'CS', 'CT'] : ['CH', 'CS'])}${digits(random, 5)}`,
    dossierCode: `H74.${parcel.communeCode}-${year}-${dossier}`,
    // Province prefix is optional on real barcodes: older ones omit it.
    barcode: `${random.chance(0.5) ? '74' : ''}${parcel.communeCode}${year.slice(2)}${dossier}`,
    signedOn,
    signer: random.pick(signers),
    issuer: afterMerger
      ? 'Sở Nông nghiệp và Môi trường Thành phố Hồ Chí Minh'
      : 'Sở Tài nguyên và Môi trường tỉnh Bình Dương',
    communeCode: parcel.communeCode,
    sheet: parcel.sheet,
    number: parcel.number,
    owners,
  };
}

function landUser(person: Citizen, spouse?: Citizen): LandUser {
  return {
    fullName: person.fullName,
    birthYear: person.dateOfBirth.slice(0, 4),
    documentType: 'Căn cước',
    documentNumber: person.personalId,
    address: person.permanentAddress.detail,
    nationality: person.nationality,
    ...(spouse ? { spouse: landUser(spouse) } : {}),
  };
}

function digits(random: SeededRandom, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += String(random.int(0, 9));
  return out;
}

function letters(random: SeededRandom, count: number): string {
  const alphabet = 'ABCDEFGHIKLMNOPQRSTUVXY';
  let out = '';
  for (let i = 0; i < count; i += 1) out += alphabet[random.int(0, alphabet.length - 1)];
  return out;
}

function isoDateBetween(random: SeededRandom, from: string, to: string): string {
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / day);
  return new Date(start + random.int(0, days) * day).toISOString().slice(0, 10);
}
