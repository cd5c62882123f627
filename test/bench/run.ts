import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, Figure } from './harness';

/**
 * `npm run bench [-- name…]`: runs every test/bench/*.bench.ts (or those whose file name contains a given word)
 * one after another and prints their figures. Figures are measurements for people, not pass/fail checks.
 */
const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort();

function format(figure: Figure): string {
  const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(figure.value < 10 ? 2 : 1);
  const target = figure.target ? `   (target ${figure.target})` : '';
  return `  ${figure.label.padEnd(68)} ${value.padStart(10)} ${figure.unit}${target}`;
}

for (const file of files) {
  const bench = (await import(pathToFileURL(join(here, file)).href)).default as Benchmark;
  console.log(`\n${bench.name}`);
  try {
    await bench.run((figure) => console.log(format(figure)));
  } catch (error) {
    console.log(`  failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  }
}
