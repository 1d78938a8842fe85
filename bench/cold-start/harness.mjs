/* global process, performance, structuredClone */
// A fresh Node process standing in for a Lambda container: imports one function's production bundle
// (timed), invokes its handler once with a prepared API Gateway event (timed), then `count` more times,
// and writes what it measured as JSON to the result file. Plain JavaScript, so no TypeScript loader
// adds to the load time or the memory measured. Memory is taken at each step — the bare process with
// this harness, after loading, after the first invocation, the peak, and the live heap after a full
// garbage collection at the end (run with --expose-gc) — so that what the function holds can be told
// apart from garbage V8 had no reason to collect yet.
//   node harness.mjs <bundle.mjs> <event.json> <count> <result.json>
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile, countText, resultFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));

const mib = (bytes) => bytes / 2 ** 20;
const rssBeforeLoadMiB = mib(process.memoryUsage.rss());
const loadStarted = performance.now();
const loadCpuStarted = process.cpuUsage();
const { handler } = await import(pathToFileURL(bundle).href);
const loadMs = performance.now() - loadStarted;
const loadCpu = process.cpuUsage(loadCpuStarted);
const rssAfterLoadMiB = mib(process.memoryUsage.rss());

const lambdaContext = (requestId) => {
  const deadline = Date.now() + 10_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'cold-start-bench',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:cold-start-bench',
    memoryLimitInMB: '256',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/cold-start-bench',
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

// A proxy function answers a status; the authorizer answers a policy (or throws "Unauthorized").
const statusOf = (result) => result?.statusCode ?? (result?.principalId ? 200 : 0);
const invoke = async () => {
  const requestId = randomUUID();
  const fresh = structuredClone(event);
  fresh.requestContext.requestId = requestId;
  return statusOf(await handler(fresh, lambdaContext(requestId)));
};

const firstStarted = performance.now();
const firstStatus = await invoke();
const firstInvocationMs = performance.now() - firstStarted;
const rssAfterFirstMiB = mib(process.memoryUsage.rss());

const count = Number(countText);
const statuses = {};
const warmStarted = performance.now();
for (let i = 0; i < count; i++) {
  const status = await invoke();
  statuses[status] = (statuses[status] ?? 0) + 1;
}
const warmMs = performance.now() - warmStarted;
const rssAfterWarmMiB = mib(process.memoryUsage.rss());
globalThis.gc?.();
const afterGc = process.memoryUsage();

writeFileSync(
  resultFile,
  JSON.stringify({
    loadMs,
    // CPU time of the load: less sensitive than wall time to other work on the machine.
    loadCpuMs: (loadCpu.user + loadCpu.system) / 1000,
    firstInvocationMs,
    firstStatus,
    invocations: count,
    meanWarmInvocationMs: warmMs / count,
    statuses,
    // resourceUsage reports kilobytes.
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    rssBeforeLoadMiB,
    rssAfterLoadMiB,
    rssAfterFirstMiB,
    rssAfterWarmMiB,
    rssAfterGcMiB: mib(afterGc.rss),
    heapUsedAfterGcMiB: mib(afterGc.heapUsed),
    heapTotalAfterGcMiB: mib(afterGc.heapTotal),
    externalAfterGcMiB: mib(afterGc.external),
  }),
);
process.exit(0);
