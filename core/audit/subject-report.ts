import type { Caller, Scope } from '../../schemas/clients.js';
import { ledgeredAccess, type LedgerDependencies } from '../access-ledger/ledgered-access.js';
import { admitRequest, type Admission, type AdmissionDependencies } from '../access/admit-request.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { SubjectAccess, SubjectAccessIndex } from '../ports/subject-access-index.js';

export interface SubjectReportDependencies extends LedgerDependencies, AdmissionDependencies {
  readonly subjectAccessIndex: SubjectAccessIndex;
}

export interface SubjectReportQuery {
  readonly personalId: string;
  readonly from?: string;
  readonly to?: string;
  readonly cursor?: string;
}

export interface SubjectReport {
  readonly accesses: readonly SubjectAccess[];
  readonly nextCursor?: string;
  readonly generatedAt: string;
  readonly admission: Admission;
}

export const subjectReportOperation = 'audit:subject-report' satisfies Scope;

/** What a report discloses about its subject: the history of accesses to their data. */
export const subjectReportFieldsDisclosed = ['accessHistory'] as const;

/**
 * Tells who accessed a citizen's data, when, for which purpose and what was disclosed.
 *
 * Primary course:
 *  1. Admit the caller: the `audit:subject-report` scope, purpose, rate limit and quota.
 *  2. Read one page of the ledger's index for the citizen's subject key, oldest first.
 *  3. Record the report itself as an access to the citizen's data — a refused one too — before
 *     answering.
 */
export async function reportSubjectAccesses(
  deps: SubjectReportDependencies,
  query: SubjectReportQuery,
  envelope: AccessEnvelope,
  caller: Caller,
  pageSize: number,
): Promise<SubjectReport> {
  const { result, recordedAt } = await ledgeredAccess(
    deps,
    { envelope, operation: subjectReportOperation, subjects: [query.personalId] },
    async () => {
      const admission = await admitRequest(deps, caller, subjectReportOperation, envelope.purpose);
      const page = await deps.subjectAccessIndex.accessesOf(deps.subjectKeys.keyOf(query.personalId), {
        ...(query.from === undefined ? {} : { from: utc(query.from) }),
        ...(query.to === undefined ? {} : { to: utc(query.to) }),
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        limit: pageSize,
      });
      return { ...page, admission };
    },
    () => ({ fieldsDisclosed: subjectReportFieldsDisclosed }),
  );
  return {
    accesses: result.accesses,
    ...(result.nextCursor === undefined ? {} : { nextCursor: result.nextCursor }),
    generatedAt: recordedAt,
    admission: result.admission,
  };
}

/** The index sorts by UTC ISO time: `2026-11-27T08:00:00+07:00` becomes `2026-11-27T01:00:00.000Z`. */
function utc(instant: string): string {
  return new Date(instant).toISOString();
}
