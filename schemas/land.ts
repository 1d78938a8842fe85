import { z } from 'zod';
import { addRuleIssue } from './rule-issue.js';

/**
 * Land identifiers. A parcel (thửa đất) is keyed by commune code, map sheet (tờ bản đồ) and parcel
 * number (số thửa); sheet and parcel numbering belong to the pre-2025 commune, so the commune code is
 * only checked for shape here (a 2025 code can cover several old numberings).
 */

const maxParcelNumber = 99_999_999;
/** Room for 8 digits with leading zeros and surrounding spaces, which are trimmed. */
const maxNumberTextLength = 16;
/** Room for the 10 characters of a serial with any spacing between them. */
const maxSerialTextLength = 32;

/** A positive integer given as a number or a string of digits (upstream XML carries strings). */
function positiveIntegerSchema(label: string) {
  return z
    .union(
      [
        z.number(),
        // The pattern states what the transform below checks, for the OpenAPI document.
        z.string().max(maxNumberTextLength).meta({ pattern: '^\\s*[0-9]+\\s*$' }),
      ],
      { error: `${label} must be a positive integer` },
    )
    .transform((input, ctx) => {
      const text = typeof input === 'number' ? String(input) : input.trim();
      if (!/^\d+$/.test(text)) {
        addRuleIssue(ctx, { rule: 'format', message: `${label} must be a positive integer` });
        return z.NEVER;
      }
      const value = Number(text);
      if (value < 1 || value > maxParcelNumber) {
        addRuleIssue(ctx, { rule: 'range', message: `${label} must be between 1 and ${maxParcelNumber}` });
        return z.NEVER;
      }
      return value;
    });
}

export const parcelKeySchema = z.object({
  communeCode: z.string({ error: 'communeCode must be a string' }).superRefine((code, ctx) => {
    if (!/^\d{5}$/.test(code)) {
      addRuleIssue(ctx, { rule: 'format', message: 'Commune code must be exactly 5 digits' });
    }
  }),
  mapSheet: positiveIntegerSchema('Map sheet number'),
  parcelNumber: positiveIntegerSchema('Parcel number'),
});

export type ParcelKey = z.infer<typeof parcelKeySchema>;

/**
 * Land-use certificate serial (số phát hành): two Vietnamese capital letters then 8 digits (since
 * 1 August 2024, Circular 10/2024/TT-BTNMT) or 6 digits (older certificates). Input may use any case
 * and spacing ("da12345678", "DA 123 456 78"); the canonical form is the letters, one space, the
 * digits: `DA 12345678`, `BĐ 123456`.
 */
export const certificateSerialSchema = z
  .string({ error: 'certificateSerial must be a string' })
  .max(maxSerialTextLength, `certificateSerial must be at most ${maxSerialTextLength} characters`)
  .transform((input, ctx) => {
    // Ð (U+00D0, Icelandic eth) is a common keyboard stand-in for Đ.
    const compact = input.normalize('NFC').replace(/\s+/gu, '').toUpperCase().replaceAll('Ð', 'Đ');
    const match = /^([A-ZĐ]{2})(\d+)$/u.exec(compact);
    if (!match) {
      addRuleIssue(ctx, {
        rule: 'format',
        message: 'Certificate serial must be two letters followed by 6 or 8 digits, e.g. DA 12345678',
      });
      return z.NEVER;
    }
    const [, letters = '', digits = ''] = match;
    if (digits.length !== 6 && digits.length !== 8) {
      addRuleIssue(ctx, {
        rule: 'length',
        message: `Certificate serial must have 6 or 8 digits after the letters, not ${digits.length}`,
      });
      return z.NEVER;
    }
    return `${letters} ${digits}`;
  });

export type CertificateSerial = z.infer<typeof certificateSerialSchema>;

/** Land-use type codes (mã loại đất) the gateway knows, with their meaning. */
export const landUseTypes = {
  ONT: { en: 'Rural residential land', vi: 'Đất ở tại nông thôn' },
  ODT: { en: 'Urban residential land', vi: 'Đất ở tại đô thị' },
  LUC: { en: 'Specialised wet rice land', vi: 'Đất chuyên trồng lúa' },
  HNK: { en: 'Land for annual crops other than rice', vi: 'Đất trồng cây hàng năm khác' },
  CLN: { en: 'Land for perennial crops', vi: 'Đất trồng cây lâu năm' },
  RSX: { en: 'Production forest land', vi: 'Đất rừng sản xuất' },
  NTS: { en: 'Aquaculture land', vi: 'Đất nuôi trồng thủy sản' },
  SKC: { en: 'Non-agricultural production and business land', vi: 'Đất cơ sở sản xuất phi nông nghiệp' },
  TMD: { en: 'Commercial and service land', vi: 'Đất thương mại, dịch vụ' },
  DGT: { en: 'Transport land', vi: 'Đất công trình giao thông' },
  BCS: { en: 'Unused flat land', vi: 'Đất bằng chưa sử dụng' },
} as const;

export type LandUseType = keyof typeof landUseTypes;

const landUseTypeCodes = Object.keys(landUseTypes) as [LandUseType, ...LandUseType[]];

/** A known land-use type code; lower case and surrounding spaces are accepted and normalised. */
export const landUseTypeSchema = z
  .string({ error: 'landUseType must be a string' })
  .transform((input, ctx): LandUseType => {
    const code = input.trim().toUpperCase();
    if (!(landUseTypeCodes as string[]).includes(code)) {
      addRuleIssue(ctx, {
        rule: 'unknown_land_use_type',
        message: `Land-use type must be one of ${landUseTypeCodes.join(', ')}`,
      });
      return z.NEVER;
    }
    return code as LandUseType;
  });
