#!/usr/bin/env node
import { runCli } from './run-cli.js';

// A reader that goes away (`steppenet … | head -c 100`) closes the pipe: stop
// quietly with status 0, as the standard tools do, instead of an EPIPE trace.
const quietOnClosedPipe = (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
};
process.stdout.on('error', quietOnClosedPipe);
process.stderr.on('error', quietOnClosedPipe);

const io = {
  out: (text: string) => process.stdout.write(text + '\n'),
  err: (text: string) => process.stderr.write(text + '\n'),
};

const debug = process.argv.includes('--debug');
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const text = error instanceof Error ? (debug ? (error.stack ?? error.message) : `${error.name}: ${error.message}`) : String(error);
    process.stderr.write(`steppenet: internal error: ${text}\n`);
    process.exitCode = 1;
  },
);
