import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMarkdownFile, checkTextFile, filesUnder, headingId, sectionIds } from '../../helpers/doc-links';

/**
 * Someone who clones the repository must find every rule the app follows inside it (issue 10, finding 20): the
 * README, docs/ and the code (comments, texts on screen, command help, test names) may not point to `../shared`
 * or to notes that are not here; every relative link, and every `docs/….md#section` the code cites, must lead to
 * something in the repository.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CHECKED = [join(ROOT, 'README.md'), ...filesUnder(join(ROOT, 'docs'), ['.md'])];
/** Files that are text: code, styles, pages, R scripts, data and configuration. */
const TEXT_FILES = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.css', '.html', '.R', '.json', '.csv', '.svg', '.yml', '.md', '.sql'];
/** The checker and its test quote the very pointers they look for. */
const QUOTING = new Set([join(ROOT, 'test', 'helpers', 'doc-links.ts'), join(ROOT, 'test', 'unit', 'docs', 'links.test.ts')]);
const SOURCES: Record<string, string[]> = {
  src: filesUnder(join(ROOT, 'src'), TEXT_FILES),
  test: filesUnder(join(ROOT, 'test'), TEXT_FILES).filter((file) => !QUOTING.has(file)),
  build: filesUnder(join(ROOT, 'build'), TEXT_FILES),
  'the configuration at the top': ['package.json', 'eslint.config.js', 'electron-builder.yml', 'electron.vite.config.ts', 'vitest.config.ts', 'playwright.config.ts', 'drizzle.config.ts', 'tsconfig.json']
    .map((name) => join(ROOT, name))
    .filter((file) => existsSync(file)),
};

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

describe('the code stands on its own', () => {
  it('covers the source, the tests, the build scripts and the configuration, but not the checker', () => {
    const names = Object.values(SOURCES)
      .flat()
      .map((file) => file.slice(ROOT.length + 1));
    expect(names).toEqual(expect.arrayContaining(['src/shared/domain/crew.ts', 'src/renderer/index.html', 'test/helpers/r/reference.R', 'build/ocrb-templates.ts', 'eslint.config.js']));
    expect(names.filter((name) => name.startsWith('src/')).length).toBeGreaterThan(300);
    expect(names).not.toContain('test/helpers/doc-links.ts');
    expect(names).not.toContain('test/unit/docs/links.test.ts');
  });

  it.each(Object.entries(SOURCES))('%s cites no private note and no section of the docs that does not exist', (_folder, files) => {
    expect(files.flatMap((file) => checkTextFile(ROOT, file)).map((p) => `${p.where} ${p.message}`)).toEqual([]);
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
      'cites a specification that is not in the repository',
      'names a note that is not in the repository',
    ]);
  });

  it('reads links in reference definitions, not in code', () => {
    expect(problemsOf('[x]: docs/gone.md\n\n`[y](docs/gone.md)`\n\n```\n[z](docs/gone.md)\n```\n')).toEqual(['links to docs/gone.md, which does not exist']);
  });

  it('tells an import of src/shared from the private notes under ../shared', () => {
    mkdirSync(join(repo, 'src', 'shared', 'api'), { recursive: true });
    mkdirSync(join(repo, 'src', 'core'), { recursive: true });
    writeFileSync(join(repo, 'src', 'shared', 'api', 'index.ts'), 'export {};\n');
    writeFileSync(join(repo, 'src', 'shared', 'dates.ts'), 'export {};\n');
    const source = join(repo, 'src', 'core', 'x.ts');
    writeFileSync(
      source,
      [
        "import { a } from '../shared/api';",
        "import { b } from '../shared/dates';",
        "const asText = \"import { c } from '../../shared/api'\";",
        '// the rules of ../shared/domain/CREW.md',
        '// see ../shared/ocr/',
        '// ../shared/missing',
      ].join('\n'),
    );
    expect(checkTextFile(repo, source).map((p) => `${p.where} ${p.message.split(':')[0]}`)).toEqual([
      'src/core/x.ts:4 points to ../shared, which is not in the repository',
      'src/core/x.ts:4 names a note that is not in the repository',
      'src/core/x.ts:5 points to ../shared, which is not in the repository',
      'src/core/x.ts:6 points to ../shared, which is not in the repository',
    ]);
  });

  it('reports sections cited by name in source, and checks README.md#section like docs/', () => {
    const source = write(
      'cited.ts',
      [
        '// cut-offs: see README: Psychometric engine',
        '// README §Document verification has the figures',
        '// (SPEC: within 1e-6)',
        '// docs/rules.md §Notes',
        '// TEAM-RESEARCH',
        '// README.md#top README.md#nowhere',
        "const readme = join(ROOT, 'README.md'); // a file, not a section",
      ].join('\n'),
    );
    write('README.md', '# Top\n');
    expect(checkTextFile(repo, source).map((p) => `${p.where} ${p.message.split(/[;:]/)[0]}`)).toEqual([
      'cited.ts:1 cites a README section by its name',
      'cited.ts:2 cites a README section by its name',
      'cited.ts:3 cites a specification that is not in the repository',
      'cited.ts:4 cites a section of the docs by its name',
      'cited.ts:5 names a note that is not in the repository',
      'cited.ts:6 links to README.md#nowhere, but README.md has no section #nowhere',
    ]);
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
