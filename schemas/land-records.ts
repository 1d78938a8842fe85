import { z } from 'zod';
import { certificateSerialSchema, parcelKeySchema } from './land.js';

/**
 * Land records in the gateway's English schema: what the land registry answers about a parcel and its
 * land-use certificate, once the adapter has translated it. Parcels are numbered within their
 * pre-2025 commune; each record names that commune and the 2025 commune it belongs to now.
 */

/** An administrative unit as a land record names it, with the era its code belongs to. */
export const communeRefSchema = z.object({
  code: z.string().describe('5-digit commune code'),
  name: z.string().describe('Full name, e.g. "Phường Phú Thọ"'),
  era: z.enum(['pre2025', '2025']),
});

export const parcelSchema = z.object({
  commune: z.object({
    /** The pre-2025 commune whose map sheets and numbering the parcel belongs to. */
    former: communeRefSchema.extend({ era: z.literal('pre2025') }),
    /** The commune the parcel belongs to since 1 July 2025. */
    current: communeRefSchema.extend({ era: z.literal('2025') }),
  }),
  mapSheet: z.number().int().positive(),
  parcelNumber: z.number().int().positive(),
  address: z.string(),
  areaM2: z.number().nonnegative(),
  landUse: z.object({
    code: z.string().describe('Land-use type code (mã loại đất), e.g. ODT, CLN'),
    meaning: z.string(),
  }),
  /** Term of use as registered, e.g. "Lâu dài" (long-term) or an end date. */
  term: z.string(),
  /** Form of use (individual, shared), as registered. */
  form: z.string(),
  /** Origin of the land-use right, as registered. */
  origin: z.string(),
  mapScale: z.string().describe('e.g. "1:500"'),
});

export const idDocumentTypes = ['citizen-id', 'identity-card', 'passport', 'other'] as const;

const landUserShape = {
  fullName: z.string(),
  idDocument: z.object({ type: z.enum(idDocumentTypes), number: z.string() }),
  address: z.string(),
  nationality: z.string(),
};

export const landOwnerSchema = z.object({
  ...landUserShape,
  /** Named on the certificate with the owner when the right is held by a married couple. */
  spouse: z.object(landUserShape).optional(),
});

export const certificateSchema = z.object({
  serial: z.string().describe('Canonical form, e.g. "DA 12345678"'),
  issuedOn: z.iso.date(),
  issuedBy: z.string(),
  signer: z.string(),
  registryNumber: z.string().describe('Số vào sổ cấp GCN, e.g. CS12345'),
  dossierCode: z.string(),
  barcode: z.string(),
  owners: z.array(landOwnerSchema),
});

export type CommuneRef = z.infer<typeof communeRefSchema>;
export type Parcel = z.infer<typeof parcelSchema>;
export type LandOwner = z.infer<typeof landOwnerSchema>;
export type Certificate = z.infer<typeof certificateSchema>;

/** A parcel with the certificate(s) issued for it. */
export const parcelRecordSchema = z.object({
  parcel: parcelSchema,
  certificates: z.array(certificateSchema),
});
export type ParcelRecord = z.infer<typeof parcelRecordSchema>;

/** A certificate with the parcel it was issued for. */
export const certificateRecordSchema = z.object({ certificate: certificateSchema, parcel: parcelSchema });
export type CertificateRecord = z.infer<typeof certificateRecordSchema>;

/** Names of the personal-data fields a land answer can disclose (for the access ledger). */
export const landPersonalFields = [
  'owners.fullName',
  'owners.idDocument',
  'owners.address',
  'owners.nationality',
  'owners.spouse',
] as const;
export type LandPersonalField = (typeof landPersonalFields)[number];

/** GET /v1/land/parcels/{communeCode}/{mapSheet}/{parcelNumber}: every parcel the key matched. */
export const parcelLookupResponseSchema = z.object({
  requestId: z.string(),
  query: z.object({ communeCode: z.string(), mapSheet: z.number(), parcelNumber: z.number() }),
  /** One entry per pre-2025 numbering the key matched, each labelled with its former and current commune. */
  parcels: z.array(parcelRecordSchema),
  fieldsDisclosed: z.array(z.enum(landPersonalFields)),
  retrievedAt: z.iso.datetime(),
});

/** GET /v1/land/certificates/{serial}: the certificate, its parcel and owners. */
export const certificateLookupResponseSchema = certificateRecordSchema.extend({
  requestId: z.string(),
  fieldsDisclosed: z.array(z.enum(landPersonalFields)),
  retrievedAt: z.iso.datetime(),
});

export type ParcelLookupResponse = z.infer<typeof parcelLookupResponseSchema>;
export type CertificateLookupResponse = z.infer<typeof certificateLookupResponseSchema>;

/** Path parameters of the certificate route. */
export const certificatePathSchema = z.object({ serial: certificateSerialSchema });
export { parcelKeySchema };
