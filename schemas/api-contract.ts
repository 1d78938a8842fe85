import { z } from 'zod';
import { adminOperations } from './admin-contract.js';
import { batchOperations } from './batch-contract.js';
import { subjectReportRequestSchema, subjectReportResponseSchema } from './audit.js';
import { businessLookupResponseSchema, businessPathSchema } from './business-records.js';
import { citizenLookupRequestSchema, citizenLookupResponseSchema } from './citizen-lookup.js';
import {
  citizenVerificationRequestSchema,
  citizenVerificationResponseSchema,
} from './citizen-verification.js';
import { dateOfBirthSchema } from './date-of-birth.js';
import { healthReportSchema } from './health.js';
import { oldIdCardNumberSchema, personalIdSchema } from './identifiers/personal-id.js';
import {
  certificateLookupResponseSchema,
  certificatePathSchema,
  parcelLookupResponseSchema,
} from './land-records.js';
import { certificateSerialSchema, parcelKeySchema } from './land.js';
import { fullNameSchema } from './names.js';
import { problemCatalogue, problemTypeUri, type ProblemKind } from './problem-types.js';
import type { Problem } from './problem.js';

/**
 * The public API's contract, one entry per operation: what `docs/openapi.json` (and the `/docs`
 * reference) is generated from. Every operation here is a route in `infra/routes.ts` and the other way
 * round (a unit test compares them). Examples use the sandbox fixtures of `local/registries`, so every
 * one of them works against `npm start` as written.
 */

export interface ApiExample {
  readonly summary: string;
  readonly description?: string;
  readonly value: unknown;
}

export interface ApiResponse {
  readonly description: string;
  /** `application/json` when omitted. */
  readonly mediaType?: string;
  /** The body's schema (as the gateway writes it); none for bodies that are not JSON. */
  readonly schema?: z.ZodType;
  /** Component name of `schema` in the generated document. */
  readonly schemaName?: string;
  readonly examples?: Record<string, ApiExample>;
}

export interface ApiOperation {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Resource path as in `infra/routes.ts`; `{name}` marks a path parameter. */
  readonly path: string;
  readonly summary: string;
  /** Markdown. */
  readonly description: string;
  readonly tags: readonly string[];
  /** `apiKey`: the caller's key in `x-api-key` (the gateway's authorizer); `public`: none. */
  readonly security: 'apiKey' | 'public';
  /** Personal-data operations carry the purpose envelope headers and are recorded in the access ledger. */
  readonly personalData: boolean;
  /**
   * The operation counts against the caller's per-second rate and daily quota: its successful answers
   * carry the RateLimit headers, and it may answer 429 `too-many-requests`.
   */
  readonly rateLimited?: boolean;
  /** One key per `{name}` in `path`. */
  readonly pathParameters?: z.ZodObject;
  readonly pathParameterExamples?: Record<string, string>;
  /** The query string the handler reads, with the schema it parses it with. */
  readonly queryParameters?: z.ZodObject;
  readonly requestBody?: {
    readonly description: string;
    readonly schema: z.ZodType;
    readonly schemaName: string;
    readonly examples: Record<string, ApiExample>;
  };
  /** Successful answers, by status. */
  readonly responses: Readonly<Record<number, ApiResponse>>;
  /** The problem+json answers the operation may give (kinds of `schemas/problem-types.ts`). */
  readonly problems: readonly ProblemKind[];
  /** Specific problem examples, by kind; a generic one is generated for the others. */
  readonly problemExamples?: Partial<Record<ProblemKind, Record<string, ApiExample>>>;
}

/** When each problem type is answered (from the catalogue, `schemas/problem-types.ts`). */
export const problemGuidance = Object.fromEntries(
  Object.entries(problemCatalogue).map(([kind, entry]) => [kind, entry.meaning]),
) as Record<ProblemKind, string>;

/**
 * Notes for schemas whose rules are code (refinements) and so do not show in JSON Schema: the generator
 * adds these keywords to the schema where it meets it. Only documentation: the zod schema decides.
 */
export const schemaNotes = new Map<z.ZodType, Record<string, unknown>>([
  [
    personalIdSchema,
    {
      description:
        'Personal id (số định danh cá nhân): 12 digits; digits 1–3 the province where the birth was registered, digit 4 century and sex, digits 5–6 the birth year.',
      pattern: '^[0-9]{12}$',
      maxLength: 12,
    },
  ],
  [
    oldIdCardNumberSchema,
    { description: 'Old identity card (CMND) number: 9 digits.', pattern: '^[0-9]{9}$', maxLength: 9 },
  ],
  [
    parcelKeySchema.shape.communeCode,
    {
      description:
        'Commune code (5 digits), of either era: a 2025 commune code is searched under each pre-2025 commune it was formed from.',
      pattern: '^[0-9]{5}$',
      maxLength: 5,
    },
  ],
  [
    certificateSerialSchema,
    {
      description:
        'Certificate serial (số phát hành): two letters and 6 or 8 digits, any case and spacing (`DA 12345678`, `da12345678`).',
    },
  ],
  [
    fullNameSchema,
    {
      description:
        'The full name as written, family name first (e.g. `Nguyễn Văn An`): 1–100 letters, spaces, hyphens, dots or apostrophes. Case, spacing and tone-mark placement do not decide a match.',
      minLength: 1,
      maxLength: 100,
    },
  ],
  [
    dateOfBirthSchema,
    {
      description:
        '`YYYY-MM-DD`, or `YYYY` for people whose birth is registered with a year only; 1900 or later, not in the future.',
      pattern: '^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$',
      maxLength: 10,
    },
  ],
]);

/** Purpose envelope headers, documented once and referenced by every personal-data operation. */
export const purposeEnvelopeHeaderDocs = {
  'x-officer-id': {
    description: 'The officer (mã cán bộ) making the request: 1–64 letters, digits or `. _ : / -`.',
    example: 'CB-0042',
  },
  'x-purpose': {
    description:
      'The public-service or procedure code (mã DVC/TTHC) the access is for: 1–64 letters, digits or `. _ : / -`.',
    example: '1.001234.000.00.00.H12',
  },
  'x-dossier-id': {
    description: 'The dossier (hồ sơ) the access belongs to, when there is one.',
    example: 'HS-2025-000123',
  },
} as const;

const exampleRequestId = 'c7d1f4e2-5b0a-4c1e-9f3a-2d8e6b7a9c10';
const exampleTime = '2025-07-01T09:30:00.000Z';

export function exampleProblem(
  kind: ProblemKind,
  status: number,
  title: string,
  extra: Partial<Problem> = {},
) {
  return {
    type: problemTypeUri(kind),
    title,
    status,
    requestId: exampleRequestId,
    ...extra,
  } satisfies Problem;
}

const an = { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' };

/** Nguyễn Văn An's permanent and current address, as the lookup answers it. */
const anAddress = {
  detail: 'Số 12 đường Yersin, Phường Thủ Dầu Một, Thành phố Hồ Chí Minh',
  country: 'Việt Nam',
  registryUnits: {
    era: '2025',
    province: { code: '79', name: 'Hồ Chí Minh' },
    commune: { code: '25747', name: 'Phường Thủ Dầu Một' },
  },
  currentUnits: [
    {
      commune: { code: '25747', name: 'Phường Thủ Dầu Một' },
      province: { code: '79', name: 'Hồ Chí Minh' },
      merge: 'unchanged',
    },
  ],
};

/** The sandbox's parcel 25747/12/345 and its certificate, as the land operations answer them. */
const exampleParcel = {
  commune: {
    former: { code: '25747', name: 'Phường Phú Cường', era: 'pre2025' },
    current: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
  },
  mapSheet: 12,
  parcelNumber: 345,
  address: 'Số 18 đường Yersin, Phường Phú Cường, Thành phố Thủ Dầu Một, Tỉnh Bình Dương',
  areaM2: 120.5,
  landUse: { code: 'ODT', meaning: 'Urban residential land' },
  term: 'Lâu dài',
  form: 'Sử dụng riêng',
  origin: 'Nhận chuyển nhượng đất được Nhà nước giao đất có thu tiền sử dụng đất',
  mapScale: '1:500',
};

const exampleCertificate = {
  serial: 'DA 12345678',
  issuedOn: '2024-10-15',
  issuedBy: 'Sở Tài nguyên và Môi trường tỉnh Bình Dương',
  signer: 'Phạm Quốc Trung',
  registryNumber: 'CS12345',
  dossierCode: 'H74.25747-2024-004521',
  barcode: '742574724004521',
  owners: [
    {
      fullName: 'Nguyễn Văn An',
      idDocument: { type: 'citizen-id', number: '074095000123' },
      address: 'Số 12 đường Yersin, Phường Thủ Dầu Một, Thành phố Hồ Chí Minh',
      nationality: 'Việt Nam',
    },
  ],
};

/** The sandbox's enterprise 3701234562, as the business lookup answers it. */
const exampleBusiness = {
  enterpriseCode: '3701234562',
  names: {
    vietnamese: 'CÔNG TY CỔ PHẦN ĐẦU TƯ XÂY DỰNG PHÚ CƯỜNG',
    foreign: 'PHU CUONG CONSTRUCTION INVESTMENT JOINT STOCK COMPANY',
    short: 'PHU CUONG JSC',
  },
  legalForm: { code: 'joint_stock_company', registryText: 'Công ty cổ phần' },
  foundedOn: '2012-04-09',
  charterCapitalVnd: 25_000_000_000,
  status: { code: 'active', registryText: 'Đang hoạt động' },
  headOffice: {
    street: 'Số 26 đường Đoàn Trần Nghiệp, Khu phố 1',
    fullAddress:
      'Số 26 đường Đoàn Trần Nghiệp, Khu phố 1, Phường Thủ Dầu Một, Thành phố Hồ Chí Minh, Việt Nam',
    registeredCommune: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
    current: {
      commune: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
      province: { code: '79', name: 'Thành phố Hồ Chí Minh' },
    },
  },
  representatives: [{ fullName: 'Nguyễn Văn An', role: 'Tổng giám đốc' }],
  businessLines: [
    { vsicCode: '4101', name: 'Xây dựng nhà để ở', main: true },
    { vsicCode: '4102', name: 'Xây dựng nhà không để ở', main: false },
    { vsicCode: '7110', name: 'Hoạt động kiến trúc và tư vấn kỹ thuật có liên quan', main: false },
  ],
};

const landFieldsDisclosed = ['owners.fullName', 'owners.idDocument', 'owners.address', 'owners.nationality'];

const personalDataUpstreamProblems: readonly ProblemKind[] = [
  'invalid-request',
  'unauthenticated',
  'forbidden',
  'upstream-failed',
  'upstream-unavailable',
  'ledger-unavailable',
  'upstream-timeout',
  'too-many-requests',
];

const documentationFile = z.object({
  // The one asset the page loads (functions/api-docs.ts); any other name is answered 404.
  file: z.enum(['rapidoc-min.js']).describe('A file of the reference page'),
});

export const apiOperations: readonly ApiOperation[] = [
  {
    operationId: 'getHealth',
    method: 'GET',
    path: '/v1/health',
    summary: 'Health of the gateway and its dependencies',
    description:
      'Probes each dependency (tables, registries) under its own deadline. Always 200: `status` is `ok` when every dependency is reachable, `degraded` otherwise. Public, carries no personal data.',
    tags: ['Operations'],
    security: 'public',
    personalData: false,
    responses: {
      200: {
        description: 'The state of each dependency',
        schema: healthReportSchema,
        schemaName: 'HealthReport',
        examples: {
          ok: {
            summary: 'Everything reachable',
            value: {
              status: 'ok',
              dependencies: {
                'table:ledger': { kind: 'store', reachable: true, latencyMs: 4 },
                'registry:population': { kind: 'registry', reachable: true, latencyMs: 12 },
              },
            },
          },
          degraded: {
            summary: 'A registry is unreachable',
            value: {
              status: 'degraded',
              dependencies: {
                'table:ledger': { kind: 'store', reachable: true, latencyMs: 4 },
                'registry:population': {
                  kind: 'registry',
                  reachable: false,
                  latencyMs: 2000,
                  detail: 'timeout',
                },
              },
            },
          },
        },
      },
    },
    problems: [],
  },
  {
    operationId: 'verifyCitizen',
    method: 'POST',
    path: '/v1/citizens/verify',
    summary: 'Verify that a personal id, full name and date of birth belong together',
    description: [
      'Asks the population registry whether the three facts belong to one citizen. The answer is graded per field and carries no personal data beyond what was sent.',
      '',
      'Personal data never goes in a URL: the facts travel in the JSON body. Every verification — also one the registry failed to answer — is recorded in the access ledger before the answer leaves; if the ledger cannot record it, the answer is 503 `ledger-unavailable` and nothing else.',
    ].join('\n'),
    tags: ['Citizens'],
    security: 'apiKey',
    personalData: true,
    rateLimited: true,
    requestBody: {
      description: 'The facts to verify',
      schema: citizenVerificationRequestSchema,
      schemaName: 'CitizenVerificationRequest',
      examples: {
        fullDate: { summary: 'A citizen with a full date of birth (sandbox: Nguyễn Văn An)', value: an },
        yearOnly: {
          summary: 'A citizen whose birth is registered with a year only (sandbox: Lê Thị Hoa)',
          value: { personalId: '074152000777', fullName: 'Lê Thị Hoa', dateOfBirth: '1952' },
        },
      },
    },
    responses: {
      200: {
        description: 'The registry answered; `match` says whether the facts belong together',
        schema: citizenVerificationResponseSchema,
        schemaName: 'CitizenVerificationResponse',
        examples: {
          match: {
            summary: 'All three facts match',
            value: {
              requestId: exampleRequestId,
              match: true,
              fields: { fullName: 'exact', dateOfBirth: 'match' },
              checkedAt: exampleTime,
            },
          },
          differentDate: {
            summary: 'The date of birth differs (sent 1995-03-16)',
            value: {
              requestId: exampleRequestId,
              match: false,
              fields: { fullName: 'exact', dateOfBirth: 'different' },
              checkedAt: exampleTime,
            },
          },
        },
      },
    },
    problems: personalDataUpstreamProblems,
    problemExamples: {
      'invalid-request': {
        personalIdLength: {
          summary: 'A personal id that is not 12 digits (sent "12345")',
          value: exampleProblem('invalid-request', 400, 'The request is not valid', {
            detail: 'Invalid request: personalId (length)',
            errors: [
              {
                field: 'personalId',
                rule: 'length',
                message: 'Personal id must be exactly 12 digits, not 5',
              },
            ],
          }),
        },
        missingPurpose: {
          summary: 'The purpose envelope lacks x-purpose',
          value: exampleProblem('invalid-request', 400, 'The request is not valid', {
            detail: 'Invalid request: header:x-purpose (required)',
            errors: [
              {
                field: 'header:x-purpose',
                rule: 'required',
                message:
                  'x-purpose is required: the public-service or procedure code (mã DVC/TTHC) the access is for',
              },
            ],
          }),
        },
      },
    },
  },
  {
    operationId: 'lookUpCitizen',
    method: 'POST',
    path: '/v1/citizens/lookup',
    summary: 'Look up a citizen’s record',
    description: [
      'The citizen’s record from the population registry, in English field names, named by personal id or by the old 9-digit identity card number. Only the fields the client’s policy allows are returned; `fieldsDisclosed` lists them (`personalId` is always there: the caller sent it).',
      '',
      'Addresses carry the registry’s own unit codes (of whichever era it recorded them in) and the 2025 communes they belong to now. The lookup is recorded in the access ledger, with the fields disclosed, before the answer leaves.',
    ].join('\n'),
    tags: ['Citizens'],
    security: 'apiKey',
    personalData: true,
    rateLimited: true,
    requestBody: {
      description: 'Either `personalId` or `oldIdNumber`',
      schema: citizenLookupRequestSchema,
      schemaName: 'CitizenLookupRequest',
      examples: {
        byPersonalId: {
          summary: 'By personal id (sandbox: Nguyễn Văn An)',
          value: { personalId: an.personalId },
        },
        byOldIdNumber: {
          summary: 'By old identity card number (sandbox: Nguyễn Văn An)',
          value: { oldIdNumber: '280912345' },
        },
      },
    },
    responses: {
      200: {
        description: 'The record, limited to the fields the client may see',
        schema: citizenLookupResponseSchema,
        schemaName: 'CitizenLookupResponse',
        examples: {
          defaultFields: {
            summary: 'Nguyễn Văn An with the default field set',
            value: {
              requestId: exampleRequestId,
              citizen: {
                personalId: an.personalId,
                name: { family: 'Nguyễn', middle: 'Văn', given: 'An', full: 'Nguyễn Văn An' },
                dateOfBirth: { value: '1995-03-15', precision: 'day' },
                sex: 'male',
                nationality: 'Việt Nam',
                addresses: {
                  permanent: anAddress,
                  current: anAddress,
                },
              },
              fieldsDisclosed: [
                'name',
                'dateOfBirth',
                'sex',
                'nationality',
                'addresses.permanent',
                'addresses.current',
              ],
              retrievedAt: exampleTime,
            },
          },
        },
      },
    },
    problems: [
      ...personalDataUpstreamProblems.slice(0, 3),
      'not-found',
      'upstream-rejected',
      ...personalDataUpstreamProblems.slice(3),
    ],
    problemExamples: {
      'not-found': {
        noSuchCitizen: {
          summary: 'The registry holds no citizen under that id',
          value: exampleProblem('not-found', 404, 'Not found', { detail: 'No citizen was found' }),
        },
      },
    },
  },
  {
    operationId: 'lookUpParcel',
    method: 'GET',
    path: '/v1/land/parcels/{communeCode}/{mapSheet}/{parcelNumber}',
    summary: 'Look up a land parcel and its certificates',
    description: [
      'The parcel (thửa đất) under a commune code, map sheet (tờ bản đồ) and parcel number (số thửa), with the land-use certificate(s) issued for it and their owners.',
      '',
      'Sheets and parcel numbers belong to the pre-2025 commune. A 2025 commune code is searched under each commune it was formed from, so the answer lists every parcel the key matched, each labelled with its former and current commune. Owners are personal data: the lookup is recorded in the access ledger, with the fields disclosed, before the answer leaves.',
    ].join('\n'),
    tags: ['Land'],
    security: 'apiKey',
    personalData: true,
    rateLimited: true,
    pathParameters: parcelKeySchema,
    pathParameterExamples: { communeCode: '25747', mapSheet: '12', parcelNumber: '345' },
    responses: {
      200: {
        description: 'Every parcel the key matched (none is a 404)',
        schema: parcelLookupResponseSchema,
        schemaName: 'ParcelLookupResponse',
        examples: {
          parcel: {
            summary: 'Sheet 12, parcel 345 of Phường Phú Cường (sandbox)',
            value: {
              requestId: exampleRequestId,
              query: { communeCode: '25747', mapSheet: 12, parcelNumber: 345 },
              parcels: [{ parcel: exampleParcel, certificates: [exampleCertificate] }],
              fieldsDisclosed: landFieldsDisclosed,
              retrievedAt: exampleTime,
            },
          },
        },
      },
    },
    problems: [
      ...personalDataUpstreamProblems.slice(0, 3),
      'not-found',
      'upstream-rejected',
      ...personalDataUpstreamProblems.slice(3),
    ],
  },
  {
    operationId: 'lookUpCertificate',
    method: 'GET',
    path: '/v1/land/certificates/{serial}',
    summary: 'Look up a land-use certificate and its parcel',
    description:
      'The land-use certificate (giấy chứng nhận) with the serial given, its owners and the parcel it was issued for. Owners are personal data: the lookup is recorded in the access ledger, with the fields disclosed, before the answer leaves.',
    tags: ['Land'],
    security: 'apiKey',
    personalData: true,
    rateLimited: true,
    pathParameters: certificatePathSchema,
    pathParameterExamples: { serial: 'DA12345678' },
    responses: {
      200: {
        description: 'The certificate and its parcel',
        schema: certificateLookupResponseSchema,
        schemaName: 'CertificateLookupResponse',
        examples: {
          certificate: {
            summary: 'Certificate DA 12345678 (sandbox)',
            value: {
              requestId: exampleRequestId,
              certificate: exampleCertificate,
              parcel: exampleParcel,
              fieldsDisclosed: landFieldsDisclosed,
              retrievedAt: exampleTime,
            },
          },
        },
      },
    },
    problems: [
      ...personalDataUpstreamProblems.slice(0, 3),
      'not-found',
      'upstream-rejected',
      ...personalDataUpstreamProblems.slice(3),
    ],
  },
  {
    operationId: 'lookUpBusiness',
    method: 'GET',
    path: '/v1/businesses/{enterpriseCode}',
    summary: 'Look up an enterprise, branch or household business',
    description: [
      'The record the national business registration system holds under an enterprise (tax) code: names, legal form and status (each a stable `code` plus the registry’s Vietnamese wording in `registryText`), founding date, charter capital, head office with the 2025 commune it lies in, representatives (name and role only) and VSIC business lines. A branch (`NNNNNNNNNN-NNN`; the dash may be left out) names its parent enterprise.',
      '',
      'Business records are public registry data: no purpose envelope, no access-ledger entry. Answers are cached for a configured time (one hour by default); `x-cache: hit|miss` says whether the registry was asked, and `Server-Timing` carries the registry’s time on a miss.',
    ].join('\n'),
    tags: ['Businesses'],
    security: 'apiKey',
    personalData: false,
    rateLimited: true,
    pathParameters: businessPathSchema,
    pathParameterExamples: { enterpriseCode: '3701234562' },
    responses: {
      200: {
        description: 'The business record',
        schema: businessLookupResponseSchema,
        schemaName: 'BusinessLookupResponse',
        examples: {
          enterprise: {
            summary: 'An active joint-stock company in Thủ Dầu Một (sandbox 3701234562)',
            value: { requestId: exampleRequestId, business: exampleBusiness, retrievedAt: exampleTime },
          },
        },
      },
    },
    problems: [
      'invalid-request',
      'unauthenticated',
      'forbidden',
      'not-found',
      'upstream-rejected',
      'upstream-failed',
      'upstream-unavailable',
      'upstream-timeout',
      'too-many-requests',
    ],
    problemExamples: {
      'invalid-request': {
        checksum: {
          summary: 'A code whose check digit is wrong (sent 3701234563)',
          value: exampleProblem('invalid-request', 400, 'The request is not valid', {
            detail: 'Invalid request: path:enterpriseCode (checksum)',
            errors: [
              {
                field: 'path:enterpriseCode',
                rule: 'checksum',
                message: 'Tax code check digit must be 2, not 3',
              },
            ],
          }),
        },
      },
    },
  },
  {
    operationId: 'reportSubjectAccesses',
    method: 'POST',
    path: '/v1/audit/subject-report',
    summary: 'Who accessed a citizen’s data',
    description: [
      'Every recorded access to the citizen’s personal data — verifications, lookups, land records naming them, earlier reports — oldest first: when, which client and officer, for which purpose (procedure code) and dossier, the operation, how it ended and which fields were disclosed. Refused and failed accesses are listed too.',
      '',
      'Needs the `audit:subject-report` scope. A report is itself an access to the citizen’s data: it carries the purpose envelope and is recorded in the access ledger (it shows in the next report). At most 100 accesses a page; `nextCursor` reads the next one.',
    ].join('\n'),
    tags: ['Audit'],
    security: 'apiKey',
    personalData: true,
    rateLimited: true,
    requestBody: {
      description: 'The citizen, and optionally a time range (ISO-8601, inclusive)',
      schema: subjectReportRequestSchema,
      schemaName: 'SubjectReportRequest',
      examples: {
        everything: {
          summary: 'Every access to Nguyễn Văn An’s data (sandbox)',
          value: { personalId: an.personalId },
        },
        range: {
          summary: 'Accesses in November 2026 (Vietnam time)',
          value: {
            personalId: an.personalId,
            from: '2026-11-01T00:00:00+07:00',
            to: '2026-11-30T23:59:59+07:00',
          },
        },
      },
    },
    responses: {
      200: {
        description: 'The accesses, oldest first',
        schema: subjectReportResponseSchema,
        schemaName: 'SubjectReportResponse',
        examples: {
          oneVerification: {
            summary: 'One verification of Nguyễn Văn An',
            value: {
              requestId: exampleRequestId,
              accesses: [
                {
                  recordedAt: exampleTime,
                  requestId: 'c0a8012e-7d1f-4f57-9a3b-2f6c1d5e8b90',
                  clientId: 'sandbox',
                  officerId: 'CB-0042',
                  purpose: '1.001234.000.00.00.H12',
                  operation: 'population:verify',
                  outcome: 'allowed',
                  fieldsDisclosed: [],
                },
              ],
              generatedAt: exampleTime,
            },
          },
        },
      },
    },
    problems: ['invalid-request', 'unauthenticated', 'forbidden', 'too-many-requests', 'ledger-unavailable'],
  },
  ...adminOperations,
  ...batchOperations,
  {
    operationId: 'getOpenApiDocument',
    method: 'GET',
    path: '/openapi.json',
    summary: 'This OpenAPI document',
    description:
      'The OpenAPI 3.1 description of the API, generated from the zod schemas the gateway validates with. `servers` names the address it was fetched from.',
    tags: ['Documentation'],
    security: 'public',
    personalData: false,
    responses: {
      200: {
        description: 'The OpenAPI document',
        schema: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
        schemaName: 'OpenApiDocument',
      },
    },
    problems: [],
  },
  {
    operationId: 'getApiReference',
    method: 'GET',
    path: '/docs',
    summary: 'The API reference page',
    description:
      'A page rendering this document (RapiDoc, served by the gateway itself: no internet needed).',
    tags: ['Documentation'],
    security: 'public',
    personalData: false,
    responses: { 200: { description: 'The reference page', mediaType: 'text/html' } },
    problems: [],
  },
  {
    operationId: 'getQuickstart',
    method: 'GET',
    path: '/docs/quickstart',
    summary: 'The quickstart page',
    description:
      'A first session with the sandbox, step by step with curl and with the typed TypeScript client: verify a citizen, look up a business and a parcel, submit a batch and read its results.',
    tags: ['Documentation'],
    security: 'public',
    personalData: false,
    responses: { 200: { description: 'The quickstart page', mediaType: 'text/html' } },
    problems: [],
  },
  {
    operationId: 'getErrorCatalogue',
    method: 'GET',
    path: '/docs/errors',
    summary: 'The error catalogue page',
    description:
      'Every problem `type` the gateway answers with: its status, what it means and what the caller should do. Each type has an anchor (`/docs/errors#not-found`).',
    tags: ['Documentation'],
    security: 'public',
    personalData: false,
    responses: { 200: { description: 'The error catalogue page', mediaType: 'text/html' } },
    problems: [],
  },
  {
    operationId: 'getApiReferenceAsset',
    method: 'GET',
    path: '/docs/assets/{file}',
    summary: 'A file of the API reference page',
    description: 'The renderer script the reference page loads.',
    tags: ['Documentation'],
    security: 'public',
    personalData: false,
    pathParameters: documentationFile,
    pathParameterExamples: { file: 'rapidoc-min.js' },
    responses: { 200: { description: 'The file', mediaType: 'text/javascript' } },
    problems: ['not-found'],
  },
];
