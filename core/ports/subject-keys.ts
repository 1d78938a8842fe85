/**
 * Turns a personal id into the ledger's subject key: a keyed hash, so the ledger can be queried by
 * subject without holding the id itself.
 */
export interface SubjectKeys {
  keyOf(personalId: string): string;
}
