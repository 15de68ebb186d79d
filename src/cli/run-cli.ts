import type { CliIO, Command } from './command.js';
import { runCommand } from './run-command.js';
import { packageVersion } from './version.js';
import { COMMAND_TABLE } from './command-table.js';

/** Every command, loaded (all their modules: for tests and tools that walk the commands, never on a command's path). */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(COMMAND_TABLE.map((c) => c.load()));
}

export function usageText(): string {
  const width = Math.max(...COMMAND_TABLE.map((c) => c.name.length));
  return [
    'usage: steppenet <command> [options]',
    '       steppenet --version',
    '',
    'commands:',
    ...COMMAND_TABLE.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'steppenet <command> --help' for a command's arguments and options; add --debug to see the stack trace of an unexpected error.",
    'Exit codes: 0 done, 1 the data (network, scenario, output) failed, 2 the command line is wrong.',
  ].join('\n');
}

/**
 * Runs the command line and returns the exit code: 0 done, 1 the input data
 * (a network or scenario file) is invalid or an output cannot be written for
 * a reason outside the command line (a full disk), 2 the command line is
 * wrong (with a usage hint; an unknown scenario or place name, a value beyond
 * a limit, an --out that cannot be a folder are). Never a stack trace, except
 * after `--debug` (anywhere on the line) for an unexpected error.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (name === '--version' || name === '-V') {
    io.out(packageVersion());
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io[name === undefined ? 'err' : 'out'](usageText());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMAND_TABLE.find((c) => c.name === name);
  if (!entry) {
    io.err(`steppenet: unknown command "${name}"\n\n${usageText()}`);
    return 2;
  }
  return runCommand(await entry.load(), rest, io, debug);
}
