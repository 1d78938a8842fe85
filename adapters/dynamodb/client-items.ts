/**
 * The clients table's items, shared by the authorizer's directory and the management registry:
 *  - `CLIENT#<clientId>` / `PROFILE`: the client (name, unit, status, policy, timestamps);
 *  - `CLIENT#<clientId>` / `KEY#<keyId>`: one reference per key, to list a client's keys (no hash);
 *  - `KEY#<keyId>` / `KEY`: the key itself — its owner, status and the keyed hash of its secret.
 *    Keys not in the `lt_<keyId>_<secret>` format (a chosen sandbox key) live under
 *    `KEY#<keyed hash of the whole key>` instead, since nothing in them names a key id.
 * No item ever holds a key or anything derived from one other than its keyed hash.
 */
export const clientPk = (clientId: string): string => `CLIENT#${clientId}`;
export const profileSk = 'PROFILE';
export const keyRefSk = (keyId: string): string => `KEY#${keyId}`;
export const keyRefSkPrefix = 'KEY#';
export const keyPk = (lookupId: string): string => `KEY#${lookupId}`;
export const keySk = 'KEY';

export interface KeyItem {
  readonly pk: string;
  readonly sk: typeof keySk;
  readonly keyId: string;
  readonly clientId: string;
  readonly secretHash: string;
  readonly status: 'active' | 'revoked';
  readonly label?: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

export interface KeyRefItem {
  readonly pk: string;
  readonly sk: string;
  readonly keyId: string;
  readonly clientId: string;
  readonly status: 'active' | 'revoked';
  readonly label?: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
  /** The partition key of the key item (`KEY#<keyId>`, or the hash form for unformatted keys). */
  readonly keyPk: string;
}
