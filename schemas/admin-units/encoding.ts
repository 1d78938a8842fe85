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

const record = /^([0-9a-z]+)([A-Z])(.*)$/su;

export function decodeUnits(encoded: string, codeLength: number): EncodedUnit[] {
  const units: EncodedUnit[] = [];
  for (const line of encoded.split('\n')) {
    const separator = line.indexOf(':');
    const parentCode = line.slice(0, separator);
    let code = 0;
    for (const item of line.slice(separator + 1).split('|')) {
      const [, delta = '', letter = '', name = ''] = record.exec(item) ?? [];
      const kind = unitKinds[letter.charCodeAt(0) - 65];
      if (!kind) throw new Error(`corrupt admin-unit record: ${item}`);
      code += parseInt(delta, 36);
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
