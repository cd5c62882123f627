import { parseArgs } from 'node:util';
import { EXIT, UsageError, type CliCommand } from '../io';
import { outputPath, writeUserFile } from '../user-files';
import { withCore } from '../with-core';

export const cvCommand: CliCommand = {
  name: 'cv',
  summary: "Write a person's yacht CV as PDF (two pages at most) or Markdown",
  usage: `harmony cv PERSON_ID --out FILE [--no-contacts] [--markdown] [--force] [--data-dir DIR]

Writes the yacht CV of the person with that id (shown on their profile) to FILE: a PDF of at most two pages,
or Markdown with --markdown. --no-contacts leaves out their e-mail address and phone number and the referees'
contact details, as agencies send a CV on. An existing FILE is replaced only with --force; the file is
written whole or not at all.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false }, 'no-contacts': { type: 'boolean', default: false }, markdown: { type: 'boolean', default: false } },
    });
    const [personId, ...extra] = positionals;
    if (personId === undefined) throw new UsageError('Say whose CV: harmony cv PERSON_ID --out FILE');
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
    if (values.out === undefined) throw new UsageError('Say where to write the CV: --out FILE');
    const force = values.force ?? false;
    const file = outputPath(values.out, values.markdown ? 'cv.md' : 'cv.pdf', force);
    const contacts = !values['no-contacts'];
    return withCore(io, values['data-dir'], async (core) => {
      if (values.markdown) {
        const cv = await core.call('cv.markdown', { personId, contacts });
        writeUserFile(file, cv.markdown, force);
        io.err(`Wrote the CV as Markdown to ${file}${contacts ? '' : ' (without contact details)'}`);
      } else {
        const cv = await core.call('cv.pdf', { personId, contacts });
        writeUserFile(file, Buffer.from(cv.contentBase64, 'base64'), force);
        io.err(`Wrote the CV (${cv.pages} ${cv.pages === 1 ? 'page' : 'pages'}) to ${file}${contacts ? '' : ' (without contact details)'}`);
      }
      return EXIT.ok;
    });
  },
};
