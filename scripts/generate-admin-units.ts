/**
 * Builds the compact administrative-unit tables in `schemas/admin-units/generated/` from the shared
 * CSVs (../shared/data/admin-units, relative to the repository root). Run from the repository root:
 *
 *   npx tsx scripts/generate-admin-units.ts
 *
 * The output is committed: Lambdas must not depend on the shared folder at runtime. Two modules are
 * written so that a function validating personal ids (which only needs the 63 pre-2025 province codes)
 * does not load the commune tables.
 *
 * Encoding (parsed lazily by schemas/admin-units/index.ts):
 * - a unit record is `<code delta, base 36><kind letter><name>`; the kind letter (A, B, …) indexes
 *   `unitKinds`, and the full name is the kind's Vietnamese short name, a space and the name (checked
 *   here, ignoring case; the generator fails if a row breaks that rule);
 * - records are grouped by parent (`<parent code>:` then records joined by `|`, groups by `\n`), and
 *   each code is stored as the difference from the previous code in its group, since codes within a
 *   parent are dense and ascending;
 * - the old→new mapping is one line per 2025 commune: `<new code, base 36>:` then its predecessors,
 *   each `<old code, base 36>` followed by `*` when only part of the old commune went into it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDirectory = resolve(repositoryRoot, '../shared/data/admin-units');
const outputDirectory = join(repositoryRoot, 'schemas/admin-units/generated');

type Row = Record<string, string>;

/** RFC 4180 enough for these files: CRLF line ends, double-quoted fields that may contain commas. */
function readCsv(fileName: string): Row[] {
  const text = readFileSync(join(sourceDirectory, fileName), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const parseLine = (line: string): string[] => {
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        fields.push(field);
        field = '';
      } else field += ch;
    }
    fields.push(field);
    return fields;
  };
  const [header, ...body] = lines.map(parseLine);
  if (!header) throw new Error(`${fileName} is empty`);
  return body.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new Error(`${fileName} line ${index + 2}: ${fields.length} fields, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, (fields[i] ?? '').normalize('NFC').trim()]));
  });
}

function field(row: Row, name: string): string {
  const value = row[name];
  if (value === undefined || value === '') throw new Error(`missing ${name} in ${JSON.stringify(row)}`);
  return value;
}

interface UnitKind {
  id: string;
  era: '2025' | 'pre2025';
  slug: string;
  shortName: string;
}

function readKinds(fileName: string, era: UnitKind['era']): UnitKind[] {
  return readCsv(fileName).map((row) => ({
    id: field(row, 'id'),
    era,
    slug: field(row, 'code_name_en'),
    shortName: field(row, 'short_name'),
  }));
}

const unitKinds = [
  ...readKinds('2025-administrative_units.csv', '2025'),
  ...readKinds('pre2025-administrative_units.csv', 'pre2025'),
];
if (unitKinds.length > 26) throw new Error('more unit kinds than letters');
const kindLetter = (era: UnitKind['era'], id: string): string => {
  const index = unitKinds.findIndex((kind) => kind.era === era && kind.id === id);
  if (index < 0) throw new Error(`unknown ${era} unit kind ${id}`);
  return String.fromCharCode(65 + index);
};

function encodeUnits(
  fileName: string,
  era: UnitKind['era'],
  codeLength: number,
  parentColumn: string | undefined,
): { encoded: string; count: number; codes: Set<string> } {
  const rows = readCsv(fileName);
  const groups = new Map<string, Row[]>();
  const codes = new Set<string>();
  for (const row of rows) {
    const code = field(row, 'code');
    if (!new RegExp(`^\\d{${codeLength}}$`).test(code)) throw new Error(`${fileName}: bad code ${code}`);
    if (codes.has(code)) throw new Error(`${fileName}: duplicate code ${code}`);
    codes.add(code);
    const parent = parentColumn ? field(row, parentColumn) : '';
    groups.set(parent, [...(groups.get(parent) ?? []), row]);
  }
  const lines = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([parent, members]) => {
      let previous = 0;
      const records = members
        .sort((a, b) => field(a, 'code').localeCompare(field(b, 'code')))
        .map((row) => {
          const code = Number(field(row, 'code'));
          const name = field(row, 'name');
          const letter = kindLetter(era, field(row, 'administrative_unit_id'));
          const kind = unitKinds[letter.charCodeAt(0) - 65]!;
          // Case-insensitive: the source has one lower-case "xã" (06325); the derived form is the canonical one.
          if (field(row, 'full_name').toLowerCase() !== `${kind.shortName} ${name}`.toLowerCase()) {
            throw new Error(`${fileName}: full name of ${field(row, 'code')} is not "<kind> <name>"`);
          }
          if (/[|:\n*,]/.test(name)) throw new Error(`${fileName}: name of ${code} has a separator`);
          const record = `${(code - previous).toString(36)}${letter}${name}`;
          previous = code;
          return record;
        });
      return `${parent}:${records.join('|')}`;
    });
  return { encoded: lines.join('\n'), count: rows.length, codes };
}

const provinces2025 = encodeUnits('2025-provinces.csv', '2025', 2, undefined);
const provincesPre2025 = encodeUnits('pre2025-provinces.csv', 'pre2025', 2, undefined);
const communes2025 = encodeUnits('2025-wards.csv', '2025', 5, 'province_code');
const districtsPre2025 = encodeUnits('pre2025-districts.csv', 'pre2025', 3, 'province_code');
const communesPre2025 = encodeUnits('pre2025-wards.csv', 'pre2025', 5, 'district_code');

/** Whole unless the note says only part ("một phần") or what remained after a split went in. */
const isPartialMerge = (note: string): boolean => /một\s+phần|phần còn lại/iu.test(note);

const communes2025Rows = readCsv('2025-wards.csv');
const warnings: string[] = [];

/**
 * The mapping source occasionally names a 2025 commune by a code absent from the official 2025 list
 * (06970 "Xã Ba Chẽ", listed as 06978). The official list wins: such a code is resolved to the commune of
 * the same full name in the same province, and anything that still does not resolve fails the build.
 */
function reconcileNewCommuneCode(row: Row): string {
  const code = field(row, 'new_commune_code');
  if (communes2025.codes.has(code)) return code;
  const name = field(row, 'new_commune_name').toLowerCase();
  const matches = communes2025Rows.filter(
    (ward) =>
      field(ward, 'province_code') === field(row, 'new_province_code') &&
      field(ward, 'full_name').toLowerCase() === name,
  );
  const [match] = matches;
  if (matches.length !== 1 || !match) throw new Error(`mapping: unknown 2025 commune ${code}`);
  const warning = `mapping: 2025 commune ${code} (${name}) is not in the 2025 list; using ${field(match, 'code')}`;
  if (!warnings.includes(warning)) warnings.push(warning);
  return field(match, 'code');
}

const predecessors = new Map<string, Map<string, boolean>>();
for (const row of readCsv('2025-commune-mapping.csv')) {
  const oldCode = field(row, 'old_commune_code');
  const newCode = reconcileNewCommuneCode(row);
  if (!communesPre2025.codes.has(oldCode)) throw new Error(`mapping: unknown pre-2025 commune ${oldCode}`);
  const partial = isPartialMerge(field(row, 'merge_note'));
  const olds = predecessors.get(newCode) ?? new Map<string, boolean>();
  olds.set(oldCode, (olds.get(oldCode) ?? false) || partial);
  predecessors.set(newCode, olds);
}
const mapping = [...predecessors.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(
    ([newCode, olds]) =>
      `${Number(newCode).toString(36)}:` +
      [...olds.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([oldCode, partial]) => `${Number(oldCode).toString(36)}${partial ? '*' : ''}`)
        .join(','),
  )
  .join('\n');
const mappingRows = [...predecessors.values()].reduce((sum, olds) => sum + olds.size, 0);

const banner =
  '// Generated by scripts/generate-admin-units.ts from ../shared/data/admin-units. Do not edit by hand.\n' +
  '// Encoding: see the generator. Counts are checked by the tests against the CSVs.\n';
const literal = (value: unknown): string => JSON.stringify(value);

/** Written in the repository's Prettier style, so `prettier --check .` passes on generated code too. */
async function writeModule(fileName: string, source: string): Promise<void> {
  const path = join(outputDirectory, fileName);
  const options = await resolveConfig(path);
  writeFileSync(path, await format(source, { ...options, filepath: path }));
}

await writeModule(
  'provinces.ts',
  banner +
    `export const unitKinds = ${literal(unitKinds.map(({ era, slug, shortName }) => ({ era, slug, shortName })))} as const;\n` +
    `export const provinces2025 = ${literal(provinces2025.encoded)};\n` +
    `export const provincesPre2025 = ${literal(provincesPre2025.encoded)};\n`,
);
await writeModule(
  'communes.ts',
  banner +
    `export const communes2025 = ${literal(communes2025.encoded)};\n` +
    `export const districtsPre2025 = ${literal(districtsPre2025.encoded)};\n` +
    `export const communesPre2025 = ${literal(communesPre2025.encoded)};\n` +
    `export const predecessors2025 = ${literal(mapping)};\n`,
);

const mappedOldCodes = new Set([...predecessors.values()].flatMap((olds) => [...olds.keys()]));
for (const code of communesPre2025.codes) {
  if (!mappedOldCodes.has(code)) warnings.push(`mapping: pre-2025 commune ${code} has no 2025 successor`);
}
for (const code of communes2025.codes) {
  if (!predecessors.has(code)) warnings.push(`mapping: 2025 commune ${code} has no predecessor commune`);
}
for (const warning of warnings) console.warn(warning);
console.log(
  `provinces 2025: ${provinces2025.count}, communes 2025: ${communes2025.count}; ` +
    `provinces pre-2025: ${provincesPre2025.count}, districts: ${districtsPre2025.count}, ` +
    `communes: ${communesPre2025.count}; mapping: ${mappingRows} pairs for ${predecessors.size} communes`,
);
