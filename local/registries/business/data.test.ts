import fc from 'fast-check';
import { adminUnitByCode, predecessorsOf } from '../../../schemas/admin-units/index.js';
import { personalIdViolation } from '../../../schemas/identifiers/personal-id.js';
import { parseTaxCode, taxCodeCheckDigit } from '../../../schemas/identifiers/tax-code.js';
import { citizenDirectory } from '../data/citizens.js';
import {
  enterpriseStatuses,
  generateBusinessRegistryData,
  legalForms,
  vsicCodes,
  type Business,
} from './data.js';

const data = generateBusinessRegistryData();
const businesses = [...data.businesses.values()];
const directory = citizenDirectory();

function forEveryDrawn(check: (business: Business) => void): void {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: businesses.length - 1 }), (index) =>
      check(businesses[index] as Business),
    ),
    { numRuns: 500 },
  );
}

describe('business registry data', () => {
  test('the same seed generates the same businesses', () => {
    expect([...generateBusinessRegistryData().businesses.entries()]).toEqual([...data.businesses.entries()]);
  });

  test('another seed generates other businesses', () => {
    const other = generateBusinessRegistryData({ seed: 7 });
    const shared = [...other.businesses.keys()].filter((code) => data.businesses.has(code));
    expect(shared.length).toBeLessThan(50);
  });

  test('2,000 enterprises and household businesses, plus branches', () => {
    const primaries = businesses.filter((b) => b.kind !== 'branch');
    const branches = businesses.filter((b) => b.kind === 'branch');
    expect(primaries).toHaveLength(2000);
    expect(branches.length).toBeGreaterThan(100);
    expect(businesses.filter((b) => b.kind === 'household-business').length).toBeGreaterThan(20);
  });

  test('generation takes well under a few seconds', () => {
    const started = performance.now();
    generateBusinessRegistryData({ seed: 99 });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('business registry fixtures', () => {
  test('3701234562 is an active joint-stock company in Thủ Dầu Một represented by Nguyễn Văn An', () => {
    const enterprise = data.businesses.get('3701234562');
    expect(enterprise).toMatchObject({ legalForm: legalForms.jointStock, status: 'Đang hoạt động' });
    expect(enterprise?.headOffice.communeCode).toBe('25747');
    expect(enterprise?.representatives[0]).toMatchObject({
      fullName: 'Nguyễn Văn An',
      personalId: '074095000123',
    });
  });

  test('3701234562-001 is its branch in Dĩ An', () => {
    expect(data.businesses.get('3701234562-001')).toMatchObject({
      kind: 'branch',
      parentCode: '3701234562',
      headOffice: { communeCode: '25942', communeName: 'Phường Dĩ An' },
    });
  });

  test('3700987651 is dissolved', () => {
    expect(data.businesses.get('3700987651')?.status).toBe('Đã giải thể, phá sản, chấm dứt tồn tại');
  });
});

describe('business registry structure rules (properties over the generated data)', () => {
  test('every enterprise code passes the tax-code check digit, and every branch code its parent’s', () => {
    forEveryDrawn((business) => {
      if (business.kind === 'household-business') return;
      const head = business.code.slice(0, 10);
      expect(Number(head[9])).toBe(taxCodeCheckDigit(head.slice(0, 9)));
      expect(parseTaxCode(business.code)).toEqual({ canonical: business.code });
      if (business.kind === 'branch') {
        expect(business.code).toMatch(/^\d{10}-(?!000)\d{3}$/);
        expect(data.businesses.get(business.parentCode ?? '')?.kind).toBe('enterprise');
      }
    });
  });

  test("every household business is identified by its owner's valid 12-digit personal id", () => {
    forEveryDrawn((business) => {
      if (business.kind !== 'household-business') return;
      expect(personalIdViolation(business.code)).toBeUndefined();
      expect(business.representatives[0]?.personalId).toBe(business.code);
    });
  });

  test('every status, legal form and VSIC code comes from the official lists', () => {
    forEveryDrawn((business) => {
      expect(enterpriseStatuses).toContain(business.status);
      expect(Object.values(legalForms)).toContain(business.legalForm);
      expect(vsicCodes[business.mainIndustry.code]).toBe(business.mainIndustry.name);
      expect(business.mainIndustry.code).toMatch(/^\d{4}$/);
    });
  });

  test('every head office is a 2025 commune of Hồ Chí Minh City formed from former Bình Dương', () => {
    forEveryDrawn((business) => {
      const commune = adminUnitByCode(business.headOffice.communeCode, '2025');
      expect(commune?.provinceCode).toBe('79');
      expect(commune?.fullName).toBe(business.headOffice.communeName);
      expect(predecessorsOf(commune?.code ?? '').some(({ commune: old }) => old.provinceCode === '74')).toBe(
        true,
      );
    });
  });

  test('every representative is a synthetic citizen', () => {
    forEveryDrawn((business) => {
      for (const representative of business.representatives) {
        expect(directory.byPersonalId(representative.personalId)?.fullName).toBe(representative.fullName);
      }
    });
  });
});
