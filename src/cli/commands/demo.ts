import { parseArgs } from 'node:util';
import { EXIT, type CliCommand } from '../io';
import { withCore, withProgress } from '../with-core';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Load the synthetic sample fleet (4 yachts, about 60 crew) into an empty database',
  usage: `harmony demo [--data-dir DIR]

Loads a sample fleet so the app has something to show: four yachts of different sizes, their positions, about
sixty synthetic crew (generated names, no real people) with current crew, planned joiners, past crew and a few
vacancies, and synthetic IPIP-NEO-120 results for the crew and some applicants. The same fleet every time
(seeded), dated relative to today. Refused when the database already has vessels (exit code 1): use an empty
data folder, e.g. HARMONY_DATA_DIR=/tmp/harmony-demo harmony demo.`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } } });
    return withCore(io, values['data-dir'], async (core) => {
      const counts = await withProgress(core, io, 'cli-demo', () => core.call('demo.load', {}, { taskId: 'cli-demo' }));
      io.out(`Loaded the sample fleet: ${counts.vessels} vessels, ${counts.positions} positions, ${counts.people} people, ${counts.assignments} assignments, ${counts.documents} sample certificate records, ${counts.assessments} questionnaire results.`);
      io.out(`Data folder: ${core.state.dataDir}`);
      return EXIT.ok;
    });
  },
};
