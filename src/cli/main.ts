#!/usr/bin/env node
import { runCli } from './run-cli.js';

const io = {
  out: (text: string) => process.stdout.write(text + '\n'),
  err: (text: string) => process.stderr.write(text + '\n'),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`steppenet: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
