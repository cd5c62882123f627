import { cruise, type ICruiseResult, type IModule } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue 10 finding 22: modules that import each other in a loop cannot be understood, tested or moved one at a
 * time, and a folder that reaches up to a higher one drags the whole house along. Every file of src/ stands on
 * the files it imports without coming back to itself, and the folders of the core and the engine stand in the
 * order below (docs/architecture.md#inside-the-core).
 *
 * Each list is a ladder, lowest step first: a folder (or a file directly inside src/core or src/engine) may
 * import what stands on a lower step, never a folder of its own step nor of a higher one. A new folder must be
 * given its step here.
 */
const CORE_STEPS: string[][] = [
  // Who is calling (the caller of the call in progress) and what happens to passwords: read by the dispatcher,
  // the write path and the keyring, so it stands below them all. Accounts themselves live in users/.
  ['auth'],
  // What every service stands on: errors, tasks and the dispatcher; the data folder; the error log.
  ['api', 'paths.ts', 'error-log.ts', 'model-file.ts', 'worker-file.ts'],
  ['files', 'transports'],
  ['db'],
  ['core-state.ts'],
  ['context.ts'],
  ['per-core.ts', 'system'],
  // The domains, each on the ones it needs.
  ['vessels', 'people', 'users'],
  ['assignments', 'documents', 'psychometrics', 'manning', 'sync'],
  ['questionnaires'],
  ['team'],
  ['fit'],
  ['recruitment'],
  ['demo'],
  // The composition root: every procedure bound to its service, and the core that shells create.
  ['router.ts'],
  ['core.ts'],
];

const ENGINE_STEPS: string[][] = [
  ['csv', 'manning', 'random.ts'],
  ['documents', 'psychometrics'],
  ['team', 'questionnaires'],
  ['fit'],
];

/** The procedures of a domain are bound in one place: a handlers module is imported by the router alone. */
const HANDLERS = /(^|[/-])handlers\.ts$/;
const ROUTER = 'src/core/router.ts';

let modules: IModule[] = [];

beforeAll(async () => {
  const result = await cruise(
    ['src'],
    { tsPreCompilationDeps: true, exclude: { path: 'node_modules' }, doNotFollow: { path: 'node_modules' } },
    { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
  );
  modules = (result.output as ICruiseResult).modules;
}, 60_000);

/** Our own imports: relative ones, resolved to a file under src/. */
function localImports(module: IModule): string[] {
  return module.dependencies.filter((d) => d.module.startsWith('.') && d.resolved.startsWith('src/')).map((d) => d.resolved);
}

/** The step of a file of `root` on `steps` (its folder's, or its own for a file directly inside root). */
function placeOf(root: string, file: string): string | null {
  if (!file.startsWith(`${root}/`)) return null;
  return file.slice(root.length + 1).split('/')[0]!;
}

function ladderBreaches(root: string, steps: string[][]): { undeclared: string[]; breaches: string[] } {
  const stepOf = new Map(steps.flatMap((places, step) => places.map((place) => [place, step] as const)));
  const undeclared = new Set<string>();
  const breaches: string[] = [];
  for (const module of modules) {
    const from = placeOf(root, module.source);
    if (from === null) continue;
    if (!stepOf.has(from)) undeclared.add(from);
    for (const target of localImports(module)) {
      const to = placeOf(root, target);
      if (to === null || to === from) continue;
      if (!stepOf.has(to)) undeclared.add(to);
      else if (stepOf.has(from) && stepOf.get(to)! >= stepOf.get(from)!) breaches.push(`${module.source} -> ${target} (${from} may not import ${to})`);
    }
  }
  return { undeclared: [...undeclared].sort(), breaches };
}

describe('the import graph of src/', () => {
  it('is read whole: every relative import is resolved to a file', () => {
    expect(modules.filter((m) => m.source.startsWith('src/core/')).length).toBeGreaterThan(100);
    const unresolved = modules.flatMap((m) => m.dependencies.filter((d) => d.module.startsWith('.') && d.couldNotResolve).map((d) => `${m.source} -> ${d.module}`));
    expect(unresolved).toEqual([]);
  });

  it('has no circle: no file comes back to itself through its imports', () => {
    const circles = new Set<string>();
    for (const module of modules) {
      for (const dependency of module.dependencies) {
        if (!dependency.circular) continue;
        // The cycle runs from the imported file back to this one; it is named from its first file in sort order.
        const loop = (dependency.cycle ?? []).map((step) => step.name);
        const start = loop.indexOf([...loop].sort()[0]!);
        const named = [...loop.slice(start), ...loop.slice(0, start)];
        circles.add([...named, named[0]].join(' -> '));
      }
    }
    expect([...circles]).toEqual([]);
  });

  it('keeps the folders of the core in their order', () => {
    expect(ladderBreaches('src/core', CORE_STEPS)).toEqual({ undeclared: [], breaches: [] });
  });

  it('keeps the folders of the engine in their order', () => {
    expect(ladderBreaches('src/engine', ENGINE_STEPS)).toEqual({ undeclared: [], breaches: [] });
  });

  it('binds every procedure in the router alone', () => {
    const reachingIn = modules.flatMap((m) => (m.source === ROUTER ? [] : localImports(m).filter((t) => HANDLERS.test(t)).map((t) => `${m.source} -> ${t}`)));
    expect(reachingIn).toEqual([]);
  });
});
