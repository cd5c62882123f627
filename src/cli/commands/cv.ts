import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type CliCommand } from '../io';
import { withCore } from '../with-core';

export const cvCommand: CliCommand = {
  name: 'cv',
  summary: "Write a person's yacht CV as PDF (two pages at most) or Markdown",
  usage: `harmony cv PERSON_ID --out FILE [--no-contacts] [--markdown] [--data-dir DIR]

Writes the yacht CV of the person with that id (shown on their profile) to FILE: a PDF of at most two pages,
or Markdown with --markdown. --no-contacts leaves out their e-mail address and phone number and the referees'
contact details, as agencies send a CV on.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, 'no-contacts': { type: 'boolean', default: false }, markdown: { type: 'boolean', default: false } },
    });
    const [personId, ...extra] = positionals;
    if (personId === undefined) throw new UsageError('Say whose CV: harmony cv PERSON_ID --out FILE');
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
    if (values.out === undefined) throw new UsageError('Say where to write the CV: --out FILE');
    const file = resolve(values.out);
    const contacts = !values['no-contacts'];
    return withCore(values['data-dir'], async (core) => {
      if (values.markdown) {
        const cv = await core.call('cv.markdown', { personId, contacts });
        writeFileSync(file, cv.markdown);
        io.err(`Wrote the CV as Markdown to ${file}${contacts ? '' : ' (without contact details)'}`);
      } else {
        const cv = await core.call('cv.pdf', { personId, contacts });
        writeFileSync(file, Buffer.from(cv.contentBase64, 'base64'));
        io.err(`Wrote the CV (${cv.pages} ${cv.pages === 1 ? 'page' : 'pages'}) to ${file}${contacts ? '' : ' (without contact details)'}`);
      }
      return EXIT.ok;
    });
  },
};
