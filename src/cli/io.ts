/** Where a command writes; the real process streams in the `harmony` binary, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress on a terminal line (carriage return); silent when output is not a TTY. */
  progress(text: string): void;
  /** Resolves when the user asks to stop (Ctrl+C); `serve` waits on it. */
  interrupted: Promise<void>;
  /** The environment: HARMONY_USER and HARMONY_PASSWORD sign in (docs/security.md#the-command-line). */
  env: Readonly<Record<string, string | undefined>>;
  /** All of standard input as text (a password piped in). */
  readStdin(): Promise<string>;
  /** Asks a question on the terminal, the answer hidden when `hidden`; null when there is no terminal to ask on. */
  ask: ((question: string, hidden: boolean) => Promise<string>) | null;
  /**
   * scrypt's parameters for hashes made by this run. The `harmony` binary never sets it (the measured default);
   * tests pass a cheap one, as they do to the core.
   */
  passwordCost?: { ln: number; r: number; p: number };
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes: 0 success, 1 the work failed (bad data, failed checks), 2 wrong usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text, shown by `harmony help <command>` and on a usage error. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Reads a line from the terminal without echoing it (a password). */
async function askOnTerminal(question: string, hidden: boolean): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (hidden) {
    // Readline writes what is typed through _writeToOutput: only the question is shown, the answer never is.
    const writable = rl as unknown as { _writeToOutput(text: string): void };
    writable._writeToOutput = (text: string) => {
      if (text.startsWith(question)) process.stderr.write(question);
      else if (text.includes('\n') || text.includes('\r')) process.stderr.write('\n');
    };
  }
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

export function processIo(): CliIo {
  const interrupted = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const tty = process.stderr.isTTY;
  // A reader that stops early (`harmony export people | head`) closes the pipe: that ends the command quietly, as
  // it does for any Unix tool, rather than as a fault with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    progress: (text) => {
      if (tty) process.stderr.write(`\r\x1b[2K${text}`);
    },
    interrupted,
    env: process.env,
    readStdin: () => readAll(process.stdin),
    ask: process.stdin.isTTY && process.stderr.isTTY ? askOnTerminal : null,
  };
}
