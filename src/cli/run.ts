import { errorLogFile, logUnexpectedError, resolveDataDir, toAppError } from '../core/core';
import { commands } from './commands';
import { EXIT, UsageError, type CliIo } from './io';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Harmony Crew — crew management for superyachts, offline.',
    '',
    'Usage: harmony <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Data folder: HARMONY_DATA_DIR, or --data-dir, or the OS data directory.',
    'Run `harmony help <command>` for a command\'s options.',
  ].join('\n');
}

/** Runs one `harmony` invocation and returns its exit code; never calls process.exit (tests call this). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = commands.find((c) => c.name === rest[0]);
    io.out(topic ? topic.usage : overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    const { version } = await import('../../package.json');
    io.out(version);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${overview()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    io.err(describeFailure(name, rest, error));
    return EXIT.failed;
  }
}

/**
 * A person's mistake (a missing file or folder, a file already there, no permission, a full disk) is said in
 * plain words. Anything else is a bug: one line here, the stack trace in the data folder's log.
 */
function describeFailure(command: string, args: string[], error: unknown): string {
  const failure = toAppError(error);
  if (failure.code !== 'INTERNAL') return failure.message;
  const dataDir = resolveDataDir(dataDirOption(args));
  // An INTERNAL answer of the core was logged by the core; an error of the command itself is logged here.
  const log = failure === error ? errorLogFile(dataDir) : logUnexpectedError(dataDir, `harmony ${command}`, error);
  return log ? `${failure.message}\nThis is a fault in Harmony Crew; the details are in ${log}.` : failure.message;
}

/** The `--data-dir` a command was given, so the log goes to the data folder the command used. */
function dataDirOption(args: string[]): string | undefined {
  const at = args.indexOf('--data-dir');
  if (at >= 0) return args[at + 1];
  return args.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);
}
