import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMarkdownFile, checkTextFile, filesUnder, headingId, sectionIds } from '../../helpers/doc-links';

/**
 * Someone who clones the repository must find every rule the app follows inside it (issue 10, finding 20): the
 * README and docs/ may not point to `../shared` or to notes that are not here, and every relative link, with its
 * `#section`, must lead to something in the repository.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CHECKED = [join(ROOT, 'README.md'), ...filesUnder(join(ROOT, 'docs'), ['.md'])];

describe('the documentation stands on its own', () => {
  it('covers the README and the docs folder', () => {
    expect(CHECKED.map((file) => file.slice(ROOT.length + 1))).toEqual(
      expect.arrayContaining(['README.md', 'docs/README.md', 'docs/domain.md', 'docs/psychometrics.md', 'docs/documents.md', 'docs/architecture.md']),
    );
  });

  it.each(CHECKED.map((file) => [file.slice(ROOT.length + 1), file]))('%s has no pointer outside the repository and no broken link', (_name, file) => {
    expect(checkMarkdownFile(ROOT, file)).toEqual([]);
  });
});

describe('the link checker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'harmony-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'docs'), { recursive: true });
  writeFileSync(join(dir, 'outside.md'), '# Outside\n');
  writeFileSync(
    join(repo, 'docs', 'rules.md'),
    ['# Rules', '', '## §1 Data conventions', '', '## Passports and seaman’s books', '', '## Notes', '', '## Notes', '', '<a id="legacy"></a>', ''].join('\n'),
  );
  const write = (name: string, text: string) => {
    writeFileSync(join(repo, name), text);
    return join(repo, name);
  };
  const problemsOf = (text: string) => checkMarkdownFile(repo, write('README.md', text)).map((p) => p.message);

  it('gives headings the ids GitHub gives them', () => {
    expect(headingId('§1 Data conventions')).toBe('1-data-conventions');
    expect(headingId('The `harmony` command')).toBe('the-harmony-command');
    expect(headingId('Passports and seaman’s books')).toBe('passports-and-seamans-books');
    expect(headingId("§4 McDonald's omega")).toBe('4-mcdonalds-omega');
    expect([...sectionIds('# A\n## Notes\n## Notes\n```\n# not a heading\n```\n<a name="x"></a>\n')]).toEqual(['a', 'notes', 'notes-1', 'x']);
  });

  it('accepts links to files, folders and sections that exist, and external links', () => {
    expect(
      problemsOf(
        '[a](docs/rules.md) [b](docs/rules.md#1-data-conventions) [c](docs/rules.md#passports-and-seamans-books) [d](docs/rules.md#notes-1) ' +
          '[e](docs/rules.md#legacy) [f](docs/) [g](#top) [h](https://example.org/x.md) [i](mailto:a@b.c)\n\n# Top\n',
      ),
    ).toEqual([]);
  });

  it('reports a missing file, a missing section and a link out of the repository', () => {
    expect(problemsOf('[a](docs/missing.md)\n[b](docs/rules.md#certificates)\n[c](../outside.md)\n[d](#nowhere)\n')).toEqual([
      'links to docs/missing.md, which does not exist',
      'links to docs/rules.md#certificates, but docs/rules.md has no section #certificates',
      'links to ../outside.md, outside the repository',
      'links to #nowhere, but README.md has no section #nowhere',
    ]);
  });

  it('reports pointers to ../shared and to notes that are not in the repository, even in code', () => {
    const problems = problemsOf('See `../shared/domain/CREW.md`.\n\n```\nSPEC §5\n```\nAnd NOTES.md.\n');
    expect(problems.map((message) => message.split(':')[0])).toEqual([
      'points to ../shared, which is not in the repository',
      'names a note that is not in the repository',
      'cites a section of a specification that is not in the repository',
      'names a note that is not in the repository',
    ]);
  });

  it('reads links in reference definitions, not in code', () => {
    expect(problemsOf('[x]: docs/gone.md\n\n`[y](docs/gone.md)`\n\n```\n[z](docs/gone.md)\n```\n')).toEqual(['links to docs/gone.md, which does not exist']);
  });

  it('checks mentions of the documentation in source files', () => {
    const source = write('code.ts', '// docs/rules.md#1-data-conventions\n// docs/rules.md#certificates\n// ../shared/ocr/NOTES.md\n');
    expect(checkTextFile(repo, source).map((p) => `${p.where} ${p.message}`)).toEqual([
      'code.ts:3 points to ../shared, which is not in the repository: // ../shared/ocr/NOTES.md',
      'code.ts:3 names a note that is not in the repository: // ../shared/ocr/NOTES.md',
      'code.ts:2 links to docs/rules.md#certificates, but docs/rules.md has no section #certificates',
    ]);
  });
});
