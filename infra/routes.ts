/**
 * The public API's routes and the functions behind them, defined once: the CDK stateless stack builds
 * API Gateway from this table, and the local gateway serves the same table with the same handlers.
 * Plain data only (entries are file paths relative to the repository root).
 */
export const gatewayFunctions = {
  authorizer: { entry: 'functions/authorizer.ts', shippedFiles: [] },
  health: { entry: 'functions/health.ts', shippedFiles: [] },
  subjectReport: { entry: 'functions/subject-report.ts', shippedFiles: [] },
  verifyCitizen: {
    entry: 'functions/verify-citizen.ts',
    shippedFiles: ['adapters/population/population.wsdl'],
  },
  citizenLookup: {
    entry: 'functions/citizen-lookup.ts',
    shippedFiles: ['adapters/population/population.wsdl'],
  },
  landParcel: { entry: 'functions/land-parcel.ts', shippedFiles: ['adapters/land/land.wsdl'] },
  landCertificate: { entry: 'functions/land-certificate.ts', shippedFiles: ['adapters/land/land.wsdl'] },
  businessLookup: { entry: 'functions/business-lookup.ts', shippedFiles: [] },
  adminClients: { entry: 'functions/admin-clients.ts', shippedFiles: [] },
  batches: { entry: 'functions/batches.ts', shippedFiles: [] },
  // No route: the batch worker consumes the lookup queue (SQS event source; locally, local/sqs-poller.ts).
  batchWorker: {
    entry: 'functions/batch-worker.ts',
    shippedFiles: ['adapters/population/population.wsdl', 'adapters/land/land.wsdl'],
  },
  apiDocs: {
    entry: 'functions/api-docs.ts',
    // The OpenAPI document and the portal's pages (both `npm run openapi`), and the reference's renderer.
    shippedFiles: ['docs/openapi.json', 'docs/portal/pages.json', 'node_modules/rapidoc/dist/rapidoc-min.js'],
  },
} as const satisfies Record<string, { entry: string; shippedFiles: readonly string[] }>;

export type GatewayFunctionName = keyof typeof gatewayFunctions;

export interface GatewayRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway resource path; `{name}` marks a path parameter. */
  readonly path: string;
  readonly function: Exclude<GatewayFunctionName, 'authorizer'>;
  /** Whether the API-key authorizer guards the route. */
  readonly authorized: boolean;
  /**
   * For routes that disclose personal data: the operation (scope) they perform. A refused key on
   * such a route is ledgered by the authorizer, since no function runs for it.
   */
  readonly personalData?: PersonalDataOperation;
}

/** The scopes whose operations touch personal data (kept in step with `schemas/clients.ts`). */
export type PersonalDataOperation =
  'population:verify' | 'population:lookup' | 'land:read' | 'audit:subject-report';

/** The personal-data operation behind a method and resource path, if any. */
export function personalDataOperationOf(
  method: string,
  resourcePath: string,
): PersonalDataOperation | undefined {
  return gatewayRoutes.find((route) => route.method === method && route.path === resourcePath)?.personalData;
}

export const gatewayRoutes: readonly GatewayRoute[] = [
  { method: 'GET', path: '/v1/health', function: 'health', authorized: false },
  {
    method: 'POST',
    path: '/v1/citizens/verify',
    function: 'verifyCitizen',
    authorized: true,
    personalData: 'population:verify',
  },
  {
    method: 'POST',
    path: '/v1/citizens/lookup',
    function: 'citizenLookup',
    authorized: true,
    personalData: 'population:lookup',
  },
  {
    method: 'GET',
    path: '/v1/land/parcels/{communeCode}/{mapSheet}/{parcelNumber}',
    function: 'landParcel',
    authorized: true,
    personalData: 'land:read',
  },
  {
    method: 'GET',
    path: '/v1/land/certificates/{serial}',
    function: 'landCertificate',
    authorized: true,
    personalData: 'land:read',
  },
  {
    method: 'GET',
    path: '/v1/businesses/{enterpriseCode}',
    function: 'businessLookup',
    authorized: true,
  },
  // Client management (scope admin); not personal data, so not ledgered.
  { method: 'GET', path: '/v1/admin/clients', function: 'adminClients', authorized: true },
  { method: 'POST', path: '/v1/admin/clients', function: 'adminClients', authorized: true },
  { method: 'GET', path: '/v1/admin/clients/{clientId}', function: 'adminClients', authorized: true },
  { method: 'PUT', path: '/v1/admin/clients/{clientId}/policy', function: 'adminClients', authorized: true },
  {
    method: 'POST',
    path: '/v1/admin/clients/{clientId}/disable',
    function: 'adminClients',
    authorized: true,
  },
  { method: 'POST', path: '/v1/admin/clients/{clientId}/enable', function: 'adminClients', authorized: true },
  { method: 'POST', path: '/v1/admin/clients/{clientId}/keys', function: 'adminClients', authorized: true },
  {
    method: 'DELETE',
    path: '/v1/admin/clients/{clientId}/keys/{keyId}',
    function: 'adminClients',
    authorized: true,
  },
  // Batches (scope batch:submit, plus the scope of each kind of item); only the submitting client
  // (or an admin) sees a batch.
  { method: 'POST', path: '/v1/batches', function: 'batches', authorized: true },
  { method: 'GET', path: '/v1/batches/{batchId}', function: 'batches', authorized: true },
  { method: 'GET', path: '/v1/batches/{batchId}/results', function: 'batches', authorized: true },
  { method: 'DELETE', path: '/v1/batches/{batchId}', function: 'batches', authorized: true },
  { method: 'GET', path: '/openapi.json', function: 'apiDocs', authorized: false },
  { method: 'GET', path: '/docs', function: 'apiDocs', authorized: false },
  { method: 'GET', path: '/docs/quickstart', function: 'apiDocs', authorized: false },
  { method: 'GET', path: '/docs/errors', function: 'apiDocs', authorized: false },
  { method: 'GET', path: '/docs/assets/{file}', function: 'apiDocs', authorized: false },
  {
    method: 'POST',
    path: '/v1/audit/subject-report',
    function: 'subjectReport',
    authorized: true,
    personalData: 'audit:subject-report',
  },
];
