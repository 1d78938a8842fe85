import { decodeUnits, lazily, type EncodedUnit, type Era } from './encoding.js';
import { provinces2025, provincesPre2025 } from './generated/provinces.js';

const provincesByEra = lazily((): Record<Era, Map<string, EncodedUnit>> => ({
  '2025': new Map(decodeUnits(provinces2025, 2).map((unit) => [unit.code, unit])),
  pre2025: new Map(decodeUnits(provincesPre2025, 2).map((unit) => [unit.code, unit])),
}));

/** A province (2-digit code) of the given era: 34 from 1 July 2025, 63 before. */
export function provinceOf(code: string, era: Era): EncodedUnit | undefined {
  return provincesByEra()[era].get(code);
}

export function isProvinceCode(code: string, era: Era): boolean {
  return provincesByEra()[era].has(code);
}

/** The province's name without its kind ("Hà Nội"), or undefined for an unknown code. */
export function provinceName(code: string, era: Era): string | undefined {
  return provinceOf(code, era)?.name;
}

export function provinceCodes(era: Era): string[] {
  return [...provincesByEra()[era].keys()];
}
