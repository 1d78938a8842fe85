import type { Citizen, CitizenDirectory, RegisteredAddress, RelatedPerson } from '../data/citizens.js';
import { PopulationRegistryError, populationErrorCodes } from './population-errors.js';

/** The request envelope every population operation carries. */
export interface PopulationRequest {
  readonly MaYeuCau?: unknown;
  readonly MaDVC?: unknown;
  readonly MaCanBo?: unknown;
  readonly MaDonVi?: unknown;
  readonly SoDinhDanh?: unknown;
  readonly SoCMND?: unknown;
}

export interface VerificationRequest extends PopulationRequest {
  readonly HoVaTen?: unknown;
  readonly NgayThangNamSinh?: unknown;
}

const invalid = (message: string) => new PopulationRegistryError(populationErrorCodes.invalidInput, message);

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Validates the envelope and finds the person it names; `undefined` when nobody has that id. */
export function findRequestedCitizen(request: PopulationRequest, directory: CitizenDirectory) {
  const requestId = text(request.MaYeuCau);
  for (const field of ['MaYeuCau', 'MaDVC', 'MaCanBo', 'MaDonVi'] as const) {
    if (!text(request[field])) throw invalid(`Thiếu trường bắt buộc ${field}`);
  }
  const personalId = text(request.SoDinhDanh);
  const oldIdNumber = text(request.SoCMND);
  if (personalId) {
    if (!/^\d{12}$/.test(personalId)) throw invalid('SoDinhDanh phải gồm 12 chữ số');
    return { requestId: requestId as string, citizen: directory.byPersonalId(personalId) };
  }
  if (oldIdNumber) {
    if (!/^\d{9}$/.test(oldIdNumber)) throw invalid('SoCMND phải gồm 9 chữ số');
    return { requestId: requestId as string, citizen: directory.byOldIdNumber(oldIdNumber) };
  }
  throw invalid('Cần SoDinhDanh hoặc SoCMND');
}

/** NFC, case-folded, whitespace collapsed: the registry's notion of "the same name". */
export function comparableName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/**
 * Whether a claimed date of birth (`yyyyMMdd` or `yyyy`) matches the record. A full date claimed for a
 * person whose record holds the year only matches when the year does (the registry cannot say more);
 * a year alone claimed for a person with a full date does not match (the claim is too weak).
 */
export function birthDateMatches(claimed: string, citizen: Citizen): boolean {
  const recorded = citizen.dateOfBirth.replaceAll('-', '');
  if (recorded.length === 4) return claimed.slice(0, 4) === recorded;
  return claimed === recorded;
}

/** `XacThucThongTinCongDan`: a yes/no, never personal data. */
export function verifyCitizen(request: VerificationRequest, directory: CitizenDirectory) {
  const { requestId, citizen } = findRequestedCitizen(request, directory);
  const fullName = text(request.HoVaTen);
  const birthDate = text(request.NgayThangNamSinh);
  if (!fullName) throw invalid('Thiếu trường bắt buộc HoVaTen');
  if (!birthDate || !/^\d{4}(\d{4})?$/.test(birthDate)) {
    throw invalid('NgayThangNamSinh phải có dạng yyyyMMdd hoặc yyyy');
  }
  const exists =
    citizen !== undefined &&
    comparableName(fullName) === comparableName(citizen.fullName) &&
    birthDateMatches(birthDate, citizen);
  return { MaYeuCau: requestId, TonTai: exists };
}

/** `TraCuuThongTinCongDan`: the full record, or `KHONG_TIM_THAY`. */
export function lookUpCitizen(request: PopulationRequest, directory: CitizenDirectory) {
  const { requestId, citizen } = findRequestedCitizen(request, directory);
  if (citizen === undefined) {
    throw new PopulationRegistryError(populationErrorCodes.notFound, 'Không tìm thấy thông tin công dân');
  }
  return { MaYeuCau: requestId, CongDan: congDanOf(citizen, directory) };
}

/** The record in the WSDL's `CongDan` shape; element order follows the schema's sequence. */
export function congDanOf(citizen: Citizen, directory: CitizenDirectory) {
  const [year, month, day] = citizen.dateOfBirth.split('-');
  const head = directory.byPersonalId(citizen.household.headPersonalId);
  return withoutUndefined({
    SoDinhDanh: citizen.personalId,
    SoCMND: citizen.oldIdNumber,
    HoVaTen: withoutUndefined({
      Ho: citizen.name.family,
      ChuDem: citizen.name.middle === '' ? undefined : citizen.name.middle,
      Ten: citizen.name.given,
    }),
    GioiTinh: citizen.sex === 'male' ? 'Nam' : 'Nữ',
    DanToc: citizen.ethnicity,
    TonGiao: citizen.religion,
    TinhTrangHonNhan: citizen.maritalStatus,
    NhomMau: citizen.bloodType,
    NgayThangNamSinh: withoutUndefined({
      Nam: year as string,
      NgayThangNam: month && day ? `${year}${month}${day}` : undefined,
    }),
    QuocTich: citizen.nationality,
    NoiDangKyKhaiSinh: diaChiOf(citizen.birthRegistration),
    QueQuan: diaChiOf(citizen.hometown),
    ThuongTru: diaChiOf(citizen.permanentAddress),
    NoiOHienTai: diaChiOf(citizen.currentAddress),
    Cha: relatedOf(citizen.father),
    Me: relatedOf(citizen.mother),
    VoChong: relatedOf(citizen.spouse),
    ChuHo: withoutUndefined({
      SoDinhDanh: citizen.household.headPersonalId,
      HoVaTen: head?.fullName,
      QuanHe: citizen.household.relationToHead,
    }),
    SoSoHoKhau: citizen.household.number,
  });
}

function diaChiOf(address: RegisteredAddress) {
  return withoutUndefined({
    MaTinhThanh: address.provinceCode,
    MaQuanHuyen: address.districtCode,
    MaPhuongXa: address.communeCode,
    ChiTiet: address.detail,
    QuocGia: address.country,
  });
}

function relatedOf(person: RelatedPerson | undefined) {
  if (person === undefined) return undefined;
  return withoutUndefined({ SoDinhDanh: person.personalId, HoVaTen: person.fullName });
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
