import type { CliIO } from './command.js';

/**
 * Runs a command line (`run`, on the process's arguments) as this process:
 * its output on stdout and stderr, its result as the exit code, an error it
 * did not expect as "internal error" (the stack trace with --debug). Both
 * bundles of the bin start this way: main.ts with every command, route-main.ts
 * with the route command alone.
 */
export function runAsProcess(run: (argv: string[], io: CliIO) => Promise<number>): void {
  // A reader that goes away (`steppenet … | head -c 100`) closes the pipe: stop
  // quietly with status 0, as the standard tools do, instead of an EPIPE trace.
  const quietOnClosedPipe = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  };
  process.stdout.on('error', quietOnClosedPipe);
  process.stderr.on('error', quietOnClosedPipe);

  const io: CliIO = {
    out: (text: string) => process.stdout.write(text + '\n'),
    err: (text: string) => process.stderr.write(text + '\n'),
  };

  const debug = process.argv.includes('--debug');
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const text = error instanceof Error ? (debug ? (error.stack ?? error.message) : `${error.name}: ${error.message}`) : String(error);
      process.stderr.write(`steppenet: internal error: ${text}\n`);
      process.exitCode = 1;
    },
  );
}
