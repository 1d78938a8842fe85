import { decodeUnits, type EncodedUnit } from '../../../schemas/admin-units/encoding.js';
import {
  communes2025,
  communesPre2025,
  districtsPre2025,
  predecessors2025,
} from '../../../schemas/admin-units/generated/communes.js';
import { provinceOf } from '../../../schemas/admin-units/provinces.js';

/** A commune with what an address line needs, in the era it belongs to. */
export interface Commune {
  readonly code: string;
  readonly fullName: string;
  readonly provinceCode: string;
  /** Pre-2025 communes only. */
  readonly districtCode?: string;
  readonly districtFullName?: string;
  readonly provinceFullName: string;
}

export interface Geography {
  readonly current: readonly Commune[];
  readonly currentByProvince: ReadonlyMap<string, readonly Commune[]>;
  readonly formerByProvince: ReadonlyMap<string, readonly Commune[]>;
  /** Pre-2025 communes (wholly or partly) that formed each 2025 commune. */
  readonly predecessors: ReadonlyMap<string, readonly Commune[]>;
  readonly formerProvinceCodes: readonly string[];
}

let geography: Geography | undefined;

/** Both eras' communes from the generated tables in `schemas/admin-units/`; decoded once per process. */
export function loadGeography(): Geography {
  geography ??= buildGeography();
  return geography;
}

function buildGeography(): Geography {
  const districts = new Map<string, EncodedUnit>(decodeUnits(districtsPre2025, 3).map((d) => [d.code, d]));
  const current = decodeUnits(communes2025, 5).map((unit): Commune => ({
    code: unit.code,
    fullName: unit.fullName,
    provinceCode: unit.parentCode,
    provinceFullName: provinceOf(unit.parentCode, '2025')?.fullName ?? '',
  }));
  const former = decodeUnits(communesPre2025, 5).map((unit): Commune => {
    const district = districts.get(unit.parentCode);
    if (district === undefined) throw new Error(`commune ${unit.code} has an unknown district`);
    return {
      code: unit.code,
      fullName: unit.fullName,
      provinceCode: district.parentCode,
      districtCode: district.code,
      districtFullName: district.fullName,
      provinceFullName: provinceOf(district.parentCode, 'pre2025')?.fullName ?? '',
    };
  });
  const formerByCode = new Map(former.map((c) => [c.code, c]));
  const predecessors = new Map<string, Commune[]>();
  for (const line of predecessors2025.split('\n')) {
    const [newKey = '', olds = ''] = line.split(':');
    const newCode = String(parseInt(newKey, 36)).padStart(5, '0');
    const communes = olds
      .split(',')
      .map((entry) => formerByCode.get(String(parseInt(entry, 36)).padStart(5, '0')))
      .filter((c): c is Commune => c !== undefined);
    predecessors.set(newCode, communes);
  }
  const formerByProvince = groupBy(former, (c) => c.provinceCode);
  return {
    current,
    currentByProvince: groupBy(current, (c) => c.provinceCode),
    formerByProvince,
    predecessors,
    formerProvinceCodes: [...formerByProvince.keys()].sort(),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
