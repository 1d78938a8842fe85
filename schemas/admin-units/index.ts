import { z } from 'zod';
import { addRuleIssue } from '../rule-issue.js';
import { decodeUnits, lazily, type EncodedUnit, type Era, type UnitKind } from './encoding.js';
import { communes2025, communesPre2025, districtsPre2025, predecessors2025 } from './generated/communes.js';
import { isProvinceCode, provinceCodes, provinceName, provinceOf } from './provinces.js';

/**
 * Vietnam's administrative units in both eras: from 1 July 2025 (34 provinces, 3,321 communes, no
 * districts) and before (63 provinces, 696 districts, 10,035 communes). Codes are 2 digits for a
 * province, 3 for a district, 5 for a commune. Many 2025 communes reuse a predecessor's code, so a code
 * alone does not say its era: ask with an era, or ask `adminUnitEras`.
 */

export type { Era, UnitKind };
export { isProvinceCode, provinceCodes, provinceName };

export const eraSchema = z.enum(['2025', 'pre2025']);
export type AdminLevel = 'province' | 'district' | 'commune';

export interface AdminUnit {
  era: Era;
  level: AdminLevel;
  code: string;
  /** Without the kind: "Thủ Dầu Một". */
  name: string;
  /** With the kind: "Phường Thủ Dầu Một". */
  fullName: string;
  kind: UnitKind;
  provinceCode: string;
  /** Pre-2025 communes and districts only. */
  districtCode?: string;
}

export type MergeExtent = 'whole' | 'partial';

/** One edge of the many-to-many old→new commune mapping: the unit on the other side, and the extent. */
export interface CommuneSuccession {
  commune: AdminUnit;
  /** `whole` when the entire old commune went into the new one; `partial` when only part of it did. */
  merge: MergeExtent;
}

function toUnit(
  unit: EncodedUnit,
  era: Era,
  level: AdminLevel,
  provinceCode: string,
  districtCode?: string,
): AdminUnit {
  const { code, name, fullName, kind } = unit;
  const adminUnit: AdminUnit = { era, level, code, name, fullName, kind, provinceCode };
  if (districtCode) adminUnit.districtCode = districtCode;
  return adminUnit;
}

// Each table is decoded on first use only, so a function that asks about 2025 communes never pays for
// the 10,035 pre-2025 ones or the mapping.
const currentCommunes = lazily(
  () =>
    new Map<string, AdminUnit>(
      decodeUnits(communes2025, 5).map((unit) => [
        unit.code,
        toUnit(unit, '2025', 'commune', unit.parentCode),
      ]),
    ),
);

const formerDistricts = lazily(
  () =>
    new Map<string, AdminUnit>(
      decodeUnits(districtsPre2025, 3).map((unit) => [
        unit.code,
        toUnit(unit, 'pre2025', 'district', unit.parentCode),
      ]),
    ),
);

const formerCommunes = lazily(() => {
  const communes = new Map<string, AdminUnit>();
  const districts = formerDistricts();
  for (const unit of decodeUnits(communesPre2025, 5)) {
    const district = districts.get(unit.parentCode);
    if (!district) throw new Error(`commune ${unit.code} has unknown district ${unit.parentCode}`);
    communes.set(unit.code, toUnit(unit, 'pre2025', 'commune', district.provinceCode, district.code));
  }
  return communes;
});

const succession = lazily(() => {
  const predecessors = new Map<string, CommuneSuccession[]>();
  const successors = new Map<string, CommuneSuccession[]>();
  const append = (map: Map<string, CommuneSuccession[]>, code: string, edge: CommuneSuccession) => {
    const edges = map.get(code);
    if (edges) edges.push(edge);
    else map.set(code, [edge]);
  };
  const current = currentCommunes();
  const former = formerCommunes();
  for (const line of predecessors2025.split('\n')) {
    const [newKey = '', olds = ''] = line.split(':');
    const newCommune = current.get(String(parseInt(newKey, 36)).padStart(5, '0'));
    if (!newCommune) throw new Error(`mapping names unknown 2025 commune ${newKey}`);
    for (const entry of olds.split(',')) {
      const merge: MergeExtent = entry.endsWith('*') ? 'partial' : 'whole';
      const oldCommune = former.get(String(parseInt(entry, 36)).padStart(5, '0'));
      if (!oldCommune) throw new Error(`mapping names unknown pre-2025 commune ${entry}`);
      append(predecessors, newCommune.code, { commune: oldCommune, merge });
      append(successors, oldCommune.code, { commune: newCommune, merge });
    }
  }
  return { predecessors, successors };
});

function provinceUnit(code: string, era: Era): AdminUnit | undefined {
  const province = provinceOf(code, era);
  if (!province) return undefined;
  const { name, fullName, kind } = province;
  return { era, level: 'province', code, name, fullName, kind, provinceCode: code };
}

/** The unit with this code in the given era (province, district or commune, by the code's length). */
export function adminUnitByCode(code: string, era: Era): AdminUnit | undefined {
  switch (code.length) {
    case 2:
      return provinceUnit(code, era);
    case 3:
      return era === 'pre2025' ? formerDistricts().get(code) : undefined;
    case 5:
      return (era === '2025' ? currentCommunes() : formerCommunes()).get(code);
    default:
      return undefined;
  }
}

/** The eras in which this code names a unit: none, one, or both (many codes were reused in 2025). */
export function adminUnitEras(code: string): Era[] {
  return (['2025', 'pre2025'] as const).filter((era) => adminUnitByCode(code, era) !== undefined);
}

/** Whether the code is a commune-level unit in the era, or in either era when none is given. */
export function isCommuneCode(code: string, era?: Era): boolean {
  if (code.length !== 5) return false;
  return era ? adminUnitByCode(code, era) !== undefined : adminUnitEras(code).length > 0;
}

/** The unit's full name ("Phường Thủ Dầu Một", "Tỉnh Bình Dương"), or undefined for an unknown code. */
export function adminUnitName(code: string, era: Era): string | undefined {
  return adminUnitByCode(code, era)?.fullName;
}

// Old commune → the 2025 communes it went into, read from the mapping alone: a citizen's pre-2025
// address needs this on a cold start, and building it does not decode the 10,035 pre-2025 communes
// (`succession` does, to hand out both sides of every edge).
const successorCodes = lazily(() => {
  const successors = new Map<string, { newCode: string; merge: MergeExtent }[]>();
  for (const line of predecessors2025.split('\n')) {
    const separator = line.indexOf(':');
    const newCode = String(parseInt(line.slice(0, separator), 36)).padStart(5, '0');
    for (const entry of line.slice(separator + 1).split(',')) {
      const partial = entry.endsWith('*');
      const oldCode = String(parseInt(partial ? entry.slice(0, -1) : entry, 36)).padStart(5, '0');
      const edge = { newCode, merge: partial ? ('partial' as const) : ('whole' as const) };
      const edges = successors.get(oldCode);
      if (edges) edges.push(edge);
      else successors.set(oldCode, [edge]);
    }
  }
  return successors;
});

/** The 2025 communes a pre-2025 commune now belongs to: usually one, several when it was split. */
export function currentCommuneOf(oldCommuneCode: string): CommuneSuccession[] {
  const current = currentCommunes();
  return (successorCodes().get(oldCommuneCode) ?? []).map(({ newCode, merge }) => {
    const commune = current.get(newCode);
    if (!commune) throw new Error(`mapping names unknown 2025 commune ${newCode}`);
    return { commune, merge };
  });
}

/** The pre-2025 communes, wholly or partly, that a 2025 commune was formed from. */
export function predecessorsOf(newCommuneCode: string): CommuneSuccession[] {
  return succession().predecessors.get(newCommuneCode) ?? [];
}

/** Every unit of a level in an era, in code order (there are no districts from 2025). */
export function listAdminUnits(era: Era, level: AdminLevel): AdminUnit[] {
  switch (level) {
    case 'province':
      return provinceCodes(era).map((code) => provinceUnit(code, era)!);
    case 'district':
      return era === 'pre2025' ? [...formerDistricts().values()] : [];
    case 'commune':
      return [...(era === '2025' ? currentCommunes() : formerCommunes()).values()];
  }
}

/** The communes of a province in the era, in code order. */
export function communesOfProvince(provinceCode: string, era: Era): AdminUnit[] {
  return listAdminUnits(era, 'commune').filter((unit) => unit.provinceCode === provinceCode);
}

/** A 5-digit commune code known in either era (parcel numbering belongs to pre-2025 communes). */
export const communeCodeSchema = z
  .string({ error: 'communeCode must be a string' })
  .superRefine((code, ctx) => {
    if (!/^\d{5}$/.test(code)) {
      addRuleIssue(ctx, { rule: 'format', message: 'Commune code must be exactly 5 digits' });
    } else if (!isCommuneCode(code)) {
      addRuleIssue(ctx, {
        rule: 'unknown_commune',
        message: `${code} is not a commune code, before or after 2025`,
      });
    }
  });

/** A 5-digit commune code of the units in force since 1 July 2025. */
export const currentCommuneCodeSchema = z
  .string({ error: 'communeCode must be a string' })
  .superRefine((code, ctx) => {
    if (!/^\d{5}$/.test(code)) {
      addRuleIssue(ctx, { rule: 'format', message: 'Commune code must be exactly 5 digits' });
    } else if (!isCommuneCode(code, '2025')) {
      addRuleIssue(ctx, {
        rule: 'unknown_commune',
        message: isCommuneCode(code, 'pre2025')
          ? `${code} is a commune code from before 1 July 2025; use the current unit`
          : `${code} is not a commune code`,
      });
    }
  });

/** A 2-digit province code of the given era. */
export function provinceCodeSchema(era: Era) {
  return z.string({ error: 'provinceCode must be a string' }).superRefine((code, ctx) => {
    if (!/^\d{2}$/.test(code)) {
      addRuleIssue(ctx, { rule: 'format', message: 'Province code must be exactly 2 digits' });
    } else if (!isProvinceCode(code, era)) {
      addRuleIssue(ctx, {
        rule: 'unknown_province',
        message: `${code} is not a province code ${era === '2025' ? 'since 1 July 2025' : 'before 1 July 2025'}`,
      });
    }
  });
}
