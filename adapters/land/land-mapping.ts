import { adminUnitByCode, currentCommuneOf } from '../../schemas/admin-units/index.js';
import { certificateSerialSchema, landUseTypes, type LandUseType } from '../../schemas/land.js';
import {
  certificateSchema,
  parcelSchema,
  type Certificate,
  type LandOwner,
  type Parcel,
} from '../../schemas/land-records.js';

/**
 * The land registry's Vietnamese answer (land.wsdl, as node-soap reads it) → the gateway's English
 * land records. Nothing of the registry's vocabulary is visible past this file. Every record is
 * checked against `schemas/land-records.ts` on the way out; an answer that does not fit is the
 * registry's failure, reported by the caller as such.
 */

export interface DonViHanhChinh {
  MaDvhc?: string;
  TenDvhc?: string;
}

export interface ThuaDat {
  MaDvhc?: string;
  ToBanDo?: number | string;
  ThuaDatSo?: number | string;
  DvhcTruoc2025?: DonViHanhChinh;
  DvhcHienTai?: DonViHanhChinh;
  DiaChi?: string;
  DienTich?: number | string;
  MaLoaiDat?: string;
  TenLoaiDat?: string;
  ThoiHanSuDung?: string;
  HinhThucSuDung?: string;
  NguonGocSuDung?: string;
  TyLeBanDo?: string;
}

export interface NguoiSuDungDat {
  HoTen?: string;
  LoaiGiayTo?: string;
  SoGiayTo?: string;
  DiaChi?: string;
  QuocTich?: string;
  VoChong?: NguoiSuDungDat;
}

export interface GiayChungNhan {
  SoPhatHanh?: string;
  SoVaoSo?: string;
  MaHoSo?: string;
  MaVach?: string;
  NgayKy?: string | Date;
  NguoiKy?: string;
  CoQuanCap?: string;
  NguoiSuDung?: NguoiSuDungDat | NguoiSuDungDat[];
}

export function parcelOf(thuaDat: ThuaDat): Parcel {
  const formerCode = thuaDat.DvhcTruoc2025?.MaDvhc ?? thuaDat.MaDvhc ?? '';
  const currentCode = thuaDat.DvhcHienTai?.MaDvhc ?? currentCommuneOf(formerCode)[0]?.commune.code ?? '';
  const landUseCode = (thuaDat.MaLoaiDat ?? '').trim().toUpperCase();
  return parcelSchema.parse({
    commune: {
      former: {
        code: formerCode,
        name: adminUnitByCode(formerCode, 'pre2025')?.fullName ?? thuaDat.DvhcTruoc2025?.TenDvhc,
        era: 'pre2025',
      },
      current: {
        code: currentCode,
        name: adminUnitByCode(currentCode, '2025')?.fullName ?? thuaDat.DvhcHienTai?.TenDvhc,
        era: '2025',
      },
    },
    mapSheet: Number(thuaDat.ToBanDo),
    parcelNumber: Number(thuaDat.ThuaDatSo),
    address: thuaDat.DiaChi,
    areaM2: Number(thuaDat.DienTich),
    landUse: {
      code: landUseCode,
      meaning:
        landUseCode in landUseTypes
          ? landUseTypes[landUseCode as LandUseType].en
          : (thuaDat.TenLoaiDat ?? ''),
    },
    term: thuaDat.ThoiHanSuDung,
    form: thuaDat.HinhThucSuDung,
    origin: thuaDat.NguonGocSuDung,
    mapScale: thuaDat.TyLeBanDo,
  });
}

export function certificateOf(giayChungNhan: GiayChungNhan): Certificate {
  const serial = certificateSerialSchema.safeParse(giayChungNhan.SoPhatHanh ?? '');
  const users = giayChungNhan.NguoiSuDung;
  return certificateSchema.parse({
    serial: serial.success ? serial.data : undefined,
    issuedOn: isoDate(giayChungNhan.NgayKy),
    issuedBy: giayChungNhan.CoQuanCap,
    signer: giayChungNhan.NguoiKy,
    registryNumber: giayChungNhan.SoVaoSo,
    dossierCode: giayChungNhan.MaHoSo,
    barcode: giayChungNhan.MaVach,
    owners: (users === undefined ? [] : Array.isArray(users) ? users : [users]).map(ownerOf),
  });
}

function ownerOf(user: NguoiSuDungDat): LandOwner {
  return { ...personOf(user), ...(user.VoChong ? { spouse: personOf(user.VoChong) } : {}) };
}

function personOf(user: NguoiSuDungDat): Omit<LandOwner, 'spouse'> {
  return {
    fullName: user.HoTen ?? '',
    idDocument: { type: documentTypeOf(user.LoaiGiayTo ?? ''), number: user.SoGiayTo ?? '' },
    address: user.DiaChi ?? '',
    nationality: user.QuocTich ?? '',
  };
}

/** "Căn cước" / "CCCD" (12-digit personal id), "CMND" (old 9-digit card), "Hộ chiếu" (passport). */
function documentTypeOf(loaiGiayTo: string): LandOwner['idDocument']['type'] {
  const text = loaiGiayTo.normalize('NFC').toLowerCase();
  if (/căn cước|cccd/u.test(text)) return 'citizen-id';
  if (/chứng minh|cmnd/u.test(text)) return 'identity-card';
  if (/hộ chiếu/u.test(text)) return 'passport';
  return 'other';
}

/** node-soap reads xsd:date as a Date at UTC midnight; a registry may also send the text as is. */
function isoDate(value: string | Date | undefined): string | undefined {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value.slice(0, 10) : undefined;
}
