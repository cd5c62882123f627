import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs test/helpers/r/fit-reference.R (base R only) and returns its figures by name; null where Rscript is missing. */
const SCRIPT = fileURLToPath(new URL('./r/fit-reference.R', import.meta.url));

export const baseRAvailable: boolean = spawnSync('Rscript', ['-e', 'cat(1)'], { encoding: 'utf8' }).status === 0;

export function fitReference(mode: 'glm' | 'anova', csvPath: string): Map<string, number> {
  const result = spawnSync('Rscript', [SCRIPT, mode, csvPath], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Rscript failed (${result.status}): ${result.stderr}`);
  const figures = new Map<string, number>();
  for (const line of result.stdout.split('\n')) {
    const [name, value] = line.split(' = ');
    if (name && value) figures.set(name.trim(), Number(value));
  }
  return figures;
}
