/**
 * The API's types, generated from docs/openapi.json by openapi-typescript (`npm run openapi`).
 * Do not edit: a unit test fails while this file is stale.
 */

export interface paths {
  '/v1/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Health of the gateway and its dependencies
     * @description Probes each dependency (tables, registries) under its own deadline. Always 200: `status` is `ok` when every dependency is reachable, `degraded` otherwise. Public, carries no personal data.
     */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/citizens/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify that a personal id, full name and date of birth belong together
     * @description Asks the population registry whether the three facts belong to one citizen. The answer is graded per field and carries no personal data beyond what was sent.
     *
     *     Personal data never goes in a URL: the facts travel in the JSON body. Every verification — also one the registry failed to answer — is recorded in the access ledger before the answer leaves; if the ledger cannot record it, the answer is 503 `ledger-unavailable` and nothing else.
     */
    post: operations['verifyCitizen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/citizens/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Look up a citizen’s record
     * @description The citizen’s record from the population registry, in English field names, named by personal id or by the old 9-digit identity card number. Only the fields the client’s policy allows are returned; `fieldsDisclosed` lists them (`personalId` is always there: the caller sent it).
     *
     *     Addresses carry the registry’s own unit codes (of whichever era it recorded them in) and the 2025 communes they belong to now. The lookup is recorded in the access ledger, with the fields disclosed, before the answer leaves.
     */
    post: operations['lookUpCitizen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/land/parcels/{communeCode}/{mapSheet}/{parcelNumber}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Look up a land parcel and its certificates
     * @description The parcel (thửa đất) under a commune code, map sheet (tờ bản đồ) and parcel number (số thửa), with the land-use certificate(s) issued for it and their owners.
     *
     *     Sheets and parcel numbers belong to the pre-2025 commune. A 2025 commune code is searched under each commune it was formed from, so the answer lists every parcel the key matched, each labelled with its former and current commune. Owners are personal data: the lookup is recorded in the access ledger, with the fields disclosed, before the answer leaves.
     */
    get: operations['lookUpParcel'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/land/certificates/{serial}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Look up a land-use certificate and its parcel
     * @description The land-use certificate (giấy chứng nhận) with the serial given, its owners and the parcel it was issued for. Owners are personal data: the lookup is recorded in the access ledger, with the fields disclosed, before the answer leaves.
     */
    get: operations['lookUpCertificate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/businesses/{enterpriseCode}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Look up an enterprise, branch or household business
     * @description The record the national business registration system holds under an enterprise (tax) code: names, legal form and status (each a stable `code` plus the registry’s Vietnamese wording in `registryText`), founding date, charter capital, head office with the 2025 commune it lies in, representatives (name and role only) and VSIC business lines. A branch (`NNNNNNNNNN-NNN`; the dash may be left out) names its parent enterprise.
     *
     *     Business records are public registry data: no purpose envelope, no access-ledger entry. Answers are cached for a configured time (one hour by default); `x-cache: hit|miss` says whether the registry was asked, and `Server-Timing` carries the registry’s time on a miss.
     */
    get: operations['lookUpBusiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/subject-report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Who accessed a citizen’s data
     * @description Every recorded access to the citizen’s personal data — verifications, lookups, land records naming them, earlier reports — oldest first: when, which client and officer, for which purpose (procedure code) and dossier, the operation, how it ended and which fields were disclosed. Refused and failed accesses are listed too.
     *
     *     Needs the `audit:subject-report` scope. A report is itself an access to the citizen’s data: it carries the purpose envelope and is recorded in the access ledger (it shows in the next report). At most 100 accesses a page; `nextCursor` reads the next one.
     */
    post: operations['reportSubjectAccesses'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List clients
     * @description Every client with its status and policy (no keys).
     *
     *     Needs the `admin` scope (403 otherwise). Changes reach the authorizer within its cache time: at most 60 s on AWS (API Gateway caches each key’s answer), at once locally.
     */
    get: operations['listClients'];
    put?: never;
    /**
     * Register a client
     * @description A new client (a provincial application or a developer) with its unit and policy: scopes, the citizen fields it may receive, the purposes (procedure codes) it may state, its rate limit and daily quota. It has no key yet: issue one with `POST /v1/admin/clients/{clientId}/keys`.
     *
     *     Needs the `admin` scope (403 otherwise). Changes reach the authorizer within its cache time: at most 60 s on AWS (API Gateway caches each key’s answer), at once locally.
     */
    post: operations['createClient'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/clients/{clientId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Show a client and its keys
     * @description The client and each of its keys by key id, status and label. Keys themselves are never shown again after they are issued.
     *
     *     Needs the `admin` scope (403 otherwise). Changes reach the authorizer within its cache time: at most 60 s on AWS (API Gateway caches each key’s answer), at once locally.
     */
    get: operations['showClient'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/clients/{clientId}/policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace a client’s policy
     * @description The whole policy: scopes, fields, purposes, rate limit and quota.
     *
     *     Needs the `admin` scope (403 otherwise). Changes reach the authorizer within its cache time: at most 60 s on AWS (API Gateway caches each key’s answer), at once locally.
     */
    put: operations['setClientPolicy'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/clients/{clientId}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Disable a client
     * @description Every request with any of the client’s keys is refused with 403 `forbidden`; its keys are kept and work again once it is enabled.
     *
     *     Needs the `admin` scope (403 otherwise). Changes reach the authorizer within its cache time: at most 60 s on AWS (API Gateway caches each key’s answer), at once locally.
     */
    post: operations['disableClient'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/clients/{clientId}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Enable a client again
     * @description Its keys that are not revoked work again.
     *
     *     Needs the `admin` scope (403 otherwise). Changes reach the authorizer within its cache time: at most 60 s on AWS (API Gateway caches each key’s answer), at once locally.
     */
    post: operations['enableClient'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/clients/{clientId}/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Issue an API key
     * @description A new random key `lt_<keyId>_<secret>` for the client, answered **once**: the gateway stores only the keyed hash (HMAC-SHA-256 with a secret pepper) of its secret. A client may hold several keys, to rotate them: issue a new one, switch, revoke the old one. The body (an optional label) may be left out.
     *
     *     Needs the `admin` scope (403 otherwise). Changes reach the authorizer within its cache time: at most 60 s on AWS (API Gateway caches each key’s answer), at once locally.
     */
    post: operations['issueApiKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/clients/{clientId}/keys/{keyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key
     * @description The key is refused with 401 `unauthenticated` from then on (within the authorizer’s cache time). Revoking a revoked key changes nothing.
     *
     *     Needs the `admin` scope (403 otherwise). Changes reach the authorizer within its cache time: at most 60 s on AWS (API Gateway caches each key’s answer), at once locally.
     */
    delete: operations['revokeApiKey'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/batches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit a batch of lookups
     * @description Up to 10,000 items, each a citizen verification (`citizen-verify`), citizen lookup (`citizen-lookup`), business lookup (`business`) or land lookup (`land-parcel`, `land-certificate`) with the request its synchronous endpoint takes, validated with the same schema: an invalid item fails the whole submission, naming it (`items.<n>`; in CSV `row:<line>`), and nothing is queued.
     *
     *     JSON (`application/json`) or CSV (`text/csv`, a header row naming `kind` and the request fields; the callback URL in `x-callback-url`). Needs `batch:submit` and the scope of every kind of item it holds; the whole batch counts against the daily quota at once. With the same `Idempotency-Key` and body, the same batch is answered (`idempotent-replayed: true`). Items run at the registries’ pace; each is recorded in the access ledger with the batch’s purpose. With `callbackUrl`, a `batch.completed` webhook signed with `x-lienthong-signature: t=<unix>,v1=<hex HMAC-SHA-256 of "<t>.<body>">` follows completion; the secret is in the answer.
     */
    post: operations['submitBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/batches/{batchId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A batch’s status and progress
     * @description Status (`queued`, `running`, `completed`, `completed_with_errors`, `cancelled`), counts per outcome, progress and an estimated time to completion. Only the submitting client (or an admin) sees a batch; to anyone else it does not exist.
     */
    get: operations['getBatch'];
    put?: never;
    post?: never;
    /**
     * Cancel what has not run
     * @description Items already done keep their results; the rest are dropped as the worker meets them. Answers the batch’s status.
     */
    delete: operations['cancelBatch'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/batches/{batchId}/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A batch’s results
     * @description Results in item order, `limit` (1–1000, default 100) a page; pass `nextCursor` as `cursor` for the next page. With `Accept: text/csv`, every result as one CSV (`item,kind,outcome,result,error,attempts,completedAt`).
     */
    get: operations['getBatchResults'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This OpenAPI document
     * @description The OpenAPI 3.1 description of the API, generated from the zod schemas the gateway validates with. `servers` names the address it was fetched from.
     */
    get: operations['getOpenApiDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The API reference page
     * @description A page rendering this document (RapiDoc, served by the gateway itself: no internet needed).
     */
    get: operations['getApiReference'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs/quickstart': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The quickstart page
     * @description A first session with the sandbox, step by step with curl and with the typed TypeScript client: verify a citizen, look up a business and a parcel, submit a batch and read its results.
     */
    get: operations['getQuickstart'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs/errors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The error catalogue page
     * @description Every problem `type` the gateway answers with: its status, what it means and what the caller should do. Each type has an anchor (`/docs/errors#not-found`).
     */
    get: operations['getErrorCatalogue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs/assets/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A file of the API reference page
     * @description The renderer script the reference page loads.
     */
    get: operations['getApiReferenceAsset'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AdminClient: {
      clientId: string;
      name: string;
      unitCode: string;
      /** @enum {string} */
      status: 'active' | 'disabled';
      policy: {
        scopes: (
          | 'population:verify'
          | 'population:lookup'
          | 'land:read'
          | 'business:read'
          | 'batch:submit'
          | 'audit:subject-report'
          | 'admin'
        )[];
        /** @default {} */
        fields: {
          citizen?: (
            | 'oldIdNumber'
            | 'name'
            | 'dateOfBirth'
            | 'sex'
            | 'ethnicity'
            | 'religion'
            | 'maritalStatus'
            | 'bloodType'
            | 'nationality'
            | 'addresses.birthRegistration'
            | 'addresses.hometown'
            | 'addresses.permanent'
            | 'addresses.current'
            | 'relatives.father'
            | 'relatives.mother'
            | 'relatives.spouse'
            | 'household'
          )[];
        };
        allowedPurposes?: string[];
        /**
         * @default {
         *       "perSecond": 20
         *     }
         */
        rateLimit: {
          /** Format: int32 */
          perSecond: number;
        };
        /**
         * Format: int32
         * @default 50000
         */
        dailyQuota: number;
      };
      createdAt: string;
      updatedAt: string;
    };
    BatchAccepted: {
      requestId: string;
      batchId: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'completed_with_errors' | 'cancelled';
      /** Format: int64 */
      total: number;
      /** Format: date-time */
      createdAt: string;
      callback?: {
        url: string;
        /** @constant */
        signatureHeader: 'x-lienthong-signature';
        secret: string;
      };
    };
    BatchResultsPage: {
      batchId: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'completed_with_errors' | 'cancelled';
      results: {
        /** Format: int64 */
        item: number;
        /** @enum {string} */
        kind: 'citizen-verify' | 'citizen-lookup' | 'business' | 'land-parcel' | 'land-certificate';
        /** @enum {string} */
        outcome: 'succeeded' | 'not_found' | 'rejected' | 'denied' | 'failed';
        result?: {
          [key: string]: unknown;
        };
        error?: {
          kind: string;
          detail: string;
        };
        /** Format: int64 */
        attempts: number;
        /** Format: date-time */
        completedAt: string;
      }[];
      nextCursor?: string;
    };
    BatchStatus: {
      batchId: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'completed_with_errors' | 'cancelled';
      /** Format: int64 */
      total: number;
      /** Format: int64 */
      done: number;
      counts: {
        /** Format: int64 */
        succeeded: number;
        /** Format: int64 */
        not_found: number;
        /** Format: int64 */
        rejected: number;
        /** Format: int64 */
        denied: number;
        /** Format: int64 */
        failed: number;
      };
      progress: number;
      estimatedSecondsRemaining?: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      cancelledAt?: string;
      webhook?: {
        /** @enum {string} */
        status: 'pending' | 'delivered' | 'failed';
        /** Format: int64 */
        attempts: number;
        /** Format: int64 */
        lastStatusCode?: number;
        /** Format: date-time */
        at: string;
      };
    };
    BatchSubmission: {
      items: (
        | {
            /** @constant */
            kind: 'citizen-verify';
            request: {
              /** @description Personal id (số định danh cá nhân): 12 digits; digits 1–3 the province where the birth was registered, digit 4 century and sex, digits 5–6 the birth year. */
              personalId: string;
              /** @description The full name as written, family name first (e.g. `Nguyễn Văn An`): 1–100 letters, spaces, hyphens, dots or apostrophes. Case, spacing and tone-mark placement do not decide a match. */
              fullName: string;
              /** @description `YYYY-MM-DD`, or `YYYY` for people whose birth is registered with a year only; 1900 or later, not in the future. */
              dateOfBirth: string;
            };
          }
        | {
            /** @constant */
            kind: 'citizen-lookup';
            request:
              | {
                  /** @description Personal id (số định danh cá nhân): 12 digits; digits 1–3 the province where the birth was registered, digit 4 century and sex, digits 5–6 the birth year. */
                  personalId: string;
                }
              | {
                  /** @description Old identity card (CMND) number: 9 digits. */
                  oldIdNumber: string;
                };
          }
        | {
            /** @constant */
            kind: 'business';
            request: {
              enterpriseCode: string;
            };
          }
        | {
            /** @constant */
            kind: 'land-parcel';
            request: {
              /** @description Commune code (5 digits), of either era: a 2025 commune code is searched under each pre-2025 commune it was formed from. */
              communeCode: string;
              mapSheet: number | string;
              parcelNumber: number | string;
            };
          }
        | {
            /** @constant */
            kind: 'land-certificate';
            request: {
              /** @description Certificate serial (số phát hành): two letters and 6 or 8 digits, any case and spacing (`DA 12345678`, `da12345678`). */
              serial: string;
            };
          }
      )[];
      /** Format: uri */
      callbackUrl?: string;
    };
    BusinessLookupResponse: {
      requestId: string;
      business: {
        /** @description Canonical: 10 digits, NNNNNNNNNN-NNN for a branch, or 12 digits */
        enterpriseCode: string;
        parentEnterpriseCode?: string;
        names: {
          vietnamese: string;
          foreign?: string;
          short?: string;
        };
        legalForm: {
          /** @enum {string} */
          code:
            | 'single_member_llc'
            | 'multi_member_llc'
            | 'joint_stock_company'
            | 'partnership'
            | 'private_enterprise'
            | 'branch'
            | 'household_business'
            | 'unknown';
          registryText: string;
        };
        /** Format: date */
        foundedOn: string;
        charterCapitalVnd?: number;
        status: {
          /** @enum {string} */
          code:
            | 'active'
            | 'suspended'
            | 'not_operating_at_registered_address'
            | 'dissolving'
            | 'dissolved'
            | 'registration_revoked'
            | 'unknown';
          registryText: string;
        };
        headOffice: {
          street: string;
          fullAddress: string;
          registeredCommune: {
            /** @description 5-digit commune code */
            code: string;
            /** @description Full name, e.g. "Phường Phú Thọ" */
            name: string;
            /** @enum {string} */
            era: '2025' | 'pre2025';
          };
          current?: {
            commune: {
              /** @description 5-digit commune code */
              code: string;
              /** @description Full name, e.g. "Phường Phú Thọ" */
              name: string;
              /** @constant */
              era: '2025';
            };
            province: {
              code: string;
              name: string;
            };
          };
        };
        representatives: {
          fullName: string;
          role: string;
        }[];
        businessLines: {
          vsicCode: string;
          name: string;
          main: boolean;
        }[];
      };
      /** Format: date-time */
      retrievedAt: string;
    };
    CertificateLookupResponse: {
      certificate: {
        /** @description Canonical form, e.g. "DA 12345678" */
        serial: string;
        /** Format: date */
        issuedOn: string;
        issuedBy: string;
        signer: string;
        /** @description Số vào sổ cấp GCN, e.g. CS12345 */
        registryNumber: string;
        dossierCode: string;
        barcode: string;
        owners: {
          fullName: string;
          idDocument: {
            /** @enum {string} */
            type: 'citizen-id' | 'identity-card' | 'passport' | 'other';
            number: string;
          };
          address: string;
          nationality: string;
          spouse?: {
            fullName: string;
            idDocument: {
              /** @enum {string} */
              type: 'citizen-id' | 'identity-card' | 'passport' | 'other';
              number: string;
            };
            address: string;
            nationality: string;
          };
        }[];
      };
      parcel: {
        commune: {
          former: {
            /** @description 5-digit commune code */
            code: string;
            /** @description Full name, e.g. "Phường Phú Thọ" */
            name: string;
            /** @constant */
            era: 'pre2025';
          };
          current: {
            /** @description 5-digit commune code */
            code: string;
            /** @description Full name, e.g. "Phường Phú Thọ" */
            name: string;
            /** @constant */
            era: '2025';
          };
        };
        /** Format: int64 */
        mapSheet: number;
        /** Format: int64 */
        parcelNumber: number;
        address: string;
        areaM2: number;
        landUse: {
          /** @description Land-use type code (mã loại đất), e.g. ODT, CLN */
          code: string;
          meaning: string;
        };
        term: string;
        form: string;
        origin: string;
        /** @description e.g. "1:500" */
        mapScale: string;
      };
      requestId: string;
      fieldsDisclosed: (
        'owners.fullName' | 'owners.idDocument' | 'owners.address' | 'owners.nationality' | 'owners.spouse'
      )[];
      /** Format: date-time */
      retrievedAt: string;
    };
    CitizenLookupRequest:
      | {
          /** @description Personal id (số định danh cá nhân): 12 digits; digits 1–3 the province where the birth was registered, digit 4 century and sex, digits 5–6 the birth year. */
          personalId: string;
        }
      | {
          /** @description Old identity card (CMND) number: 9 digits. */
          oldIdNumber: string;
        };
    CitizenLookupResponse: {
      requestId: string;
      citizen: {
        personalId: string;
        oldIdNumber?: string;
        name?: {
          family: string;
          middle?: string;
          given: string;
          full: string;
        };
        dateOfBirth?: {
          /** @description `YYYY-MM-DD`, or `YYYY` when only the year is registered */
          value: string;
          /** @enum {string} */
          precision: 'day' | 'year';
        };
        /** @enum {string} */
        sex?: 'male' | 'female';
        ethnicity?: string;
        religion?: string;
        maritalStatus?: string;
        bloodType?: string;
        nationality?: string;
        addresses?: {
          birthRegistration?: {
            detail?: string;
            country?: string;
            registryUnits: {
              /** @enum {string} */
              era: '2025' | 'pre2025' | 'unknown';
              province?: {
                code: string;
                name?: string;
              };
              district?: {
                code: string;
                name?: string;
              };
              commune?: {
                code: string;
                name?: string;
              };
            };
            currentUnits: {
              commune: {
                code: string;
                name?: string;
              };
              province: {
                code: string;
                name?: string;
              };
              /** @enum {string} */
              merge: 'whole' | 'partial' | 'unchanged';
            }[];
          };
          hometown?: {
            detail?: string;
            country?: string;
            registryUnits: {
              /** @enum {string} */
              era: '2025' | 'pre2025' | 'unknown';
              province?: {
                code: string;
                name?: string;
              };
              district?: {
                code: string;
                name?: string;
              };
              commune?: {
                code: string;
                name?: string;
              };
            };
            currentUnits: {
              commune: {
                code: string;
                name?: string;
              };
              province: {
                code: string;
                name?: string;
              };
              /** @enum {string} */
              merge: 'whole' | 'partial' | 'unchanged';
            }[];
          };
          permanent?: {
            detail?: string;
            country?: string;
            registryUnits: {
              /** @enum {string} */
              era: '2025' | 'pre2025' | 'unknown';
              province?: {
                code: string;
                name?: string;
              };
              district?: {
                code: string;
                name?: string;
              };
              commune?: {
                code: string;
                name?: string;
              };
            };
            currentUnits: {
              commune: {
                code: string;
                name?: string;
              };
              province: {
                code: string;
                name?: string;
              };
              /** @enum {string} */
              merge: 'whole' | 'partial' | 'unchanged';
            }[];
          };
          current?: {
            detail?: string;
            country?: string;
            registryUnits: {
              /** @enum {string} */
              era: '2025' | 'pre2025' | 'unknown';
              province?: {
                code: string;
                name?: string;
              };
              district?: {
                code: string;
                name?: string;
              };
              commune?: {
                code: string;
                name?: string;
              };
            };
            currentUnits: {
              commune: {
                code: string;
                name?: string;
              };
              province: {
                code: string;
                name?: string;
              };
              /** @enum {string} */
              merge: 'whole' | 'partial' | 'unchanged';
            }[];
          };
        };
        relatives?: {
          father?: {
            personalId?: string;
            fullName?: string;
          };
          mother?: {
            personalId?: string;
            fullName?: string;
          };
          spouse?: {
            personalId?: string;
            fullName?: string;
          };
        };
        household?: {
          bookNumber?: string;
          head?: {
            personalId?: string;
            fullName?: string;
          };
          relationToHead?: string;
        };
      };
      fieldsDisclosed: (
        | 'oldIdNumber'
        | 'name'
        | 'dateOfBirth'
        | 'sex'
        | 'ethnicity'
        | 'religion'
        | 'maritalStatus'
        | 'bloodType'
        | 'nationality'
        | 'addresses.birthRegistration'
        | 'addresses.hometown'
        | 'addresses.permanent'
        | 'addresses.current'
        | 'relatives.father'
        | 'relatives.mother'
        | 'relatives.spouse'
        | 'household'
      )[];
      /** Format: date-time */
      retrievedAt: string;
    };
    CitizenVerificationRequest: {
      /** @description Personal id (số định danh cá nhân): 12 digits; digits 1–3 the province where the birth was registered, digit 4 century and sex, digits 5–6 the birth year. */
      personalId: string;
      /** @description The full name as written, family name first (e.g. `Nguyễn Văn An`): 1–100 letters, spaces, hyphens, dots or apostrophes. Case, spacing and tone-mark placement do not decide a match. */
      fullName: string;
      /** @description `YYYY-MM-DD`, or `YYYY` for people whose birth is registered with a year only; 1900 or later, not in the future. */
      dateOfBirth: string;
    };
    CitizenVerificationResponse: {
      requestId: string;
      /** @description True when the registry confirms the id, name and date of birth belong together, or when the name differs only in form (case, spacing, tone placement) */
      match: boolean;
      fields: {
        /**
         * @description `diacritics_insensitive` is a weaker signal and never a match
         * @enum {string}
         */
        fullName: 'exact' | 'normalized' | 'diacritics_insensitive' | 'different';
        /**
         * @description `year_only_match`: only the years agree, because one side has a year alone
         * @enum {string}
         */
        dateOfBirth: 'match' | 'year_only_match' | 'different';
      };
      /** Format: date-time */
      checkedAt: string;
    };
    ClientDetail: {
      clientId: string;
      name: string;
      unitCode: string;
      /** @enum {string} */
      status: 'active' | 'disabled';
      policy: {
        scopes: (
          | 'population:verify'
          | 'population:lookup'
          | 'land:read'
          | 'business:read'
          | 'batch:submit'
          | 'audit:subject-report'
          | 'admin'
        )[];
        /** @default {} */
        fields: {
          citizen?: (
            | 'oldIdNumber'
            | 'name'
            | 'dateOfBirth'
            | 'sex'
            | 'ethnicity'
            | 'religion'
            | 'maritalStatus'
            | 'bloodType'
            | 'nationality'
            | 'addresses.birthRegistration'
            | 'addresses.hometown'
            | 'addresses.permanent'
            | 'addresses.current'
            | 'relatives.father'
            | 'relatives.mother'
            | 'relatives.spouse'
            | 'household'
          )[];
        };
        allowedPurposes?: string[];
        /**
         * @default {
         *       "perSecond": 20
         *     }
         */
        rateLimit: {
          /** Format: int32 */
          perSecond: number;
        };
        /**
         * Format: int32
         * @default 50000
         */
        dailyQuota: number;
      };
      createdAt: string;
      updatedAt: string;
      keys: {
        keyId: string;
        /** @enum {string} */
        status: 'active' | 'revoked';
        label?: string;
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        revokedAt?: string;
      }[];
    };
    ClientList: {
      clients: {
        clientId: string;
        name: string;
        unitCode: string;
        /** @enum {string} */
        status: 'active' | 'disabled';
        policy: {
          scopes: (
            | 'population:verify'
            | 'population:lookup'
            | 'land:read'
            | 'business:read'
            | 'batch:submit'
            | 'audit:subject-report'
            | 'admin'
          )[];
          /** @default {} */
          fields: {
            citizen?: (
              | 'oldIdNumber'
              | 'name'
              | 'dateOfBirth'
              | 'sex'
              | 'ethnicity'
              | 'religion'
              | 'maritalStatus'
              | 'bloodType'
              | 'nationality'
              | 'addresses.birthRegistration'
              | 'addresses.hometown'
              | 'addresses.permanent'
              | 'addresses.current'
              | 'relatives.father'
              | 'relatives.mother'
              | 'relatives.spouse'
              | 'household'
            )[];
          };
          allowedPurposes?: string[];
          /**
           * @default {
           *       "perSecond": 20
           *     }
           */
          rateLimit: {
            /** Format: int32 */
            perSecond: number;
          };
          /**
           * Format: int32
           * @default 50000
           */
          dailyQuota: number;
        };
        createdAt: string;
        updatedAt: string;
      }[];
    };
    ClientPolicy: {
      scopes: (
        | 'population:verify'
        | 'population:lookup'
        | 'land:read'
        | 'business:read'
        | 'batch:submit'
        | 'audit:subject-report'
        | 'admin'
      )[];
      /** @default {} */
      fields: {
        citizen?: (
          | 'oldIdNumber'
          | 'name'
          | 'dateOfBirth'
          | 'sex'
          | 'ethnicity'
          | 'religion'
          | 'maritalStatus'
          | 'bloodType'
          | 'nationality'
          | 'addresses.birthRegistration'
          | 'addresses.hometown'
          | 'addresses.permanent'
          | 'addresses.current'
          | 'relatives.father'
          | 'relatives.mother'
          | 'relatives.spouse'
          | 'household'
        )[];
      };
      allowedPurposes?: string[];
      /**
       * @default {
       *       "perSecond": 20
       *     }
       */
      rateLimit: {
        /** Format: int32 */
        perSecond: number;
      };
      /**
       * Format: int32
       * @default 50000
       */
      dailyQuota: number;
    };
    CreateClientRequest: {
      clientId: string;
      name: string;
      unitCode: string;
      /** @enum {string} */
      status?: 'active' | 'disabled';
      policy: {
        scopes: (
          | 'population:verify'
          | 'population:lookup'
          | 'land:read'
          | 'business:read'
          | 'batch:submit'
          | 'audit:subject-report'
          | 'admin'
        )[];
        /** @default {} */
        fields: {
          citizen?: (
            | 'oldIdNumber'
            | 'name'
            | 'dateOfBirth'
            | 'sex'
            | 'ethnicity'
            | 'religion'
            | 'maritalStatus'
            | 'bloodType'
            | 'nationality'
            | 'addresses.birthRegistration'
            | 'addresses.hometown'
            | 'addresses.permanent'
            | 'addresses.current'
            | 'relatives.father'
            | 'relatives.mother'
            | 'relatives.spouse'
            | 'household'
          )[];
        };
        allowedPurposes?: string[];
        /**
         * @default {
         *       "perSecond": 20
         *     }
         */
        rateLimit: {
          /** Format: int32 */
          perSecond: number;
        };
        /**
         * Format: int32
         * @default 50000
         */
        dailyQuota: number;
      };
    };
    HealthReport: {
      /** @enum {string} */
      status: 'ok' | 'degraded';
      /** @description By dependency name, e.g. `table:ledger`, `registry:population` */
      dependencies: {
        [key: string]: {
          /** @enum {string} */
          kind: 'store' | 'registry';
          reachable: boolean;
          /** @description How long the probe took */
          latencyMs: number;
          /** @description What went wrong, when the dependency is unreachable */
          detail?: string;
          /**
           * @description Registries: the worst circuit state the gateway's functions reported in the last minutes
           * @enum {string}
           */
          circuit?: 'closed' | 'half-open' | 'open' | 'isolated' | 'unknown';
          /** @description Registries: mean latency of the gateway's recent calls, as its functions reported it */
          recentLatencyMs?: number | null;
          /** @description Registries: share of the gateway's recent calls that failed */
          recentErrorRate?: number | null;
        };
      };
    };
    IssuedKey: {
      clientId: string;
      keyId: string;
      apiKey: string;
      label?: string;
      /** Format: date-time */
      createdAt: string;
      notice: string;
    };
    IssueKeyRequest: {
      label?: string;
    };
    OpenApiDocument: {
      openapi: string;
      info: {
        [key: string]: unknown;
      };
      paths: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    ParcelLookupResponse: {
      requestId: string;
      query: {
        communeCode: string;
        mapSheet: number;
        parcelNumber: number;
      };
      parcels: {
        parcel: {
          commune: {
            former: {
              /** @description 5-digit commune code */
              code: string;
              /** @description Full name, e.g. "Phường Phú Thọ" */
              name: string;
              /** @constant */
              era: 'pre2025';
            };
            current: {
              /** @description 5-digit commune code */
              code: string;
              /** @description Full name, e.g. "Phường Phú Thọ" */
              name: string;
              /** @constant */
              era: '2025';
            };
          };
          /** Format: int64 */
          mapSheet: number;
          /** Format: int64 */
          parcelNumber: number;
          address: string;
          areaM2: number;
          landUse: {
            /** @description Land-use type code (mã loại đất), e.g. ODT, CLN */
            code: string;
            meaning: string;
          };
          term: string;
          form: string;
          origin: string;
          /** @description e.g. "1:500" */
          mapScale: string;
        };
        certificates: {
          /** @description Canonical form, e.g. "DA 12345678" */
          serial: string;
          /** Format: date */
          issuedOn: string;
          issuedBy: string;
          signer: string;
          /** @description Số vào sổ cấp GCN, e.g. CS12345 */
          registryNumber: string;
          dossierCode: string;
          barcode: string;
          owners: {
            fullName: string;
            idDocument: {
              /** @enum {string} */
              type: 'citizen-id' | 'identity-card' | 'passport' | 'other';
              number: string;
            };
            address: string;
            nationality: string;
            spouse?: {
              fullName: string;
              idDocument: {
                /** @enum {string} */
                type: 'citizen-id' | 'identity-card' | 'passport' | 'other';
                number: string;
              };
              address: string;
              nationality: string;
            };
          }[];
        }[];
      }[];
      fieldsDisclosed: (
        'owners.fullName' | 'owners.idDocument' | 'owners.address' | 'owners.nationality' | 'owners.spouse'
      )[];
      /** Format: date-time */
      retrievedAt: string;
    };
    Problem: {
      type: string;
      title: string;
      /** Format: int64 */
      status: number;
      detail?: string;
      instance?: string;
      requestId?: string;
      errors?: {
        /** @description Where the problem is: a body path (`personalId`), or `header:x-purpose` */
        field: string;
        /** @description Which rule failed, stable and machine-readable (e.g. `format`, `checksum`) */
        rule: string;
        message: string;
      }[];
      /** Format: int64 */
      retryAfterSeconds?: number;
    };
    RevokedKey: {
      keyId: string;
      /** @enum {string} */
      status: 'active' | 'revoked';
      label?: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      revokedAt?: string;
      clientId: string;
    };
    SubjectReportRequest: {
      /** @description Personal id (số định danh cá nhân): 12 digits; digits 1–3 the province where the birth was registered, digit 4 century and sex, digits 5–6 the birth year. */
      personalId: string;
      /**
       * Format: date-time
       * @description Earliest access to list (ISO-8601, inclusive)
       */
      from?: string;
      /**
       * Format: date-time
       * @description Latest access to list (ISO-8601, inclusive)
       */
      to?: string;
      /** @description `nextCursor` of the previous page, to read the next one */
      cursor?: string;
    };
    SubjectReportResponse: {
      requestId: string;
      /** @description Oldest first */
      accesses: {
        /** Format: date-time */
        recordedAt: string;
        requestId: string;
        clientId: string;
        officerId: string;
        /** @description The procedure code (x-purpose) the access was made for */
        purpose: string;
        dossierId?: string;
        /** @description e.g. `population:verify`, `population:lookup`, `land:read` */
        operation: string;
        /** @enum {string} */
        outcome:
          | 'allowed'
          | 'unauthenticated'
          | 'denied'
          | 'rate-limited'
          | 'invalid'
          | 'not-found'
          | 'upstream-failed'
          | 'upstream-unavailable'
          | 'upstream-timeout'
          | 'failed';
        /** @description Names of the fields of personal data the answer disclosed */
        fieldsDisclosed: string[];
      }[];
      /** @description Present when more accesses follow */
      nextCursor?: string;
      /** Format: date-time */
      generatedAt: string;
    };
  };
  responses: never;
  parameters: {
    /**
     * @description The officer (mã cán bộ) making the request: 1–64 letters, digits or `. _ : / -`.
     * @example CB-0042
     */
    OfficerId: string;
    /**
     * @description The public-service or procedure code (mã DVC/TTHC) the access is for: 1–64 letters, digits or `. _ : / -`.
     * @example 1.001234.000.00.00.H12
     */
    Purpose: string;
    /**
     * @description The dossier (hồ sơ) the access belongs to, when there is one.
     * @example HS-2025-000123
     */
    DossierId: string;
  };
  requestBodies: never;
  headers: {
    /** @description The request’s id, also in problem bodies and the access ledger */
    RequestId: string;
    /** @description The gateway’s own time, e.g. `gateway;dur=12.3` */
    ServerTiming: string;
    /** @description Seconds to wait before trying again (at most a day: a spent daily quota comes back at midnight, Vietnam time) */
    RetryAfter: number;
    /** @description Requests per second the caller’s key may make (its policy’s `rateLimit.perSecond`); on a 429, present when that rate (not the daily quota) was exceeded */
    RateLimitLimit: number;
    /** @description Requests the key has left in the current second */
    RateLimitRemaining: number;
    /** @description Seconds until the current window ends and the allowance is whole again */
    RateLimitReset: number;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The state of each dependency */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReport'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  verifyCitizen: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description The officer (mã cán bộ) making the request: 1–64 letters, digits or `. _ : / -`.
         * @example CB-0042
         */
        'x-officer-id': components['parameters']['OfficerId'];
        /**
         * @description The public-service or procedure code (mã DVC/TTHC) the access is for: 1–64 letters, digits or `. _ : / -`.
         * @example 1.001234.000.00.00.H12
         */
        'x-purpose': components['parameters']['Purpose'];
        /**
         * @description The dossier (hồ sơ) the access belongs to, when there is one.
         * @example HS-2025-000123
         */
        'x-dossier-id'?: components['parameters']['DossierId'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description The facts to verify */
    requestBody: {
      content: {
        'application/json': components['schemas']['CitizenVerificationRequest'];
      };
    };
    responses: {
      /** @description The registry answered; `match` says whether the facts belong together */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CitizenVerificationResponse'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-failed`: The registry answered with an error or with something the gateway could not read. */
      502: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description `upstream-unavailable`: The registry refused the connection, its circuit is open, or its quota is spent; `Retry-After` says when to try again.
       *
       *     `ledger-unavailable`: The access could not be recorded in the access ledger, so no answer is given (personal data leaves only after its access is recorded).
       */
      503: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-timeout`: The registry did not answer within the deadline. */
      504: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  lookUpCitizen: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description The officer (mã cán bộ) making the request: 1–64 letters, digits or `. _ : / -`.
         * @example CB-0042
         */
        'x-officer-id': components['parameters']['OfficerId'];
        /**
         * @description The public-service or procedure code (mã DVC/TTHC) the access is for: 1–64 letters, digits or `. _ : / -`.
         * @example 1.001234.000.00.00.H12
         */
        'x-purpose': components['parameters']['Purpose'];
        /**
         * @description The dossier (hồ sơ) the access belongs to, when there is one.
         * @example HS-2025-000123
         */
        'x-dossier-id'?: components['parameters']['DossierId'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description Either `personalId` or `oldIdNumber` */
    requestBody: {
      content: {
        'application/json': components['schemas']['CitizenLookupRequest'];
      };
    };
    responses: {
      /** @description The record, limited to the fields the client may see */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CitizenLookupResponse'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-rejected`: The registry refused the request as invalid by its own rules, although it passed the gateway’s checks. Fix the request; retrying it unchanged fails the same way. */
      422: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-failed`: The registry answered with an error or with something the gateway could not read. */
      502: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description `upstream-unavailable`: The registry refused the connection, its circuit is open, or its quota is spent; `Retry-After` says when to try again.
       *
       *     `ledger-unavailable`: The access could not be recorded in the access ledger, so no answer is given (personal data leaves only after its access is recorded).
       */
      503: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-timeout`: The registry did not answer within the deadline. */
      504: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  lookUpParcel: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description The officer (mã cán bộ) making the request: 1–64 letters, digits or `. _ : / -`.
         * @example CB-0042
         */
        'x-officer-id': components['parameters']['OfficerId'];
        /**
         * @description The public-service or procedure code (mã DVC/TTHC) the access is for: 1–64 letters, digits or `. _ : / -`.
         * @example 1.001234.000.00.00.H12
         */
        'x-purpose': components['parameters']['Purpose'];
        /**
         * @description The dossier (hồ sơ) the access belongs to, when there is one.
         * @example HS-2025-000123
         */
        'x-dossier-id'?: components['parameters']['DossierId'];
      };
      path: {
        /**
         * @description Commune code (5 digits), of either era: a 2025 commune code is searched under each pre-2025 commune it was formed from.
         * @example 25747
         */
        communeCode: string;
        /** @example 12 */
        mapSheet: number | string;
        /** @example 345 */
        parcelNumber: number | string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every parcel the key matched (none is a 404) */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ParcelLookupResponse'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-rejected`: The registry refused the request as invalid by its own rules, although it passed the gateway’s checks. Fix the request; retrying it unchanged fails the same way. */
      422: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-failed`: The registry answered with an error or with something the gateway could not read. */
      502: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description `upstream-unavailable`: The registry refused the connection, its circuit is open, or its quota is spent; `Retry-After` says when to try again.
       *
       *     `ledger-unavailable`: The access could not be recorded in the access ledger, so no answer is given (personal data leaves only after its access is recorded).
       */
      503: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-timeout`: The registry did not answer within the deadline. */
      504: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  lookUpCertificate: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description The officer (mã cán bộ) making the request: 1–64 letters, digits or `. _ : / -`.
         * @example CB-0042
         */
        'x-officer-id': components['parameters']['OfficerId'];
        /**
         * @description The public-service or procedure code (mã DVC/TTHC) the access is for: 1–64 letters, digits or `. _ : / -`.
         * @example 1.001234.000.00.00.H12
         */
        'x-purpose': components['parameters']['Purpose'];
        /**
         * @description The dossier (hồ sơ) the access belongs to, when there is one.
         * @example HS-2025-000123
         */
        'x-dossier-id'?: components['parameters']['DossierId'];
      };
      path: {
        /**
         * @description Certificate serial (số phát hành): two letters and 6 or 8 digits, any case and spacing (`DA 12345678`, `da12345678`).
         * @example DA12345678
         */
        serial: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The certificate and its parcel */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateLookupResponse'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-rejected`: The registry refused the request as invalid by its own rules, although it passed the gateway’s checks. Fix the request; retrying it unchanged fails the same way. */
      422: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-failed`: The registry answered with an error or with something the gateway could not read. */
      502: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /**
       * @description `upstream-unavailable`: The registry refused the connection, its circuit is open, or its quota is spent; `Retry-After` says when to try again.
       *
       *     `ledger-unavailable`: The access could not be recorded in the access ledger, so no answer is given (personal data leaves only after its access is recorded).
       */
      503: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-timeout`: The registry did not answer within the deadline. */
      504: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  lookUpBusiness: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example 3701234562 */
        enterpriseCode: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The business record */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BusinessLookupResponse'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-rejected`: The registry refused the request as invalid by its own rules, although it passed the gateway’s checks. Fix the request; retrying it unchanged fails the same way. */
      422: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-failed`: The registry answered with an error or with something the gateway could not read. */
      502: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-unavailable`: The registry refused the connection, its circuit is open, or its quota is spent; `Retry-After` says when to try again. */
      503: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `upstream-timeout`: The registry did not answer within the deadline. */
      504: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  reportSubjectAccesses: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description The officer (mã cán bộ) making the request: 1–64 letters, digits or `. _ : / -`.
         * @example CB-0042
         */
        'x-officer-id': components['parameters']['OfficerId'];
        /**
         * @description The public-service or procedure code (mã DVC/TTHC) the access is for: 1–64 letters, digits or `. _ : / -`.
         * @example 1.001234.000.00.00.H12
         */
        'x-purpose': components['parameters']['Purpose'];
        /**
         * @description The dossier (hồ sơ) the access belongs to, when there is one.
         * @example HS-2025-000123
         */
        'x-dossier-id'?: components['parameters']['DossierId'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description The citizen, and optionally a time range (ISO-8601, inclusive) */
    requestBody: {
      content: {
        'application/json': components['schemas']['SubjectReportRequest'];
      };
    };
    responses: {
      /** @description The accesses, oldest first */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubjectReportResponse'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `ledger-unavailable`: The access could not be recorded in the access ledger, so no answer is given (personal data leaves only after its access is recorded). */
      503: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listClients: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The clients, by id */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClientList'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  createClient: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The client */
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateClientRequest'];
      };
    };
    responses: {
      /** @description The client as registered */
      201: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminClient'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `conflict`: The request would create something that exists already (e.g. a client id that is taken). */
      409: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  showClient: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example sandbox */
        clientId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The client with its keys */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClientDetail'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  setClientPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example tay-ninh-hcc */
        clientId: string;
      };
      cookie?: never;
    };
    /** @description The new policy */
    requestBody: {
      content: {
        'application/json': components['schemas']['ClientPolicy'];
      };
    };
    responses: {
      /** @description The client with its new policy */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminClient'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  disableClient: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example tay-ninh-hcc */
        clientId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The disabled client */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminClient'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  enableClient: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example tay-ninh-hcc */
        clientId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The active client */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminClient'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  issueApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example tay-ninh-hcc */
        clientId: string;
      };
      cookie?: never;
    };
    /** @description An optional label telling the client’s keys apart (not secret) */
    requestBody: {
      content: {
        'application/json': components['schemas']['IssueKeyRequest'];
      };
    };
    responses: {
      /** @description The key, shown this once */
      201: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssuedKey'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  revokeApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example tay-ninh-hcc */
        clientId: string;
        /** @example k7m2x9qpa4 */
        keyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The revoked key */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RevokedKey'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  submitBatch: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description The officer (mã cán bộ) making the request: 1–64 letters, digits or `. _ : / -`.
         * @example CB-0042
         */
        'x-officer-id': components['parameters']['OfficerId'];
        /**
         * @description The public-service or procedure code (mã DVC/TTHC) the access is for: 1–64 letters, digits or `. _ : / -`.
         * @example 1.001234.000.00.00.H12
         */
        'x-purpose': components['parameters']['Purpose'];
        /**
         * @description The dossier (hồ sơ) the access belongs to, when there is one.
         * @example HS-2025-000123
         */
        'x-dossier-id'?: components['parameters']['DossierId'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description The items, and optionally a callback URL */
    requestBody: {
      content: {
        'application/json': components['schemas']['BatchSubmission'];
      };
    };
    responses: {
      /** @description Accepted and queued; `Location` is the batch */
      202: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BatchAccepted'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `forbidden`: The key is valid but may not call this operation. */
      403: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unsupported-media-type`: The body is not in a media type the operation accepts (send `application/json`). */
      415: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          'RateLimit-Limit': components['headers']['RateLimitLimit'];
          'RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example 6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f */
        batchId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The batch */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BatchStatus'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  cancelBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example 6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f */
        batchId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The batch, cancelled */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BatchStatus'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getBatchResults: {
    parameters: {
      query?: {
        /** @description The `nextCursor` of the previous page; absent for the first page */
        cursor?: string;
        /** @description Results per page (JSON only; `text/csv` answers every result) */
        limit?: number;
      };
      header?: never;
      path: {
        /** @example 6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f */
        batchId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of results */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BatchResultsPage'];
        };
      };
      /** @description `invalid-request`: A field, header or the body is wrong. `errors` names each offending field and the rule it broke; nothing was sent to any registry. Fix the request; retrying it unchanged fails the same way. */
      400: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `unauthenticated`: No API key in `x-api-key`, or one the gateway does not know. */
      401: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The OpenAPI document */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OpenApiDocument'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiReference: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The reference page */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getQuickstart: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The quickstart page */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getErrorCatalogue: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The error catalogue page */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApiReferenceAsset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A file of the reference page
         * @example rapidoc-min.js
         */
        file: 'rapidoc-min.js';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'text/javascript': string;
        };
      };
      /** @description `not-found`: No such resource: an unknown path, or a record the registry does not hold. */
      404: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `too-many-requests`: The caller sent more requests than its rate allows; `Retry-After` says when to try again. */
      429: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `internal`: The gateway failed. The `requestId` identifies the request for support. */
      500: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'server-timing': components['headers']['ServerTiming'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
