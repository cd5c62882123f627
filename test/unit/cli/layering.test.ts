import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Issue 10 finding 21: the CLI is one more client of the typed API, and lint keeps it so. */
const eslint = new ESLint();

async function restricted(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src/cli/commands/probe.ts' });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('what src/cli may import', () => {
  it('refuses the engine and the core internals', async () => {
    for (const from of ['../../engine/psychometrics', '../../engine/csv', '../../core/api/errors', '../../core/psychometrics/psychometrics-pool', '../../core/documents/verifier']) {
      expect(await restricted(`import { x } from '${from}';\nexport const y = x;\n`), from).toHaveLength(1);
    }
  });

  it('allows the core itself and the shared contract', async () => {
    expect(await restricted(`import { createCore } from '../../core/core';\nimport { contract } from '../../shared/api';\nexport const y = [createCore, contract];\n`)).toEqual([]);
  });
});
