/**
 * Who is asking and why: the purpose envelope every personal-data call carries. It travels to the
 * registry in its own fields (MaCanBo, MaDVC, ...) and into the access ledger.
 */
export interface AccessEnvelope {
  readonly requestId: string;
  readonly clientId: string;
  readonly keyId: string;
  /** The officer (mã cán bộ) on whose behalf the client calls. */
  readonly officerId: string;
  /** The public-service / procedure code the access is for (mã DVC/TTHC). */
  readonly purpose: string;
  /** The unit the client belongs to (mã đơn vị). */
  readonly unitCode: string;
  readonly dossierId?: string;
}
