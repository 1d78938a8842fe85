/**
 * `tsx console/build-cli.ts <outDir>`: builds the console into a folder. CDK's local bundling runs it
 * in a child process because asset bundling is synchronous and the build (esbuild plugins) is not.
 */
import path from 'node:path';
import { buildConsole } from './build.js';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: tsx console/build-cli.ts <outDir>');
  process.exit(2);
}
const files = await buildConsole(path.resolve(outDir));
console.log(`console built into ${outDir}: ${files.join(', ')}`);
