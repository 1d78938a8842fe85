import type { BusinessRecord } from '../../schemas/business-records.js';

/**
 * The national business registration system, as the gateway's use cases see it. Business records are
 * public registry data: no purpose envelope travels with the request.
 */
export interface BusinessRegistry {
  /**
   * The enterprise, branch or household business registered under `enterpriseCode` (canonical form,
   * `enterpriseCodeSchema`). Rejects with `NotFoundError` when the registry holds nothing under it.
   */
  lookUpEnterprise(enterpriseCode: string): Promise<BusinessRecord>;
}
