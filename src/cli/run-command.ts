import { parseCommandArgs, type CliIO, type Command } from './command.js';
import { UsageError } from './usage-error.js';
import { DataError, InputError, SystemError } from '../errors/steppenet-error.js';
import { commandHelp } from './command-help.js';

/**
 * Runs one command on its arguments (the command line after its name,
 * `--debug` taken out) and returns the exit code: its help for `--help`,
 * else its run, with any error reported by reportError. runCli calls it once
 * it has found the command; the route bundle (route-main.ts) calls it
 * directly.
 */
export async function runCommand(command: Command, argv: string[], io: CliIO, debug: boolean): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(parseCommandArgs(command, argv), io);
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
