import path from 'node:path';

/**
 * Where `npm start` leaves its addresses, table names and the run's key pepper for local tools
 * (`npm run clients`). Under the git-ignored `.local/`, readable by its owner only, deleted on stop.
 */
export const localStackFile = path.resolve('.local/stack.json');

export interface LocalStackFile {
  readonly gatewayUrl: string;
  readonly dynamoDbEndpoint: string;
  readonly tableNames: Record<string, string>;
  readonly keyPepper: string;
}
