import { parseCommandArgs, type CliIO, type Command } from './command.js';
import { infoCommand } from './commands/info.js';
import { placesCommand } from './commands/places.js';
import { routeCommand } from './commands/route.js';
import { removeCommand } from './commands/remove.js';
import { criticalCommand } from './commands/critical.js';
import { mergeCommand } from './commands/merge.js';
import { reportCommand } from './commands/report.js';
import { corridorsCommand } from './commands/corridors.js';
import { compareCommand } from './commands/compare.js';
import { accessibilityCommand } from './commands/accessibility.js';
import { alternativesCommand } from './commands/alternatives.js';
import { disjointCommand } from './commands/disjoint.js';
import { resilientCommand } from './commands/resilient.js';
import { spofCommand } from './commands/spof.js';
import { borderCutCommand } from './commands/border-cut.js';
import { flowCommand } from './commands/flow.js';
import { serveCommand } from './commands/serve.js';
import { tableCommand } from './commands/table.js';
import { batchCommand } from './commands/batch.js';
import { reachCommand } from './commands/reach.js';
import { exposureCommand } from './commands/exposure.js';
import { redundancyCommand } from './commands/redundancy.js';
import { UsageError } from './usage-error.js';
import { DataError, InputError, SystemError } from '../errors/steppenet-error.js';
import { commandHelp } from './command-help.js';
import { packageVersion } from './version.js';

export const COMMANDS: Command[] = [
  reportCommand, routeCommand, reachCommand, tableCommand, batchCommand, alternativesCommand, disjointCommand, resilientCommand,
  removeCommand, criticalCommand, exposureCommand, redundancyCommand, mergeCommand, spofCommand, borderCutCommand, flowCommand,
  corridorsCommand, compareCommand, accessibilityCommand, placesCommand, infoCommand, serveCommand,
];

export function usageText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: steppenet <command> [options]',
    '       steppenet --version',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
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
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`steppenet: unknown command "${name}"\n\n${usageText()}`);
    return 2;
  }
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
