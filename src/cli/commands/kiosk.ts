import { parseArgs } from 'node:util';
import { EXIT, UsageError, type CliCommand } from '../io';
import { withCore } from '../with-core';

export const kioskCommand: CliCommand = {
  name: 'kiosk',
  summary: 'Say which questionnaire holds the kiosk, or let go of it when the exit code is forgotten',
  usage: `harmony kiosk status|release [--data-dir DIR]

status   says whether a questionnaire holds the kiosk, and whose.
release  lets go of the kiosk without the exit code: an unfinished questionnaire is paused (it goes on later
         where it stopped). The command line is the operator's, at this computer; stop the app first.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
    const action = positionals[0];
    if (action !== 'status' && action !== 'release') throw new UsageError('Say status or release.');
    return withCore(io, values['data-dir'], async (core) => {
      const { sessionId } = await core.call('sessions.kioskState', {});
      if (!sessionId) {
        io.out('No questionnaire holds the kiosk.');
        return EXIT.ok;
      }
      const session = await core.call('sessions.get', { id: sessionId });
      const who = `${session.instrumentName} of ${session.personName ?? 'an anonymous crew member'}, ${session.answered} of ${session.items} answered`;
      if (action === 'status') {
        io.out(`The kiosk is held by ${who}.`);
        return EXIT.ok;
      }
      const released = await core.call('sessions.release', { sessionId });
      io.out(`Let go of the kiosk: ${who}${released.status === 'paused' ? '; paused, it goes on later where it stopped' : ''}.`);
      return EXIT.ok;
    });
  },
};
