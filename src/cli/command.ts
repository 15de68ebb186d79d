import { parseArgs } from 'node:util';
import { parseArgsOptions, type ChoiceOf, type CommandSpec, type OptionSpecs } from './option-spec.js';
import { UsageError } from './usage-error.js';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** A subcommand of `steppenet`: its spec (arguments, options), the usage line generated from it, and what it does. */
export interface Command extends CommandSpec {
  summary: string;
  /** Generated from the spec by usageLine: "steppenet route <from> <to> [--by distance|time|cost|generalized] ...". */
  usage: string;
  run(args: ParsedArgs, io: CliIO): Promise<number> | number;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Parses argv for one command against its spec: an unknown option, a
 * repeated one, a value outside an option's choices or the wrong number of
 * arguments is a UsageError; options not given take their spec's default.
 */
export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseArgsOptions(command.options), allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/s, ''), command.usage);
  }
  // A repeated option is an error, never "the last one wins" silently: lists are one comma-separated value (--via A,B).
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) {
      const list = command.options[token.name]?.type === 'string' ? ` (give one comma-separated list where the option takes several values: --${token.name} A,B)` : '';
      throw new UsageError(`--${token.name} is given more than once${list}`, command.usage);
    }
    seen.add(token.name);
  }
  const values = parsed.values as ParsedArgs['values'];
  for (const [name, option] of Object.entries(command.options)) {
    const value = values[name];
    if (option.choices && !option.list && value !== undefined && !option.choices.includes(String(value))) {
      throw new UsageError(`--${name} must be one of ${option.choices.join(', ')}, got "${String(value)}"`, command.usage);
    }
  }
  const min = command.arguments.filter((a) => !a.optional).length;
  const max = command.arguments.some((a) => a.variadic) ? Infinity : command.arguments.length;
  if (parsed.positionals.length < min) throw new UsageError(`${command.name}: expected ${min} argument${min === 1 ? '' : 's'}, got ${parsed.positionals.length}`, command.usage);
  if (parsed.positionals.length > max) throw new UsageError(`${command.name}: unexpected argument "${parsed.positionals[max]}"`, command.usage);
  return { values, positionals: parsed.positionals };
}

/** Reads a choice option, typed by the spec's choices (parseCommandArgs has refused any other value): the value, else the spec's default. */
export function choice<O extends OptionSpecs, K extends keyof O & string>(args: ParsedArgs, options: O, name: K): ChoiceOf<O[K]> {
  return (args.values[name] ?? options[name].default) as ChoiceOf<O[K]>;
}

/** Reads a comma-separated list option. */
export function list(args: ParsedArgs, name: string): string[] | undefined {
  const value = args.values[name];
  if (typeof value !== 'string') return undefined;
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Reads a positive number option; `fallback` is for an option whose spec has no default value (one that depends on other options). */
export function positiveNumber(args: ParsedArgs, name: string, usage: string, { integer = false, fallback }: { integer?: boolean; fallback?: number } = {}): number {
  const value = args.values[name];
  if (value === undefined) {
    if (fallback === undefined) throw new Error(`--${name}: neither a value, nor a default in its spec, nor a fallback`);
    return fallback;
  }
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be a positive ${integer ? 'whole ' : ''}number, got "${String(value)}"`, usage);
  }
  return n;
}

/** --format, with the formats a command writes; the first is the default. */
export function formatOption<const T extends readonly [string, ...string[]]>(formats: T) {
  return { format: { type: 'string', short: 'f', description: 'what to print', choices: formats, default: formats[0] as T[0] } } as const;
}

export const SCENARIO_OPTION = {
  scenario: {
    type: 'string', short: 's', value: 'NAME|FILE', defaultText: 'current',
    description: 'the scenario applied to the network: a bundled one (current, historical, planned) or a scenario file',
  },
} as const;

export const NETWORK_OPTION = {
  network: { type: 'string', value: 'FILE', defaultText: 'the bundled network', description: 'a network file (GeoJSON) instead of the bundled Kazakhstan–Russia network' },
} as const;
