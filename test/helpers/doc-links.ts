import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * Checks that the repository's documentation stands on its own: no pointer to files outside it (the private
 * notes under `../shared`), and every relative link, with its `#section`, leads to something that exists here.
 * Section ids are GitHub's: the heading text in lower case, punctuation dropped, spaces as hyphens, `-1`, `-2`…
 * for repeats; `<a id="…">` and `<a name="…">` count too.
 */

/** Text that points outside the repository, or at notes that are not part of it. */
export const FORBIDDEN: Array<[RegExp, string]> = [
  [/\.\.\/shared\b/, 'points to ../shared, which is not in the repository'],
  [/\b(?:CREW|SPEC|NOTES|TEAM-RESEARCH|ARCHITECTURE)\.md\b|\bTEAM-RESEARCH\b/, 'names a note that is not in the repository'],
  [/\bSPEC ?[§:]/, 'cites a specification that is not in the repository'],
];

/**
 * Only in source files: a section cited by its name (`README §Psychometric engine`, `see README: …`,
 * `docs/domain.md §Rotations`) breaks silently when the page changes; cite `docs/….md#section` or
 * `README.md#section`, which are checked.
 */
const BY_NAME: Array<[RegExp, string]> = [
  [/\bREADME(?:\.md)?\s*[§:"(]/, 'cites a README section by its name; cite docs/….md#section or README.md#section'],
  [/\bdocs\/[\w./-]+\.md`?\s*§/, 'cites a section of the docs by its name; cite docs/….md#section'],
];

/** Module specifiers such as `../../shared/api`, which in source are imports of `src/shared`, not the private notes. */
const SHARED_SPECIFIER = /(?:\.\.\/)+shared(?:\/[\w.-]+)*/g;
const MODULE_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.mjs'];

export interface LinkProblem {
  /** `file:line`, relative to the repository. */
  where: string;
  message: string;
}

/** Fenced code blocks blanked out (line count kept), so that examples are not read as links or headings. */
function withoutFences(text: string): string {
  let fence: string | null = null;
  return text
    .split('\n')
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === null && marker) {
        fence = marker;
        return '';
      }
      if (fence !== null) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return '';
      }
      return line;
    })
    .join('\n');
}

/** Inline code spans blanked out (`` `a [b](c)` `` is not a link). */
const withoutCodeSpans = (line: string): string => line.replace(/(`+)(?:(?!\1)[\s\S])+?\1/g, (span) => ' '.repeat(span.length));

/** GitHub's id for a heading's text. */
export function headingId(heading: string): string {
  const plain = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\*+/g, '');
  return plain
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The section ids of a markdown text, in order, with GitHub's suffixes for repeated headings. */
export function sectionIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split('\n')) {
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) ids.add(match[1]!);
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = headingId(heading[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    ids.add(count === 0 ? base : `${base}-${count}`);
  }
  return ids;
}

/** Link targets of a markdown text with their line numbers: inline links and images, and reference definitions. */
export function linkTargets(markdown: string): Array<{ line: number; target: string }> {
  const found: Array<{ line: number; target: string }> = [];
  withoutFences(markdown)
    .split('\n')
    .forEach((raw, index) => {
      const line = withoutCodeSpans(raw);
      for (const match of line.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)/g)) {
        found.push({ line: index + 1, target: match[1]!.replace(/^<|>$/g, '') });
      }
      const definition = /^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(line);
      if (definition) found.push({ line: index + 1, target: definition[1]!.replace(/^<|>$/g, '') });
    });
  return found;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

const sectionCache = new Map<string, Set<string>>();
function sectionsOfFile(path: string): Set<string> {
  let ids = sectionCache.get(path);
  if (!ids) sectionCache.set(path, (ids = sectionIds(readFileSync(path, 'utf8'))));
  return ids;
}

/** Whether `path` lies inside `root` (a link may not leave the repository, even to a file that exists). */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Where `target` leads from `fromFile`, and what is wrong with it (null when nothing is). */
function checkTarget(root: string, fromFile: string, text: string, target: string): string | null {
  const hash = target.indexOf('#');
  const pathPart = decodeURIComponent(hash >= 0 ? target.slice(0, hash) : target);
  const fragment = hash >= 0 ? decodeURIComponent(target.slice(hash + 1)) : null;
  const destination = pathPart === '' ? fromFile : resolve(dirname(fromFile), pathPart);
  if (!inside(root, destination)) return `links to ${target}, outside the repository`;
  if (!existsSync(destination)) return `links to ${target}, which does not exist`;
  if (fragment === null || fragment === '') return null;
  if (statSync(destination).isDirectory() || extname(destination).toLowerCase() !== '.md') return null;
  const ids = destination === fromFile ? sectionIds(text) : sectionsOfFile(destination);
  return ids.has(fragment) ? null : `links to ${target}, but ${relative(root, destination)} has no section #${fragment}`;
}

function forbiddenIn(text: string, where: (line: number) => string, patterns: ReadonlyArray<[RegExp, string]> = FORBIDDEN, scrub = (line: string) => line): LinkProblem[] {
  const problems: LinkProblem[] = [];
  text.split('\n').forEach((line, index) => {
    const scrubbed = scrub(line);
    for (const [pattern, message] of patterns) if (pattern.test(scrubbed)) problems.push({ where: where(index + 1), message: `${message}: ${line.trim()}` });
  });
  return problems;
}

/**
 * `line` with every `../shared…` module specifier blanked: one that resolves from `file` to a module in the
 * repository, or names a module of `src/shared` (a test that writes an import as text). The private notes are
 * neither.
 */
function withoutImportsOfShared(root: string, file: string, line: string): string {
  const isModule = (path: string) => inside(root, path) && MODULE_EXTENSIONS.some((extension) => existsSync(path + extension));
  return line.replace(SHARED_SPECIFIER, (specifier) => {
    const inSrcShared = specifier.replace(/^(?:\.\.\/)+shared/, '');
    const imported = isModule(resolve(dirname(file), specifier)) || (inSrcShared !== '' && isModule(join(root, 'src', 'shared', inSrcShared)));
    return imported ? ' '.repeat(specifier.length) : specifier;
  });
}

/** Every problem of one markdown file: forbidden pointers anywhere in it, broken relative links and sections. */
export function checkMarkdownFile(root: string, file: string): LinkProblem[] {
  const text = readFileSync(file, 'utf8');
  const where = (line: number) => `${relative(root, file)}:${line}`;
  const problems = forbiddenIn(text, where);
  for (const { line, target } of linkTargets(text)) {
    if (isExternal(target)) continue;
    const problem = checkTarget(root, file, text, target);
    if (problem) problems.push({ where: where(line), message: problem });
  }
  return problems;
}

/**
 * Every problem of a file that is not markdown (source code, comments, UI text): forbidden pointers (an import of
 * `src/shared` such as `'../shared/api'` is not one), sections cited by name, and mentions of the
 * documentation such as `docs/domain.md#certificates` or `README.md#the-harmony-command` (relative to the
 * repository) that lead nowhere.
 */
export function checkTextFile(root: string, file: string): LinkProblem[] {
  const text = readFileSync(file, 'utf8');
  const where = (line: number) => `${relative(root, file)}:${line}`;
  const problems = forbiddenIn(text, where, [...FORBIDDEN, ...BY_NAME], (line) => withoutImportsOfShared(root, file, line));
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/(?<![\w/.-])(?:docs\/[\w./-]+\.md|README\.md)(?:#[\p{L}\p{N}_-]+)?/gu)) {
      // Resolved from the repository's top folder, as if from a file there that is none of the pages.
      const problem = checkTarget(root, join(root, '.source'), '', match[0]);
      if (problem) problems.push({ where: where(index + 1), message: problem });
    }
  });
  return problems;
}

/** Files under `path` (itself when it is a file) whose names end with one of `extensions`. */
export function filesUnder(path: string, extensions: readonly string[]): string[] {
  if (!statSync(path).isDirectory()) return extensions.some((e) => path.endsWith(e)) ? [path] : [];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .flatMap((entry) => filesUnder(join(path, entry.name), extensions))
    .sort();
}
