/**
 * Decoder for the generated tables (format documented in scripts/generate-admin-units.ts). Kept apart
 * from the tables themselves so the small province table can be used without loading the communes.
 */
import { unitKinds } from './generated/provinces.js';

export type Era = '2025' | 'pre2025';
export type UnitKind = (typeof unitKinds)[number]['slug'];

export interface EncodedUnit {
  code: string;
  parentCode: string;
  name: string;
  kind: UnitKind;
  fullName: string;
}

const isBase36Digit = (charCode: number): boolean =>
  (charCode >= 48 && charCode <= 57) || (charCode >= 97 && charCode <= 122);

export function decodeUnits(encoded: string, codeLength: number): EncodedUnit[] {
  const units: EncodedUnit[] = [];
  for (const line of encoded.split('\n')) {
    const separator = line.indexOf(':');
    const parentCode = line.slice(0, separator);
    let code = 0;
    for (const item of line.slice(separator + 1).split('|')) {
      // Scanned by hand rather than with a regular expression: this runs 14,000 times on a cold start.
      let letterAt = 0;
      while (letterAt < item.length && isBase36Digit(item.charCodeAt(letterAt))) letterAt++;
      const kind = unitKinds[item.charCodeAt(letterAt) - 65];
      if (letterAt === 0 || !kind) throw new Error(`corrupt admin-unit record: ${item}`);
      code += parseInt(item.slice(0, letterAt), 36);
      const name = item.slice(letterAt + 1);
      units.push({
        code: String(code).padStart(codeLength, '0'),
        parentCode,
        name,
        kind: kind.slug,
        fullName: `${kind.shortName} ${name}`,
      });
    }
  }
  return units;
}

/** Runs `build` on first use only, so a cold start pays for a table only if it is consulted. */
export function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
