import { z } from 'zod';

const codeLike = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
/** The length `codeLike` allows, stated for the OpenAPI document (the regular expression enforces it). */
const codeLikeLength = { maxLength: 64 };

/**
 * Headers every personal-data call carries: who asks (the officer) and why (the procedure code).
 * Header names are lower-case, as API Gateway and the local gateway normalise them.
 */
export const purposeEnvelopeHeadersSchema = z.object({
  'x-officer-id': z
    .string({ error: 'x-officer-id is required: the id of the officer (mã cán bộ) making the request' })
    .regex(codeLike, { error: 'x-officer-id must be 1–64 letters, digits or . _ : / -' })
    .meta(codeLikeLength),
  'x-purpose': z
    .string({
      error: 'x-purpose is required: the public-service or procedure code (mã DVC/TTHC) the access is for',
    })
    .regex(codeLike, { error: 'x-purpose must be 1–64 letters, digits or . _ : / -' })
    .meta(codeLikeLength),
  'x-dossier-id': z
    .string()
    .regex(codeLike, { error: 'x-dossier-id must be 1–64 letters, digits or . _ : / -' })
    .meta(codeLikeLength)
    .optional(),
});

export type PurposeEnvelopeHeaders = z.infer<typeof purposeEnvelopeHeadersSchema>;
