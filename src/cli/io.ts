/** Where a command writes; the real process streams in the `harmony` binary, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress on a terminal line (carriage return); silent when output is not a TTY. */
  progress(text: string): void;
  /** Resolves when the user asks to stop (Ctrl+C); `serve` waits on it. */
  interrupted: Promise<void>;
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
  };
}
