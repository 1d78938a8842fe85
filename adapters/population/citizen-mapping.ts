import { adminUnitByCode, currentCommuneOf, provinceName } from '../../schemas/admin-units/index.js';
import type { CitizenAddress, CitizenRecord } from '../../schemas/citizen-records.js';

/** The registry's `CongDan`, as node-soap parses it (every leaf a string). */
export interface CongDan {
  SoDinhDanh: string;
  SoCMND?: string;
  HoVaTen: { Ho: string; ChuDem?: string; Ten: string };
  GioiTinh: string;
  DanToc?: string;
  TonGiao?: string;
  TinhTrangHonNhan?: string;
  NhomMau?: string;
  NgayThangNamSinh: { Nam: string; NgayThangNam?: string };
  QuocTich?: string;
  NoiDangKyKhaiSinh?: DiaChi;
  QueQuan?: DiaChi;
  ThuongTru?: DiaChi;
  NoiOHienTai?: DiaChi;
  Cha?: NguoiLienQuan;
  Me?: NguoiLienQuan;
  VoChong?: NguoiLienQuan;
  ChuHo?: NguoiLienQuan & { QuanHe?: string };
  SoSoHoKhau?: string;
}

interface DiaChi {
  MaTinhThanh?: string;
  MaQuanHuyen?: string;
  MaPhuongXa?: string;
  ChiTiet?: string;
  QuocGia?: string;
}

interface NguoiLienQuan {
  SoDinhDanh?: string;
  HoVaTen?: string;
}

/** Maps the registry's record to the gateway's English schema; the only place that knows both. */
export function citizenRecordOf(congDan: CongDan): CitizenRecord {
  const { Ho, ChuDem, Ten } = congDan.HoVaTen;
  const birth = congDan.NgayThangNamSinh;
  const fullDate = birth.NgayThangNam && /^\d{8}$/.test(birth.NgayThangNam) ? birth.NgayThangNam : undefined;
  return dropUndefined({
    personalId: congDan.SoDinhDanh,
    oldIdNumber: congDan.SoCMND,
    name: dropUndefined({
      family: Ho,
      middle: ChuDem || undefined,
      given: Ten,
      full: [Ho, ChuDem, Ten].filter(Boolean).join(' '),
    }),
    dateOfBirth: fullDate
      ? {
          value: `${fullDate.slice(0, 4)}-${fullDate.slice(4, 6)}-${fullDate.slice(6, 8)}`,
          precision: 'day' as const,
        }
      : { value: String(birth.Nam), precision: 'year' as const },
    sex: congDan.GioiTinh === 'Nam' ? ('male' as const) : ('female' as const),
    ethnicity: congDan.DanToc,
    religion: congDan.TonGiao,
    maritalStatus: congDan.TinhTrangHonNhan,
    bloodType: congDan.NhomMau,
    nationality: congDan.QuocTich,
    addresses: dropUndefined({
      birthRegistration: addressOf(congDan.NoiDangKyKhaiSinh),
      hometown: addressOf(congDan.QueQuan),
      permanent: addressOf(congDan.ThuongTru),
      current: addressOf(congDan.NoiOHienTai),
    }),
    relatives: dropUndefined({
      father: relativeOf(congDan.Cha),
      mother: relativeOf(congDan.Me),
      spouse: relativeOf(congDan.VoChong),
    }),
    household:
      congDan.ChuHo || congDan.SoSoHoKhau
        ? dropUndefined({
            bookNumber: congDan.SoSoHoKhau,
            head: relativeOf(congDan.ChuHo),
            relationToHead: congDan.ChuHo?.QuanHe,
          })
        : undefined,
  }) as CitizenRecord;
}

/**
 * An address with the registry's codes and the 2025 commune(s) they resolve to. A district code
 * marks a pre-2025 address (districts were abolished in 2025); otherwise the codes are 2025 codes.
 */
function addressOf(diaChi: DiaChi | undefined): CitizenAddress | undefined {
  if (!diaChi) return undefined;
  const communeCode = diaChi.MaPhuongXa;
  const era = diaChi.MaQuanHuyen
    ? 'pre2025'
    : communeCode && adminUnitByCode(communeCode, '2025')
      ? '2025'
      : 'unknown';
  const unitEra = era === 'unknown' ? 'pre2025' : era;
  const commune = communeCode ? adminUnitByCode(communeCode, unitEra) : undefined;
  const district = diaChi.MaQuanHuyen ? adminUnitByCode(diaChi.MaQuanHuyen, 'pre2025') : undefined;
  return dropUndefined({
    detail: diaChi.ChiTiet,
    country: diaChi.QuocGia,
    registryUnits: dropUndefined({
      era,
      province: diaChi.MaTinhThanh
        ? dropUndefined({ code: diaChi.MaTinhThanh, name: provinceName(diaChi.MaTinhThanh, unitEra) })
        : undefined,
      district: diaChi.MaQuanHuyen
        ? dropUndefined({ code: diaChi.MaQuanHuyen, name: district?.fullName })
        : undefined,
      commune: communeCode ? dropUndefined({ code: communeCode, name: commune?.fullName }) : undefined,
    }),
    currentUnits: currentUnitsOf(communeCode, era),
  }) as CitizenAddress;
}

function currentUnitsOf(communeCode: string | undefined, era: string): CitizenAddress['currentUnits'] {
  if (!communeCode) return [];
  if (era === '2025') {
    const unit = adminUnitByCode(communeCode, '2025');
    return unit
      ? [
          {
            commune: { code: unit.code, name: unit.fullName },
            province: provinceOf(unit.provinceCode),
            merge: 'unchanged',
          },
        ]
      : [];
  }
  return currentCommuneOf(communeCode).map(({ commune, merge }) => ({
    commune: { code: commune.code, name: commune.fullName },
    province: provinceOf(commune.provinceCode),
    merge,
  }));
}

function provinceOf(code: string) {
  return dropUndefined({ code, name: provinceName(code, '2025') });
}

function relativeOf(person: NguoiLienQuan | undefined) {
  if (!person || (!person.SoDinhDanh && !person.HoVaTen)) return undefined;
  return dropUndefined({ personalId: person.SoDinhDanh, fullName: person.HoVaTen });
}

function dropUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;
}
