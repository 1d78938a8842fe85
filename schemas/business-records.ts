import { z } from 'zod';
import { enterpriseCodeSchema } from './identifiers/tax-code.js';
import { communeRefSchema } from './land-records.js';

/**
 * Business records in the gateway's English schema: what the national business registration system
 * answers about an enterprise, a branch or a household business, once the adapter has translated it.
 * Status and legal form are stable codes clients may branch on, each with the registry's own
 * Vietnamese wording beside it (`registryText`), which is what officers and citizens recognise.
 */

/** Foldable form of registry wording: NFC, lower case, one space; "TNHH" spelled out. */
export function normaliseRegistryText(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/\btnhh\b/gu, 'trách nhiệm hữu hạn');
}

/** The six official status strings of the business registration system, by stable code. */
export const enterpriseStatusWording = {
  active: 'Đang hoạt động',
  suspended: 'Tạm ngừng kinh doanh',
  not_operating_at_registered_address: 'Không còn hoạt động kinh doanh tại địa chỉ đã đăng ký',
  dissolving: 'Đang làm thủ tục giải thể, đã bị chia, bị hợp nhất, bị sáp nhập',
  dissolved: 'Đã giải thể, phá sản, chấm dứt tồn tại',
  registration_revoked: 'Bị thu hồi GCNĐKDN do cưỡng chế về quản lý thuế',
} as const;

/** `unknown`: the registry used wording the gateway does not know yet; `registryText` still carries it. */
export const enterpriseStatusCodes = [
  'active',
  'suspended',
  'not_operating_at_registered_address',
  'dissolving',
  'dissolved',
  'registration_revoked',
  'unknown',
] as const satisfies readonly (keyof typeof enterpriseStatusWording | 'unknown')[];
export type EnterpriseStatusCode = (typeof enterpriseStatusCodes)[number];

/** Legal forms (loại hình) of the Enterprise Law, plus branches and household businesses. */
export const legalFormWording = {
  single_member_llc: 'Công ty trách nhiệm hữu hạn một thành viên',
  multi_member_llc: 'Công ty trách nhiệm hữu hạn hai thành viên trở lên',
  joint_stock_company: 'Công ty cổ phần',
  partnership: 'Công ty hợp danh',
  private_enterprise: 'Doanh nghiệp tư nhân',
  branch: 'Chi nhánh',
  household_business: 'Hộ kinh doanh',
} as const;

export const legalFormCodes = [
  'single_member_llc',
  'multi_member_llc',
  'joint_stock_company',
  'partnership',
  'private_enterprise',
  'branch',
  'household_business',
  'unknown',
] as const satisfies readonly (keyof typeof legalFormWording | 'unknown')[];
export type LegalFormCode = (typeof legalFormCodes)[number];

function codeOfWording<C extends string>(wording: Record<C, string>, text: string): C | 'unknown' {
  const wanted = normaliseRegistryText(text);
  const found = (Object.entries(wording) as [C, string][]).find(
    ([, known]) => normaliseRegistryText(known) === wanted,
  );
  return found ? found[0] : 'unknown';
}

/** The stable code of a registry status string (case, Unicode form and spacing do not matter). */
export function enterpriseStatusOf(registryText: string): EnterpriseStatusCode {
  return codeOfWording(enterpriseStatusWording, registryText);
}

/** The stable code of a registry legal form ("Công ty TNHH một thành viên" is the long form too). */
export function legalFormOf(registryText: string): LegalFormCode {
  return codeOfWording(legalFormWording, registryText);
}

const coded = <C extends readonly [string, ...string[]]>(codes: C) =>
  z.object({
    code: z.enum(codes),
    /** The registry's own wording, unchanged. */
    registryText: z.string(),
  });

export const headOfficeSchema = z.object({
  /** Street, number and hamlet as registered. */
  street: z.string(),
  /** The whole address as the registry writes it. */
  fullAddress: z.string(),
  /** The commune the registry names, in the era its code belongs to. */
  registeredCommune: communeRefSchema,
  /**
   * The commune the address lies in since 1 July 2025, with its province. Absent only when the
   * registered commune is unknown or was split, so its code alone does not say which successor.
   */
  current: z
    .object({
      commune: communeRefSchema.extend({ era: z.literal('2025') }),
      province: z.object({ code: z.string(), name: z.string() }),
    })
    .optional(),
});

/**
 * A representative as the public record shows them: name and role. Their personal id, date of birth,
 * gender and nationality, which the registry also sends, are personal data the purpose of a business
 * lookup does not need (minimisation): the adapter drops them.
 */
export const representativeSchema = z.object({
  fullName: z.string(),
  /** As registered, e.g. "Tổng giám đốc", "Người đứng đầu chi nhánh". */
  role: z.string(),
});

export const businessLineSchema = z.object({
  vsicCode: z.string().regex(/^\d{4,5}$/u),
  name: z.string(),
  main: z.boolean(),
});

export const businessRecordSchema = z.object({
  enterpriseCode: z.string().describe('Canonical: 10 digits, NNNNNNNNNN-NNN for a branch, or 12 digits'),
  /** For a branch or dependent unit: the enterprise it belongs to. */
  parentEnterpriseCode: z.string().optional(),
  names: z.object({
    vietnamese: z.string(),
    foreign: z.string().optional(),
    short: z.string().optional(),
  }),
  legalForm: coded(legalFormCodes),
  foundedOn: z.iso.date(),
  charterCapitalVnd: z.number().nonnegative().optional(),
  status: coded(enterpriseStatusCodes),
  headOffice: headOfficeSchema,
  representatives: z.array(representativeSchema),
  businessLines: z.array(businessLineSchema),
});

export type HeadOffice = z.infer<typeof headOfficeSchema>;
export type Representative = z.infer<typeof representativeSchema>;
export type BusinessLine = z.infer<typeof businessLineSchema>;
export type BusinessRecord = z.infer<typeof businessRecordSchema>;

/** Path parameters of `GET /v1/businesses/{enterpriseCode}`. */
export const businessPathSchema = z.object({ enterpriseCode: enterpriseCodeSchema });

/** `GET /v1/businesses/{enterpriseCode}`. */
export const businessLookupResponseSchema = z.object({
  requestId: z.string(),
  business: businessRecordSchema,
  /** When the gateway got the record from the registry (earlier than now when answered from cache). */
  retrievedAt: z.iso.datetime(),
});
export type BusinessLookupResponse = z.infer<typeof businessLookupResponseSchema>;
