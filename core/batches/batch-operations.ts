import type { BatchItemKind } from '../../schemas/batches.js';
import type { Scope } from '../../schemas/clients.js';
import type { RegistryName } from '../ports/registry-name.js';

/** The scope each kind of batch item needs: the same as its synchronous endpoint. */
export const operationOfKind = {
  'citizen-verify': 'population:verify',
  'citizen-lookup': 'population:lookup',
  business: 'business:read',
  'land-parcel': 'land:read',
  'land-certificate': 'land:read',
} as const satisfies Record<BatchItemKind, Scope>;

/** The registry each kind of item asks. */
export const registryOfKind = {
  'citizen-verify': 'population',
  'citizen-lookup': 'population',
  business: 'business',
  'land-parcel': 'land',
  'land-certificate': 'land',
} as const satisfies Record<BatchItemKind, RegistryName>;
