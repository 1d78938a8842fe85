/**
 * `npm run bench`: runs every `bench/*.bench.ts` one after the other, each in its own process (so
 * one benchmark's stack, JIT and heap never skew the next), and stops a benchmark that overruns.
 * `npm run bench -- overhead` runs only the benchmarks whose file name contains a given word.
 * Each benchmark prints its tables and writes `bench/results/<name>.json` (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const timeoutMs = Number(process.env['BENCH_TIMEOUT_MS'] ?? 600_000);
const filters = process.argv.slice(2);
const benchmarks = readdirSync(path.resolve('bench'))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (benchmarks.length === 0) throw new Error(`no benchmark matches ${filters.join(', ')}`);

const failed: string[] = [];
for (const file of benchmarks) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(path.resolve('node_modules/.bin/tsx'), [path.join('bench', file)], {
    stdio: 'inherit',
    timeout: timeoutMs,
    env: { ...process.env, PATH: `${path.resolve('node_modules/.bin')}:${process.env['PATH'] ?? ''}` },
  });
  if (run.status !== 0) failed.push(`${file} (${run.status ?? run.signal})`);
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
