import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCsv, type SimItem } from './psych-sim';

/**
 * Runs test/helpers/r/reference.R (psych 2.2.9 + careless 1.2.2 mirrored) on a data set and returns its
 * figures by name. Tests skip, saying why, where Rscript is not installed (CI installs it, see .ci/run).
 */
const SCRIPT = fileURLToPath(new URL('./r/reference.R', import.meta.url));

export const rscriptAvailable: boolean = (() => {
  const probe = spawnSync('Rscript', ['-e', 'suppressMessages(library(psych)); cat(as.character(packageVersion("psych")))'], { encoding: 'utf8' });
  return probe.status === 0;
})();

export const rSkipReason = 'Rscript with the psych package is not installed: the cross-checks against R are skipped (CI runs them; see .ci/run).';

export interface ReferenceInput {
  items: readonly SimItem[];
  ids: readonly string[];
  values: Float64Array;
  min: number;
  max: number;
  critval: number;
  confidence: number;
}

export class Reference {
  constructor(readonly figures: Map<string, string>) {}

  number(name: string): number {
    const text = this.figures.get(name);
    if (text === undefined) throw new Error(`R gave no figure named ${name}`);
    return text === 'NA' ? Number.NaN : Number(text);
  }

  /** A vector emitted element by element (name.1, name.2, …); a single value is a vector of one. */
  vector(name: string): number[] {
    if (this.figures.has(name)) return [this.number(name)];
    const out: number[] = [];
    for (let i = 1; this.figures.has(`${name}.${i}`); i += 1) out.push(this.number(`${name}.${i}`));
    if (!out.length) throw new Error(`R gave no vector named ${name}`);
    return out;
  }

  text(name: string): string {
    const text = this.figures.get(name);
    if (text === undefined) throw new Error(`R gave no figure named ${name}`);
    return text;
  }

  has(name: string): boolean {
    return this.figures.has(name) || this.figures.has(`${name}.1`);
  }
}

function rscript(args: string[]): void {
  const result = spawnSync('Rscript', [SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`Rscript failed (${result.status}): ${result.stderr}`);
}

export function runReference(input: ReferenceInput): Reference {
  const dir = mkdtempSync(join(tmpdir(), 'harmony-r-'));
  try {
    const files = { responses: join(dir, 'responses.csv'), keys: join(dir, 'keys.csv'), params: join(dir, 'params.csv'), out: join(dir, 'out.tsv') };
    writeFileSync(files.responses, toCsv(input.items.map((i) => i.id), input.ids, input.values));
    writeFileSync(files.keys, ['item,scale,facet,keyed', ...input.items.map((i) => `${i.id},${i.scale},${i.facet ?? ''},${i.keyed}`)].join('\n'));
    writeFileSync(files.params, ['name,value', `min,${input.min}`, `max,${input.max}`, `critval,${input.critval}`, `confidence,${input.confidence}`].join('\n'));
    rscript([files.responses, files.keys, files.params, files.out]);
    const figures = new Map<string, string>();
    for (const line of readFileSync(files.out, 'utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) figures.set(line.slice(0, tab), line.slice(tab + 1));
    }
    return new Reference(figures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** psych's bfi items (2800 × 25, 1–6, with missing answers) as CSV text. */
export function exportBfi(): string {
  const dir = mkdtempSync(join(tmpdir(), 'harmony-r-'));
  try {
    const file = join(dir, 'bfi.csv');
    rscript(['--export-bfi', file]);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
