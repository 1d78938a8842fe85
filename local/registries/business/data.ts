import { taxCodeCheckDigit } from '../../../schemas/identifiers/tax-code.js';
import { SeededRandom, WeightedTable } from '../random.js';
import { defaultCitizenSeed, type Citizen } from '../data/citizens.js';
import { landOwnerCandidates } from '../land/data.js';
import { currentFormerBinhDuongCommunes, type CurrentCommune } from '../land/former-communes.js';

/**
 * Synthetic content of the simulated national business registration system: enterprises (10-digit
 * codes with a valid check digit), their branches (`NNNNNNNNNN-NNN`) and household businesses
 * identified by their owner's 12-digit personal id. Deterministic from the seed; the fixtures
 * documented in local/registries/README.md are always present.
 */

export const enterpriseStatuses = [
  'Đang hoạt động',
  'Tạm ngừng kinh doanh',
  'Không còn hoạt động kinh doanh tại địa chỉ đã đăng ký',
  'Đang làm thủ tục giải thể, đã bị chia, bị hợp nhất, bị sáp nhập',
  'Đã giải thể, phá sản, chấm dứt tồn tại',
  'Bị thu hồi GCNĐKDN do cưỡng chế về quản lý thuế',
] as const;
export type EnterpriseStatus = (typeof enterpriseStatuses)[number];

export const legalForms = {
  oneMemberLlc: 'Công ty trách nhiệm hữu hạn một thành viên',
  multiMemberLlc: 'Công ty trách nhiệm hữu hạn hai thành viên trở lên',
  jointStock: 'Công ty cổ phần',
  partnership: 'Công ty hợp danh',
  privateEnterprise: 'Doanh nghiệp tư nhân',
  branch: 'Chi nhánh',
  householdBusiness: 'Hộ kinh doanh',
} as const;
type LegalFormKey = keyof typeof legalForms;
type CompanyForm = Exclude<LegalFormKey, 'branch' | 'householdBusiness'>;

/** VSIC level-4 codes common in the province's industrial parks and towns. */
export const vsicCodes: Record<string, string> = {
  '1010': 'Chế biến, bảo quản thịt và các sản phẩm từ thịt',
  '1410': 'May trang phục (trừ trang phục từ da lông thú)',
  '1520': 'Sản xuất giày, dép',
  '1622': 'Sản xuất đồ gỗ xây dựng',
  '2220': 'Sản xuất sản phẩm từ plastic',
  '2511': 'Sản xuất các cấu kiện kim loại',
  '3100': 'Sản xuất giường, tủ, bàn, ghế',
  '4101': 'Xây dựng nhà để ở',
  '4102': 'Xây dựng nhà không để ở',
  '4520': 'Bảo dưỡng, sửa chữa ô tô và xe có động cơ khác',
  '4632': 'Bán buôn thực phẩm',
  '4659': 'Bán buôn máy móc, thiết bị và phụ tùng máy khác',
  '4663': 'Bán buôn vật liệu, thiết bị lắp đặt khác trong xây dựng',
  '4711':
    'Bán lẻ lương thực, thực phẩm, đồ uống, thuốc lá, thuốc lào chiếm tỷ trọng lớn trong các cửa hàng kinh doanh tổng hợp',
  '4933': 'Vận tải hàng hóa bằng đường bộ',
  '5210': 'Kho bãi và lưu giữ hàng hóa',
  '5610': 'Nhà hàng và các dịch vụ ăn uống phục vụ lưu động',
  '6201': 'Lập trình máy vi tính',
  '6810': 'Kinh doanh bất động sản, quyền sử dụng đất thuộc chủ sở hữu, chủ sử dụng hoặc đi thuê',
  '7110': 'Hoạt động kiến trúc và tư vấn kỹ thuật có liên quan',
};

export interface BusinessAddress {
  street: string;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  provinceName: string;
  fullAddress: string;
}

export interface Representative {
  fullName: string;
  position: string;
  personalId: string;
  birthDate: string;
  gender: string;
  nationality: string;
}

export interface Business {
  /** Canonical code: 10 digits, `NNNNNNNNNN-NNN` for a branch, or a 12-digit personal id. */
  code: string;
  kind: 'enterprise' | 'branch' | 'household-business';
  parentCode?: string;
  name: string;
  foreignName?: string;
  shortName?: string;
  legalForm: string;
  foundingDate: string;
  charterCapital?: number;
  status: EnterpriseStatus;
  mainIndustry: { code: string; name: string };
  industries: { code: string; name: string }[];
  headOffice: BusinessAddress;
  representatives: Representative[];
}

export interface BusinessRegistryData {
  businesses: ReadonlyMap<string, Business>;
}

export interface BusinessDataOptions {
  seed?: number;
  /** Enterprises and household businesses, branches not included. */
  businessCount?: number;
}

export function generateBusinessRegistryData(options: BusinessDataOptions = {}): BusinessRegistryData {
  const seed = options.seed ?? defaultCitizenSeed;
  const count = options.businessCount ?? 2000;
  const random = new SeededRandom(seed ^ 0xb0b);
  const communes = currentFormerBinhDuongCommunes();
  const people = landOwnerCandidates(seed);
  const businesses = new Map<string, Business>();
  const add = (business: Business): void => void businesses.set(business.code, business);
  for (const business of fixtureBusinesses(communes, people)) add(business);

  const kinds = new WeightedTable<CompanyForm | 'householdBusiness'>([
    ['oneMemberLlc', 40],
    ['multiMemberLlc', 22],
    ['jointStock', 18],
    ['privateEnterprise', 6],
    ['partnership', 1],
    ['householdBusiness', 6],
  ]);
  const statuses = new WeightedTable<EnterpriseStatus>([
    ['Đang hoạt động', 80],
    ['Tạm ngừng kinh doanh', 6],
    ['Không còn hoạt động kinh doanh tại địa chỉ đã đăng ký', 4],
    ['Đang làm thủ tục giải thể, đã bị chia, bị hợp nhất, bị sáp nhập', 3],
    ['Đã giải thể, phá sản, chấm dứt tồn tại', 5],
    ['Bị thu hồi GCNĐKDN do cưỡng chế về quản lý thuế', 2],
  ]);
  const industryCodes = Object.keys(vsicCodes);
  const industry = (code: string) => ({ code, name: vsicCodes[code] as string });
  let primaries = businesses.size - [...businesses.values()].filter((b) => b.kind === 'branch').length;

  while (primaries < count) {
    const form = kinds.pick(random);
    const representative = random.pick(people);
    const mainCode = random.pick(industryCodes);
    const others = [...new Set([mainCode, random.pick(industryCodes), random.pick(industryCodes)])];
    const headOffice = address(random, random.pick(communes));
    const foundingDate = isoDateBetween(random, '1995-01-01', '2025-10-31');
    const status = statuses.pick(random);

    if (form === 'householdBusiness') {
      if (businesses.has(representative.personalId)) continue;
      add({
        code: representative.personalId,
        kind: 'household-business',
        name: `HỘ KINH DOANH ${representative.fullName.toUpperCase()}`,
        legalForm: legalForms.householdBusiness,
        foundingDate,
        status,
        mainIndustry: industry(mainCode),
        industries: others.map(industry),
        headOffice,
        representatives: [representativeOf(representative, 'Chủ hộ kinh doanh')],
      });
      primaries += 1;
      continue;
    }

    const code = tenDigitTaxCode(random);
    if (businesses.has(code)) continue;
    const brand = `${random.pick(brandWords)} ${random.pick(brandWords)}`;
    const trade = random.pick(tradeWords);
    const name = `${companyPrefix[form]} ${trade.vi} ${brand}`.toUpperCase();
    const enterprise: Business = {
      code,
      kind: 'enterprise',
      name,
      foreignName: `${asciiFold(brand).toUpperCase()} ${trade.en} ${companySuffixEn[form]}`,
      shortName: `${asciiFold(brand).replace(/\s+/g, '').toUpperCase()} ${shortSuffix[form]}`.trim(),
      legalForm: legalForms[form],
      foundingDate,
      charterCapital: random.int(1, 2000) * 100_000_000,
      status,
      mainIndustry: industry(mainCode),
      industries: others.map(industry),
      headOffice,
      representatives: [representativeOf(representative, leaderTitle[form])],
    };
    add(enterprise);
    primaries += 1;
    if (form !== 'privateEnterprise' && random.chance(0.25)) {
      const branches = random.int(1, 3);
      for (let suffix = 1; suffix <= branches; suffix += 1) {
        const where = random.pick(communes);
        add(
          branchOf(
            enterprise,
            suffix,
            address(random, where),
            representativeOf(random.pick(people), 'Người đứng đầu chi nhánh'),
          ),
        );
      }
    }
  }
  return { businesses };
}

function fixtureBusinesses(communes: readonly CurrentCommune[], people: readonly Citizen[]): Business[] {
  const commune = (code: string): CurrentCommune => {
    const found = communes.find((c) => c.code === code);
    if (!found) throw new Error(`fixture commune ${code} is not in former Bình Dương`);
    return found;
  };
  const person = (id: string): Citizen => {
    const found = people.find((p) => p.personalId === id);
    if (!found) throw new Error('a fixture representative is missing from the synthetic citizens');
    return found;
  };
  const an = person('074095000123');
  const ngoc = person('079301001234');
  const thuDauMot = commune('25747');
  const diAn = commune('25942');
  const active: Business = {
    code: '3701234562',
    kind: 'enterprise',
    name: 'CÔNG TY CỔ PHẦN ĐẦU TƯ XÂY DỰNG PHÚ CƯỜNG',
    foreignName: 'PHU CUONG CONSTRUCTION INVESTMENT JOINT STOCK COMPANY',
    shortName: 'PHU CUONG JSC',
    legalForm: legalForms.jointStock,
    foundingDate: '2012-04-09',
    charterCapital: 25_000_000_000,
    status: 'Đang hoạt động',
    mainIndustry: { code: '4101', name: vsicCodes['4101'] as string },
    industries: ['4101', '4102', '7110'].map((code) => ({ code, name: vsicCodes[code] as string })),
    headOffice: fixedAddress('Số 26 đường Đoàn Trần Nghiệp, Khu phố 1', thuDauMot),
    representatives: [representativeOf(an, 'Tổng giám đốc')],
  };
  const dissolved: Business = {
    code: '3700987651',
    kind: 'enterprise',
    name: 'CÔNG TY TNHH THƯƠNG MẠI DỊCH VỤ HƯNG THỊNH PHÁT',
    foreignName: 'HUNG THINH PHAT TRADING SERVICE COMPANY LIMITED',
    shortName: 'HUNG THINH PHAT CO., LTD',
    legalForm: legalForms.multiMemberLlc,
    foundingDate: '2008-11-20',
    charterCapital: 3_000_000_000,
    status: 'Đã giải thể, phá sản, chấm dứt tồn tại',
    mainIndustry: { code: '4632', name: vsicCodes['4632'] as string },
    industries: [{ code: '4632', name: vsicCodes['4632'] as string }],
    headOffice: fixedAddress('Số 112 đường Lý Thường Kiệt, Khu phố Thống Nhất', diAn),
    representatives: [representativeOf(ngoc, 'Giám đốc')],
  };
  const branch = branchOf(
    active,
    1,
    fixedAddress('Số 5 đường Trần Hưng Đạo, Khu phố Nhị Đồng', diAn),
    representativeOf(ngoc, 'Người đứng đầu chi nhánh'),
  );
  return [active, branch, dissolved];
}

function branchOf(
  parent: Business,
  suffix: number,
  headOffice: BusinessAddress,
  head: Representative,
): Business {
  const place = headOffice.communeName.replace(/^(Phường|Xã)\s+/u, '').toUpperCase();
  return {
    code: `${parent.code}-${String(suffix).padStart(3, '0')}`,
    kind: 'branch',
    parentCode: parent.code,
    name: `CHI NHÁNH ${parent.name} TẠI ${place}`,
    ...(parent.foreignName ? { foreignName: `${parent.foreignName} - ${asciiFold(place)} BRANCH` } : {}),
    legalForm: legalForms.branch,
    foundingDate: parent.foundingDate,
    status: parent.status,
    mainIndustry: parent.mainIndustry,
    industries: parent.industries,
    headOffice,
    representatives: [head],
  };
}

function representativeOf(person: Citizen, position: string): Representative {
  return {
    fullName: person.fullName,
    position,
    personalId: person.personalId,
    birthDate: person.dateOfBirth,
    gender: person.sex === 'male' ? 'Nam' : 'Nữ',
    nationality: person.nationality,
  };
}

const hcmc = { provinceCode: '79', provinceName: 'Thành phố Hồ Chí Minh' };

function fixedAddress(street: string, commune: CurrentCommune): BusinessAddress {
  return {
    street,
    communeCode: commune.code,
    communeName: commune.name,
    ...hcmc,
    fullAddress: `${street}, ${commune.name}, ${hcmc.provinceName}, Việt Nam`,
  };
}

function address(random: SeededRandom, commune: CurrentCommune): BusinessAddress {
  const street = random.chance(0.7)
    ? `Số ${random.int(1, 300)} đường ${random.pick(streets)}, ${commune.name.startsWith('Xã') ? 'Ấp' : 'Khu phố'} ${random.int(1, 9)}`
    : `Lô ${random.pick(['A', 'B', 'C', 'D'])}${random.int(1, 40)}, Khu công nghiệp ${random.pick(industrialParks)}`;
  return fixedAddress(street, commune);
}

/** 10 digits: a province-of-registration prefix, 7 digits not all zero, then the check digit. */
function tenDigitTaxCode(random: SeededRandom): string {
  for (;;) {
    const prefix = random.chance(0.85) ? '37' : random.pick(['03', '01', '36', '38']);
    const middle = digits(random, 7);
    if (/^0{7}$/.test(middle)) continue;
    const check = taxCodeCheckDigit(prefix + middle);
    if (check !== null) return `${prefix}${middle}${check}`;
  }
}

const companyPrefix: Record<CompanyForm, string> = {
  oneMemberLlc: 'Công ty TNHH một thành viên',
  multiMemberLlc: 'Công ty TNHH',
  jointStock: 'Công ty cổ phần',
  partnership: 'Công ty hợp danh',
  privateEnterprise: 'Doanh nghiệp tư nhân',
};
const companySuffixEn: Record<keyof typeof companyPrefix, string> = {
  oneMemberLlc: 'ONE MEMBER COMPANY LIMITED',
  multiMemberLlc: 'COMPANY LIMITED',
  jointStock: 'JOINT STOCK COMPANY',
  partnership: 'PARTNERSHIP',
  privateEnterprise: 'PRIVATE ENTERPRISE',
};
const shortSuffix: Record<keyof typeof companyPrefix, string> = {
  oneMemberLlc: 'CO., LTD',
  multiMemberLlc: 'CO., LTD',
  jointStock: 'JSC',
  partnership: '',
  privateEnterprise: '',
};
const leaderTitle: Record<keyof typeof companyPrefix, string> = {
  oneMemberLlc: 'Giám đốc',
  multiMemberLlc: 'Giám đốc',
  jointStock: 'Tổng giám đốc',
  partnership: 'Thành viên hợp danh',
  privateEnterprise: 'Chủ doanh nghiệp',
};
const brandWords = [
  'Phú',
  'Hưng',
  'Thịnh',
  'Phát',
  'Minh',
  'An',
  'Bình',
  'Tân',
  'Thành',
  'Đạt',
  'Lộc',
  'Việt',
  'Hoà',
  'Nam',
  'Quang',
];
const tradeWords = [
  { vi: 'Thương mại Dịch vụ', en: 'TRADING SERVICE' },
  { vi: 'Xây dựng', en: 'CONSTRUCTION' },
  { vi: 'Sản xuất', en: 'MANUFACTURING' },
  { vi: 'Gỗ', en: 'WOOD' },
  { vi: 'Cơ khí', en: 'MECHANICAL' },
  { vi: 'Vận tải', en: 'TRANSPORT' },
  { vi: 'Bao bì', en: 'PACKAGING' },
  { vi: 'Đầu tư Bất động sản', en: 'REAL ESTATE INVESTMENT' },
];
const streets = [
  'Đại lộ Bình Dương',
  'Mỹ Phước - Tân Vạn',
  'Nguyễn Văn Tiết',
  'Yersin',
  'Phú Lợi',
  'ĐT743',
  'Trần Văn Ơn',
];
const industrialParks = [
  'VSIP',
  'Sóng Thần',
  'Mỹ Phước',
  'Đồng An',
  'Tân Đông Hiệp',
  'Nam Tân Uyên',
  'Bàu Bàng',
];

function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

function digits(random: SeededRandom, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += String(random.int(0, 9));
  return out;
}

function isoDateBetween(random: SeededRandom, from: string, to: string): string {
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / day);
  return new Date(start + random.int(0, days) * day).toISOString().slice(0, 10);
}
