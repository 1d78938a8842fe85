import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeMachine, machineLine } from './machine.js';

/** Writes `bench/results/<name>.json` (git-ignored) with the machine it ran on, and says where. */
export function writeResults(name: string, results: unknown): void {
  const file = path.resolve('bench/results', `${name}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const machine = describeMachine();
  writeFileSync(
    file,
    `${JSON.stringify({ name, ranAt: new Date().toISOString(), machine, results }, null, 2)}\n`,
  );
  console.log(`${machineLine(machine)}\nwritten: ${path.relative(process.cwd(), file)}\n`);
}

/** A plain-text table: the first row is the header; numbers are right-aligned. */
export function printTable(title: string, rows: readonly (readonly (string | number)[])[]): void {
  const cells = rows.map((row) => row.map(String));
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  const line = (row: readonly string[], raw: readonly (string | number)[]) =>
    `| ${row
      .map((cell, column) =>
        typeof raw[column] === 'number' ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(cells[0]!, rows[0]!));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const [index, row] of cells.slice(1).entries()) console.log(line(row, rows[index + 1]!));
}

/** Milliseconds with two decimals, as a number (for tables and JSON alike). */
export function ms(value: number): number {
  return Math.round(value * 100) / 100;
}
