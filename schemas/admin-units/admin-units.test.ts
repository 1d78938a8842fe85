import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  adminUnitByCode,
  adminUnitEras,
  adminUnitName,
  communeCodeSchema,
  communesOfProvince,
  currentCommuneCodeSchema,
  currentCommuneOf,
  isCommuneCode,
  listAdminUnits,
  predecessorsOf,
  provinceCodeSchema,
  provinceName,
} from './index.js';
import { ruleOfIssue } from '../rule-issue.js';

// Jest runs from the repository root; CI clones the repository beside `shared/`.
const sharedDirectory = resolve(process.cwd(), '../shared/data/admin-units');
const generatedDirectory = resolve(process.cwd(), 'schemas/admin-units/generated');

describe('table sizes', () => {
  it.each([
    ['2025', 'province', 34],
    ['2025', 'district', 0],
    ['2025', 'commune', 3321],
    ['pre2025', 'province', 63],
    ['pre2025', 'district', 696],
    ['pre2025', 'commune', 10035],
  ] as const)('%s has %s %s units', (era, level, count) => {
    expect(listAdminUnits(era, level)).toHaveLength(count);
  });

  it('maps 10,565 old→new commune pairs', () => {
    const pairs = listAdminUnits('2025', 'commune').reduce(
      (sum, unit) => sum + predecessorsOf(unit.code).length,
      0,
    );
    expect(pairs).toBe(10565);
  });

  it('keeps the generated modules within the cold-start budget (300 kB raw, 120 kB gzip)', () => {
    const source = ['provinces.ts', 'communes.ts'].map((file) =>
      readFileSync(join(generatedDirectory, file)),
    );
    const raw = source.reduce((sum, bytes) => sum + bytes.length, 0);
    const gzip = source.reduce((sum, bytes) => sum + gzipSync(bytes).length, 0);
    expect(raw).toBeLessThan(300_000);
    expect(gzip).toBeLessThan(120_000);
  });
});

describe('lookups', () => {
  it('tells the eras apart for a reused code: 25747 was Phú Cường and is now Thủ Dầu Một', () => {
    expect(adminUnitEras('25747')).toEqual(['2025', 'pre2025']);
    expect(adminUnitByCode('25747', 'pre2025')).toEqual({
      era: 'pre2025',
      level: 'commune',
      code: '25747',
      name: 'Phú Cường',
      fullName: 'Phường Phú Cường',
      kind: 'ward',
      provinceCode: '74',
      districtCode: '718',
    });
    expect(adminUnitByCode('25747', '2025')).toEqual({
      era: '2025',
      level: 'commune',
      code: '25747',
      name: 'Thủ Dầu Một',
      fullName: 'Phường Thủ Dầu Một',
      kind: 'ward',
      provinceCode: '79',
    });
  });

  it('knows Bình Dương (74) only before 2025, and HCMC (79) in both eras', () => {
    expect(provinceName('74', 'pre2025')).toBe('Bình Dương');
    expect(provinceName('74', '2025')).toBeUndefined();
    expect(adminUnitEras('79')).toEqual(['2025', 'pre2025']);
  });

  it('names districts before 2025 only', () => {
    expect(adminUnitName('718', 'pre2025')).toBe('Thành phố Thủ Dầu Một');
    expect(adminUnitByCode('718', '2025')).toBeUndefined();
  });

  it('answers whether a code is a commune, per era or in either', () => {
    expect(isCommuneCode('25753', 'pre2025')).toBe(true);
    expect(isCommuneCode('25753', '2025')).toBe(false);
    expect(isCommuneCode('25753')).toBe(true);
    expect(isCommuneCode('99999')).toBe(false);
    expect(isCommuneCode('718')).toBe(false);
  });

  it('sends the former Bình Dương communes into HCMC', () => {
    const formerBinhDuong = communesOfProvince('74', 'pre2025');
    expect(formerBinhDuong).toHaveLength(91);
    const successors = new Set(
      formerBinhDuong.flatMap((unit) => currentCommuneOf(unit.code)).map((s) => s.commune),
    );
    expect([...successors].every((unit) => unit.provinceCode === '79')).toBe(true);
    expect(successors.size).toBe(36);
  });

  it('gives the 2025 commune an old commune went into, with the extent of the merge', () => {
    expect(
      currentCommuneOf('25753').map(({ commune, merge }) => [commune.code, commune.fullName, merge]),
    ).toEqual([['25747', 'Phường Thủ Dầu Một', 'whole']]);
  });

  it('lists several 2025 communes for an old commune that was split', () => {
    expect(currentCommuneOf('00016').map(({ commune, merge }) => [commune.code, merge])).toEqual([
      ['00004', 'partial'],
      ['00008', 'partial'],
    ]);
  });

  it('lists the predecessors of a 2025 commune, whole and partial', () => {
    expect(predecessorsOf('25747').map(({ commune, merge }) => [commune.code, commune.name, merge])).toEqual([
      ['25741', 'Hiệp Thành', 'partial'],
      ['25747', 'Phú Cường', 'whole'],
      ['25753', 'Phú Thọ', 'whole'],
      ['25756', 'Chánh Nghĩa', 'whole'],
      ['25774', 'Chánh Mỹ', 'partial'],
    ]);
  });

  it('gives every old commune the same successors from the mapping alone as from both tables', () => {
    for (const unit of listAdminUnits('2025', 'commune')) {
      for (const { commune: old, merge } of predecessorsOf(unit.code)) {
        expect(currentCommuneOf(old.code)).toContainEqual({ commune: unit, merge });
      }
    }
    const edges = listAdminUnits('pre2025', 'commune').reduce(
      (sum, unit) => sum + currentCommuneOf(unit.code).length,
      0,
    );
    expect(edges).toBe(10_565);
  });

  it('returns no successors or predecessors for unknown codes', () => {
    expect(currentCommuneOf('99999')).toEqual([]);
    expect(predecessorsOf('99999')).toEqual([]);
  });
});

describe('code schemas', () => {
  it.each([
    ['2574', 'format'],
    ['99999', 'unknown_commune'],
  ])('communeCodeSchema rejects %s with rule %s', (code, rule) => {
    expect(communeCodeSchema.safeParse(code).error?.issues.map(ruleOfIssue)[0]).toBe(rule);
  });

  it('currentCommuneCodeSchema turns away a commune code that exists only before 2025', () => {
    expect(currentCommuneCodeSchema.safeParse('25753').error?.issues[0]).toMatchObject({
      params: { rule: 'unknown_commune' },
      message: '25753 is a commune code from before 1 July 2025; use the current unit',
    });
    expect(currentCommuneCodeSchema.parse('25747')).toBe('25747');
  });

  it('provinceCodeSchema knows each era’s provinces', () => {
    expect(provinceCodeSchema('pre2025').parse('74')).toBe('74');
    expect(provinceCodeSchema('2025').safeParse('74').error?.issues.map(ruleOfIssue)[0]).toBe(
      'unknown_province',
    );
  });
});

/** The shared CSVs are present beside the repository in CI and locally; the tables must agree with them. */
if (existsSync(sharedDirectory)) {
  const readCsv = (file: string): Record<string, string>[] => {
    const [header = [], ...rows] = readFileSync(join(sharedDirectory, file), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.length > 0)
      .map((line) =>
        [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[2] ?? m[1] ?? ''),
      );
    return rows.map((fields) =>
      Object.fromEntries(header.map((name, i) => [name, (fields[i] ?? '').trim()])),
    );
  };

  describe('agreement with the shared CSVs', () => {
    it.each([
      ['2025-provinces.csv', '2025', undefined],
      ['2025-wards.csv', '2025', 'province_code'],
      ['pre2025-provinces.csv', 'pre2025', undefined],
      ['pre2025-districts.csv', 'pre2025', 'province_code'],
      ['pre2025-wards.csv', 'pre2025', 'district_code'],
    ] as const)('every row of %s has its name and parent', (file, era, parentColumn) => {
      const rows = readCsv(file);
      const mismatches = rows.filter((row) => {
        const unit = adminUnitByCode(row.code ?? '', era);
        const parent = parentColumn === 'district_code' ? unit?.districtCode : unit?.provinceCode;
        return (
          unit?.name !== row.name ||
          unit?.fullName.toLowerCase() !== row.full_name?.toLowerCase() ||
          (parentColumn !== undefined && parent !== row[parentColumn])
        );
      });
      expect(mismatches).toEqual([]);
      expect(
        listAdminUnits(
          era,
          file.includes('provinces') ? 'province' : file.includes('districts') ? 'district' : 'commune',
        ),
      ).toHaveLength(rows.length);
    });

    it('every mapping row is an edge with the right extent', () => {
      // 06970 "Xã Ba Chẽ" in the mapping is 06978 in the official 2025 list; the generator resolves it.
      const resolve2025 = (code: string) => (code === '06970' ? '06978' : code);
      const mismatches = readCsv('2025-commune-mapping.csv').filter((row) => {
        const merge = /một\s+phần|phần còn lại/iu.test(row.merge_note ?? '') ? 'partial' : 'whole';
        return !predecessorsOf(resolve2025(row.new_commune_code ?? '')).some(
          (edge) => edge.commune.code === row.old_commune_code && edge.merge === merge,
        );
      });
      expect(mismatches).toEqual([]);
    });
  });
}
