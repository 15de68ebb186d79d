import type { ParseArgsConfig } from 'node:util';

/**
 * One option of a command, as the parser, the usage line and `--help` all
 * read it: the one place an option is declared, so they cannot disagree.
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** What a value looks like in the usage line and help ("N", "FILE", "X,Y"); a choice shows its choices instead. */
  value?: string;
  description: string;
  /** The allowed values; the parser refuses any other (each item of a comma-separated `list`, checked by the command). */
  choices?: readonly string[];
  /** A comma-separated list of values (`--mode rail,road`): its choices are shown joined by commas. */
  list?: boolean;
  /** The value taken when the option is not given: filled in by the parser and shown in help. */
  default?: string;
  /** Shown in help when the default is no single value ("the bundled network", "10 in a table, else all"). */
  defaultText?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** A positional argument, e.g. <from>; `variadic` takes one or more; `optional` may be left out (only the last). */
export interface ArgumentSpec {
  name: string;
  description: string;
  variadic?: boolean;
  optional?: boolean;
}

/** What a command takes: its name, positional arguments and options. */
export interface CommandSpec {
  name: string;
  arguments: readonly ArgumentSpec[];
  options: OptionSpecs;
}

/** The value type of a choice option: one of its choices (or undefined when it has no default). */
export type ChoiceOf<S> = S extends { choices: readonly (infer T)[]; default: string } ? T : S extends { choices: readonly (infer T)[] } ? T | undefined : never;

/** The `node:util` parseArgs options of a spec (types, short aliases, defaults). */
export function parseArgsOptions(options: OptionSpecs): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(Object.entries(options).map(([name, o]) => [
    name,
    { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) },
  ]));
}

/** "--by distance|time", "--mode rail,road,river", "--k N", "--reasonable". */
export function optionSynopsis(name: string, o: OptionSpec): string {
  if (o.type === 'boolean') return `--${name}`;
  const value = o.choices ? o.choices.join(o.list ? ',' : '|') : (o.value ?? 'VALUE');
  return `--${name} ${value}`;
}

/** "<from>", "<shard.json>...", "[<selection>]". */
export function argumentSynopsis(a: ArgumentSpec): string {
  const synopsis = `<${a.name}>${a.variadic ? '...' : ''}`;
  return a.optional ? `[${synopsis}]` : synopsis;
}

/** The usage line: the command, its arguments, then every option in the order of the spec. */
export function usageLine(spec: CommandSpec): string {
  return ['steppenet', spec.name, ...spec.arguments.map(argumentSynopsis), ...Object.entries(spec.options).map(([name, o]) => `[${optionSynopsis(name, o)}]`)].join(' ');
}
