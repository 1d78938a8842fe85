/**
 * The quickstart with the typed client: verify a sandbox citizen, look up a business and a parcel,
 * submit a batch of the same lookups, wait for it and read its results. Every path, parameter, header,
 * body and answer is typed from the OpenAPI document (`api-schema.d.ts`, written by `npm run openapi`).
 *
 *   SANDBOX_API_KEY=sandbox-demo npm start                                   # in one terminal
 *   LIENTHONG_API_KEY=sandbox-demo npx tsx examples/typed-client/quickstart.ts   # in another
 *
 * `LIENTHONG_URL` is the gateway (default http://127.0.0.1:3000). Each step prints one line; the last
 * line is a JSON summary, for scripts.
 */
import createClient from 'openapi-fetch';
import type { paths } from './api-schema.js';

const baseUrl = process.env['LIENTHONG_URL'] ?? 'http://127.0.0.1:3000';
const apiKey = process.env['LIENTHONG_API_KEY'];
if (!apiKey) {
  console.error('Set LIENTHONG_API_KEY to your API key (the sandbox key `npm start` prints).');
  process.exit(2);
}

/** The answer's body, or an error naming the step and the problem the gateway answered. */
async function answerOf<Data, Problem>(
  step: string,
  call: Promise<{ data?: Data; error?: Problem; response: Response }>,
): Promise<Data> {
  const { data, error, response } = await call;
  if (data === undefined) {
    throw new Error(`${step}: HTTP ${response.status} ${JSON.stringify(error)}`);
  }
  return data;
}

// #region client
const client = createClient<paths>({ baseUrl, headers: { 'x-api-key': apiKey } });

// The purpose envelope every personal-data call carries: the officer and the procedure it is for.
const envelope = { 'x-officer-id': 'CB-0042', 'x-purpose': '1.001234.000.00.00.H12' };
// #endregion

// #region verify
const verification = await answerOf(
  'verify',
  client.POST('/v1/citizens/verify', {
    params: { header: envelope },
    body: { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' },
  }),
);
console.log(`verify: match=${verification.match}, fullName=${verification.fields.fullName}`);
// #endregion

// #region business
const { business } = await answerOf(
  'business',
  client.GET('/v1/businesses/{enterpriseCode}', { params: { path: { enterpriseCode: '3701234562' } } }),
);
console.log(`business: ${business.names.vietnamese} (${business.status.code})`);
// #endregion

// #region parcel
const { parcels } = await answerOf(
  'parcel',
  client.GET('/v1/land/parcels/{communeCode}/{mapSheet}/{parcelNumber}', {
    params: { header: envelope, path: { communeCode: '25747', mapSheet: 12, parcelNumber: 345 } },
  }),
);
const [first] = parcels;
console.log(
  `parcel: ${parcels.length} found; ${first?.parcel.areaM2} m² ${first?.parcel.landUse.code}, ` +
    `certificate ${first?.certificates[0]?.serial}`,
);
// #endregion

// #region batch
const accepted = await answerOf(
  'batch submit',
  client.POST('/v1/batches', {
    params: { header: envelope },
    body: {
      items: [
        {
          kind: 'citizen-verify',
          request: { personalId: '074095000123', fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15' },
        },
        { kind: 'business', request: { enterpriseCode: '3701234562' } },
        { kind: 'land-parcel', request: { communeCode: '25747', mapSheet: 12, parcelNumber: 345 } },
      ],
    },
  }),
);
console.log(`batch: ${accepted.batchId} ${accepted.status}, ${accepted.total} items`);
// #endregion

// #region poll
const batchPath = { params: { path: { batchId: accepted.batchId } } };
let status = await answerOf('batch status', client.GET('/v1/batches/{batchId}', batchPath));
for (let polls = 1; (status.status === 'queued' || status.status === 'running') && polls <= 120; polls++) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  status = await answerOf('batch status', client.GET('/v1/batches/{batchId}', batchPath));
}
console.log(`batch: ${status.status}, ${status.done}/${status.total} done`);
// #endregion

// #region results
const page = await answerOf('batch results', client.GET('/v1/batches/{batchId}/results', batchPath));
for (const result of page.results) {
  console.log(`  item ${result.item} ${result.kind}: ${result.outcome}`);
}
// #endregion

console.log(
  JSON.stringify({
    match: verification.match,
    businessName: business.names.vietnamese,
    parcelsFound: parcels.length,
    parcelAreaM2: first?.parcel.areaM2,
    batchId: accepted.batchId,
    batchStatus: status.status,
    results: page.results.map((result) => ({
      item: result.item,
      kind: result.kind,
      outcome: result.outcome,
    })),
  }),
);
