import { parseCommandArgs, type CliIO, type Command } from './command.js';
import { UsageError } from './usage-error.js';
import { DataError, InputError, SystemError } from '../errors/steppenet-error.js';
import { commandHelp } from './command-help.js';
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
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (e) {
    return reportError(e, command, debug, io);
  }
}

/**
 * Prints a command's error by its category (see src/errors/) and returns the
 * exit code: an InputError with the usage line (2), a DataError or a
 * SystemError by its message alone (1), anything else as an internal error
 * (1), its stack trace only with --debug.
 */
function reportError(e: unknown, command: Command, debug: boolean, io: CliIO): number {
  if (e instanceof InputError) {
    io.err(`steppenet ${command.name}: ${e.message}\nusage: ${e instanceof UsageError ? e.usage : command.usage}`);
    return 2;
  }
  if (e instanceof DataError || e instanceof SystemError) {
    io.err(`steppenet ${command.name}: ${e.message}`);
    return 1;
  }
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  io.err(`steppenet ${command.name}: internal error: ${message}` + (debug && e instanceof Error && e.stack ? `\n${e.stack}` : '\n(run again with --debug for the stack trace)'));
  return 1;
}
