import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** A subcommand of `steppenet`. */
export interface Command {
  name: string;
  summary: string;
  /** e.g. "steppenet route <from> <to> [--by time] ..." */
  usage: string;
  options: OptionSpec;
  /** How many positional arguments: [min, max]. */
  positionals: [number, number];
  run(args: ParsedArgs, io: CliIO): Promise<number> | number;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses argv for one command; any unknown option or wrong arity is a UsageError. */
export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: command.options, allowPositionals: true, strict: true, tokens: true });
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
  const [min, max] = command.positionals;
  if (parsed.positionals.length < min) throw new UsageError(`${command.name}: expected ${min} argument${min === 1 ? '' : 's'}, got ${parsed.positionals.length}`, command.usage);
  if (parsed.positionals.length > max) throw new UsageError(`${command.name}: unexpected argument "${parsed.positionals[max]}"`, command.usage);
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

/** Reads an option restricted to a set of values. */
export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T, usage: string): T {
  const value = args.values[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${String(value)}"`, usage);
  }
  return value as T;
}

/** Reads a comma-separated list option. */
export function list(args: ParsedArgs, name: string): string[] | undefined {
  const value = args.values[name];
  if (typeof value !== 'string') return undefined;
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Reads a positive number option. */
export function positiveNumber(args: ParsedArgs, name: string, fallback: number, usage: string, { integer = false } = {}): number {
  const value = args.values[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be a positive ${integer ? 'whole ' : ''}number, got "${String(value)}"`, usage);
  }
  return n;
}

export const FORMAT_OPTION = { format: { type: 'string' as const, short: 'f' } };
export const SCENARIO_OPTION = { scenario: { type: 'string' as const, short: 's' } };
export const NETWORK_OPTION = { network: { type: 'string' as const } };
