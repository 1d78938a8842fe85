import { adminUnitByCode, currentCommuneOf } from '../../schemas/admin-units/index.js';
import { provinceOf } from '../../schemas/admin-units/provinces.js';
import {
  businessRecordSchema,
  enterpriseStatusOf,
  legalFormOf,
  type BusinessRecord,
  type HeadOffice,
} from '../../schemas/business-records.js';
import { enterpriseCodeSchema } from '../../schemas/identifiers/tax-code.js';

/**
 * The business registry's ChiTietDoanhNghiep document → the gateway's English business record.
 * Nothing of the registry's vocabulary is visible past this file, and nothing of a representative
 * but name and role. The record is checked against `schemas/business-records.ts` on the way out; a
 * document that does not fit is the registry's failure (a `ZodError`, reported by the caller).
 */

export interface ChiTietDoanhNghiep {
  MainInformation?: {
    EnterpriseCode?: string;
    ParentEnterpriseCode?: string;
    Name?: string;
    ForeignName?: string;
    ShortName?: string;
    LegalForm?: string;
    FoundingDate?: string;
    CharterCapital?: number | string;
    Status?: string;
    MainBusiness?: { VsicCode?: string; Name?: string };
  };
  HOAddress?: {
    AddressLine?: string;
    WardCode?: string;
    WardName?: string;
    ProvinceCode?: string;
    ProvinceName?: string;
    Country?: string;
    FullAddress?: string;
  };
  Representatives?: { FullName?: string; Position?: string }[];
  BusinessLines?: { VsicCode?: string; Name?: string; IsMain?: boolean }[];
}

export function businessRecordOf(document: ChiTietDoanhNghiep): BusinessRecord {
  const main = document.MainInformation ?? {};
  const parent = main.ParentEnterpriseCode;
  const mainVsic = main.MainBusiness?.VsicCode;
  return businessRecordSchema.parse({
    enterpriseCode: enterpriseCodeSchema.parse(main.EnterpriseCode),
    ...(parent ? { parentEnterpriseCode: enterpriseCodeSchema.parse(parent) } : {}),
    names: {
      vietnamese: main.Name,
      ...(main.ForeignName ? { foreign: main.ForeignName } : {}),
      ...(main.ShortName ? { short: main.ShortName } : {}),
    },
    legalForm: { code: legalFormOf(main.LegalForm ?? ''), registryText: main.LegalForm },
    foundedOn: main.FoundingDate,
    ...(main.CharterCapital === undefined || main.CharterCapital === ''
      ? {}
      : { charterCapitalVnd: Number(main.CharterCapital) }),
    status: { code: enterpriseStatusOf(main.Status ?? ''), registryText: main.Status },
    headOffice: headOfficeOf(document.HOAddress ?? {}),
    representatives: (document.Representatives ?? []).map((representative) => ({
      fullName: representative.FullName,
      role: representative.Position,
    })),
    businessLines: (document.BusinessLines ?? []).map((line) => ({
      vsicCode: line.VsicCode,
      name: line.Name,
      main: line.IsMain ?? line.VsicCode === mainVsic,
    })),
  });
}

/**
 * The head office with its commune in the era its code belongs to, and the 2025 commune it lies in.
 * Many 2025 communes reuse a predecessor's code, so the code alone does not say its era: the
 * province code (or, without one, the ward's name) decides; a pre-2025 commune is carried forward
 * with the 2025 mapping.
 */
export function headOfficeOf(address: NonNullable<ChiTietDoanhNghiep['HOAddress']>): HeadOffice {
  const code = address.WardCode ?? '';
  const current = adminUnitByCode(code, '2025');
  const former = adminUnitByCode(code, 'pre2025');
  const is2025 = current !== undefined && (former === undefined || eraMatches(current, address));
  const registered = is2025 ? current : former;
  const successors = is2025 ? [] : currentCommuneOf(code);
  const now = is2025 ? current : successors.length === 1 ? successors[0]?.commune : undefined;
  return {
    street: address.AddressLine ?? '',
    fullAddress: address.FullAddress ?? address.AddressLine ?? '',
    registeredCommune: {
      code,
      name: registered?.fullName ?? address.WardName ?? '',
      era: is2025 || registered === undefined ? '2025' : 'pre2025',
    },
    ...(now
      ? {
          current: {
            commune: { code: now.code, name: now.fullName, era: '2025' as const },
            province: { code: now.provinceCode, name: provinceOf(now.provinceCode, '2025')?.fullName ?? '' },
          },
        }
      : {}),
  };
}

function eraMatches(
  current: { provinceCode: string; fullName: string },
  address: NonNullable<ChiTietDoanhNghiep['HOAddress']>,
): boolean {
  if (address.ProvinceCode) return address.ProvinceCode === current.provinceCode;
  if (address.WardName) return address.WardName.normalize('NFC') === current.fullName.normalize('NFC');
  return true;
}
