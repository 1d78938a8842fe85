import {
  adminUnitByCode,
  communesOfProvince,
  currentCommuneOf,
  predecessorsOf,
} from '../../../schemas/admin-units/index.js';

/** Former Bình Dương province: its pre-2025 code, and the province it joined on 1 July 2025. */
export const formerProvinceCode = '74';
export const currentProvinceCode = '79';

export interface CurrentCommune {
  code: string;
  /** Full name, e.g. "Phường Thủ Dầu Một". */
  name: string;
}

export interface FormerCommune {
  code: string;
  /** Full name, e.g. "Phường Phú Cường". */
  name: string;
  /** "Phường", "Xã", "Thị trấn". */
  kind: string;
  districtCode: string;
  districtName: string;
  /** The 2025 communes it went into: one when merged whole, several when it was split. */
  successors: CurrentCommune[];
}

let former: FormerCommune[] | undefined;
let current: CurrentCommune[] | undefined;

/** The pre-2025 communes of Bình Dương, each with its 2025 successors from the official mapping. */
export function formerBinhDuongCommunes(): readonly FormerCommune[] {
  former ??= communesOfProvince(formerProvinceCode, 'pre2025').map((unit) => {
    const district = adminUnitByCode(unit.districtCode ?? '', 'pre2025');
    return {
      code: unit.code,
      name: unit.fullName,
      kind: unit.fullName.slice(0, unit.fullName.length - unit.name.length).trim(),
      districtCode: unit.districtCode ?? '',
      districtName: district?.fullName ?? '',
      successors: currentCommuneOf(unit.code).map(({ commune }) => ({
        code: commune.code,
        name: commune.fullName,
      })),
    };
  });
  return former;
}

/** The 2025 communes of Hồ Chí Minh City formed, wholly or partly, from former Bình Dương communes. */
export function currentFormerBinhDuongCommunes(): readonly CurrentCommune[] {
  current ??= communesOfProvince(currentProvinceCode, '2025')
    .filter((unit) =>
      predecessorsOf(unit.code).some(({ commune }) => commune.provinceCode === formerProvinceCode),
    )
    .map((unit) => ({ code: unit.code, name: unit.fullName }));
  return current;
}
