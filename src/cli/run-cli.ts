import { NetworkValidationError } from '../model/network-validation-error.js';
import { ScenarioError } from '../model/scenario.js';
import { LinkSelectionError } from '../analysis/link-selection.js';
import { OdPairError } from '../analysis/od-pairs.js';
import { UnknownPlaceError } from '../places/unknown-place-error.js';
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
import { UsageError } from './usage-error.js';
import { DataError, OutputError } from './cli-errors.js';
import { AccessibilityArgumentError } from '../analysis/accessibility.js';
import { CorridorArgumentError } from '../analysis/compare-corridors.js';
import { ResilienceArgumentError } from '../analysis/compiled-index.js';
import { UnknownRegionError } from '../model/regions.js';
import { InputLimitError } from '../model/limits.js';
import { CompileOptionError, InvalidMonthError } from '../routing/compile-network.js';
import { InvalidCostParameterError } from '../routing/cost-model.js';
import { RouteOptionError } from '../routing/route.js';
import { AvoidError } from '../routing/resolve-avoid.js';

export const COMMANDS: Command[] = [
  reportCommand, routeCommand, alternativesCommand, disjointCommand, resilientCommand,
  removeCommand, criticalCommand, mergeCommand, spofCommand, borderCutCommand,
  corridorsCommand, compareCommand, accessibilityCommand, placesCommand, infoCommand,
];

export function usageText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: steppenet <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'steppenet <command> --help' for a command's options; add --debug to see the stack trace of an unexpected error.",
    'Exit codes: 0 done, 1 the data (network, scenario, output) failed, 2 the command line is wrong.',
  ].join('\n');
}

/** Errors that mean the command line (or what it names) is wrong: exit 2 with the command's usage. */
const INPUT_ERRORS = [
  UnknownPlaceError, LinkSelectionError, OdPairError, AccessibilityArgumentError, CorridorArgumentError, ResilienceArgumentError,
  UnknownRegionError, InputLimitError, CompileOptionError, InvalidMonthError, InvalidCostParameterError, RouteOptionError, AvoidError,
];

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
    io.out(`usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`steppenet ${command.name}: ${e.message}\nusage: ${e.usage}`);
      return 2;
    }
    if (e instanceof ScenarioError && e.kind === 'invalid') {
      io.err(`steppenet ${command.name}: invalid scenario\n${e.message}`);
      return 1;
    }
    if (e instanceof NetworkValidationError) {
      io.err(`steppenet ${command.name}: invalid network\n${e.message}`);
      return 1;
    }
    if (e instanceof DataError) {
      io.err(`steppenet ${command.name}: ${e.message}`);
      return 1;
    }
    if (e instanceof OutputError) {
      // Exit 2 says the command line is wrong, so it shows the usage like every other exit 2.
      io.err(`steppenet ${command.name}: ${e.message}${e.exitCode === 2 ? `\nusage: ${command.usage}` : ''}`);
      return e.exitCode;
    }
    if (e instanceof ScenarioError || INPUT_ERRORS.some((type) => e instanceof type)) {
      io.err(`steppenet ${command.name}: ${(e as Error).message}\nusage: ${command.usage}`);
      return 2;
    }
    // Not foreseen: say what, without a stack trace unless asked for.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    io.err(`steppenet ${command.name}: internal error: ${message}` + (debug && e instanceof Error && e.stack ? `\n${e.stack}` : '\n(run again with --debug for the stack trace)'));
    return 1;
  }
}
