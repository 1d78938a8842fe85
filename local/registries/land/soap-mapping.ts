import type { AdminUnitRef, Certificate, LandUser, Parcel } from './data.js';

/**
 * Synthetic records → the objects node-soap serialises against land.wsdl. Keys follow the order of
 * each xsd:sequence, optional elements are left out rather than sent empty.
 */

export function thuaDat(parcel: Parcel) {
  return {
    MaDvhc: parcel.communeCode,
    ToBanDo: parcel.sheet,
    ThuaDatSo: parcel.number,
    DvhcTruoc2025: donViHanhChinh(parcel.formerCommune),
    DvhcHienTai: donViHanhChinh(parcel.currentCommune),
    DiaChi: parcel.address,
    DienTich: parcel.areaM2,
    MaLoaiDat: parcel.landUseCode,
    TenLoaiDat: parcel.landUseName,
    ThoiHanSuDung: parcel.term,
    HinhThucSuDung: parcel.form,
    NguonGocSuDung: parcel.origin,
    TyLeBanDo: parcel.mapScale,
    ...(parcel.certificateSerial ? { SoPhatHanhGcn: parcel.certificateSerial } : {}),
  };
}

export function giayChungNhan(certificate: Certificate) {
  return {
    SoPhatHanh: certificate.serial,
    SoVaoSo: certificate.registryNumber,
    MaHoSo: certificate.dossierCode,
    MaVach: certificate.barcode,
    NgayKy: certificate.signedOn,
    NguoiKy: certificate.signer,
    CoQuanCap: certificate.issuer,
    MaDvhc: certificate.communeCode,
    ToBanDo: certificate.sheet,
    ThuaDatSo: certificate.number,
    NguoiSuDung: certificate.owners.map(nguoiSuDung),
  };
}

function donViHanhChinh(unit: AdminUnitRef) {
  return {
    MaDvhc: unit.code,
    TenDvhc: unit.name,
    ...(unit.districtCode ? { MaQuanHuyen: unit.districtCode } : {}),
    ...(unit.districtName ? { TenQuanHuyen: unit.districtName } : {}),
    MaTinh: unit.provinceCode,
    TenTinh: unit.provinceName,
  };
}

interface NguoiSuDungDat {
  HoTen: string;
  NamSinh?: string;
  LoaiGiayTo: string;
  SoGiayTo: string;
  DiaChi: string;
  QuocTich: string;
  VoChong?: NguoiSuDungDat;
}

function nguoiSuDung(user: LandUser): NguoiSuDungDat {
  return {
    HoTen: user.fullName,
    ...(user.birthYear ? { NamSinh: user.birthYear } : {}),
    LoaiGiayTo: user.documentType,
    SoGiayTo: user.documentNumber,
    DiaChi: user.address,
    QuocTich: user.nationality,
    ...(user.spouse ? { VoChong: nguoiSuDung(user.spouse) } : {}),
  };
}
