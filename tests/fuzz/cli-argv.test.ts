// Fuzz: random command lines through runCli, in process, on the bundled
// network (issue 17, item 7). Each is built from a real command, its real
// options (and a few wrong ones) and values: place names with typos, unicode,
// empty strings, numbers, comma lists, the examples of the command's usage
// line, and files that exist, do not, or hold bad data. Every run must end
// with exit 0, 1 or 2; never "internal error" or a stack trace; exit 2 always
// with a usage line; the prototype unchanged.
//
// A run on the bundled network costs 0.1–2 s (`report` the most), so the
// default is a small number of runs. Seeded: see fuzz-parameters.ts to replay
// a failure or run longer, e.g.
//   FUZZ_RUNS=2000 npx vitest run tests/fuzz/cli-argv.test.ts
// The runs work in a temporary folder (`report` writes its default out/ there).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/cli/command.js';
import { loadCommands, runCli } from '../../src/cli/run-cli.js';
import { loadNetwork } from '../../src/model/load-network.js';
import { tinyNetwork } from '../fixtures/tiny-network.js';
import { writeNetworkFile } from '../fixtures/run-command.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-parameters.js';
import { expectPrototypesClean } from './prototype-guard.js';
import { placeQuery, typo } from './place-queries.js';

const COMMANDS = await loadCommands();

const dir = mkdtempSync(join(tmpdir(), 'steppenet-fuzz-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const aFolder = join(dir, 'a-folder');
mkdirSync(aFolder);
const aFile = file('a-file.txt', 'not json');

/** Files a path option may name: good, missing, a folder, empty, not JSON, hostile JSON. */
const FILES = {
  tinyNetwork: writeNetworkFile(tinyNetwork()),
  emptyNetwork: file('empty.geojson', JSON.stringify({ type: 'FeatureCollection', features: [] })),
  hostile: file('hostile.json', '{"__proto__": {"oneway": true}, "name": "x", "description": "", "sources": [{"ref": "x"}], "type": "FeatureCollection", "features": []}'),
  notJson: aFile,
  emptyFile: file('empty.json', ''),
  jsonNull: file('null.json', 'null'),
  missing: join(dir, 'missing.json'),
  folder: aFolder,
  odsCsv: file('ods.csv', 'from,to,demand\nOmsk,Pavlodar,2\nOmks,,x\n'),
  badShard: file('bad-shard.json', JSON.stringify({ links: [], od: 'x' })),
  /** Written before the runs by `critical --shard 1/40 --format json`. */
  shard: join(dir, 'shard.json'),
};

const network = loadNetwork();
const SCENARIO_NAMES = ['current', 'historical', 'planned'];
const LINK_IDS = network.links.slice(0, 40).map((l) => l.properties.id);
const TAGS = [...new Set(network.links.flatMap((l) => l.properties.tags ?? []))].slice(0, 20);

/** `[--name a|b]` in a usage line: the examples a and b. */
function usageExamples(command: Command, option: string): string[] {
  const match = new RegExp(`\\[--${option} ([^\\]]+)\\]`).exec(command.usage);
  return match ? match[1]!.split('|').map((s) => s.replace(/^"|"$/g, '')) : [];
}

const numberText = fc.oneof(
  fc.constantFrom('0', '-1', '1', '2', '3', '1e9', '1e-300', '1e309', 'NaN', 'Infinity', '-0', '0x10', '2.5', '1/3', '0/4', '12', '13'),
  fc.integer().map(String),
  fc.double().map(String),
);

/** A value of no particular kind: a place name (maybe mistyped), unicode, empty, a number, a scenario or link id. */
const anyValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: placeQuery(network) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', ',', ',,', '-', '--', '=', 'all', 'none', 'KZ', 'kz', 'Russia', 'RU,CN', 'a>b', 'a%b', '50%') },
  { weight: 2, arbitrary: numberText },
  { weight: 1, arbitrary: fc.constantFrom(...SCENARIO_NAMES, ...LINK_IDS) },
);

/** A comma list of 1–3 values, now and then. */
const listOrValue = fc.oneof({ weight: 3, arbitrary: anyValue }, { weight: 1, arbitrary: fc.array(anyValue, { minLength: 1, maxLength: 3 }).map((v) => v.join(',')) });

/** Values for one option of one command: its usage examples (some mistyped), paths where it takes a file, or anything. */
function optionValue(command: Command, option: string): fc.Arbitrary<string> {
  const examples = usageExamples(command, option);
  const special: fc.Arbitrary<string>[] = [];
  if (examples.length) special.push(fc.constantFrom(...examples), fc.constantFrom(...examples), fc.constantFrom(...examples).chain(typo));
  if (option === 'network') special.push(fc.constantFrom(FILES.tinyNetwork, FILES.emptyNetwork, FILES.hostile, FILES.notJson, FILES.missing, FILES.folder, FILES.jsonNull));
  if (option === 'scenario') special.push(fc.constantFrom(...SCENARIO_NAMES, FILES.hostile, FILES.notJson, FILES.missing, FILES.folder, FILES.emptyFile));
  if (option === 'ods') special.push(fc.constantFrom(FILES.odsCsv, FILES.missing + '.csv', 'Omsk>Pavlodar', 'Omsk>Omsk', 'Omsk>', '>', 'Omsk>Pavlodar>x', 'a:b'));
  // --out only within the temporary folder (or at the impossible places the issue lists).
  if (option === 'out') return fc.oneof({ weight: 1, arbitrary: fc.constantFrom('out-a', 'out-b', aFolder) }, { weight: 2, arbitrary: fc.constantFrom('', aFile, join(aFile, 'sub'), '/dev/null') });
  if (option === 'shard') special.push(fc.constantFrom('1/2', '2/2', '0/2', '3/2', '1/0', '1', '/'));
  return special.length ? fc.oneof({ weight: 2 * special.length, arbitrary: fc.oneof(...special) }, { weight: 1, arbitrary: listOrValue }) : listOrValue;
}

/** Tokens for one option: `--name value`, `--name=value`, `-x value`, or a boolean flag. */
function optionTokens(command: Command, option: string): fc.Arbitrary<string[]> {
  const spec = command.options[option]!;
  const names = [`--${option}`, ...(spec.short ? [`-${spec.short}`] : [])];
  const name = fc.constantFrom(...names);
  if (spec.type === 'boolean') return fc.oneof({ weight: 10, arbitrary: name.map((n) => [n]) }, { weight: 1, arbitrary: fc.constant([`--${option}=yes`] as string[]) });
  const value = optionValue(command, option);
  return fc.oneof(
    { weight: 12, arbitrary: fc.tuple(name, value).map(([n, v]) => [n, v]) },
    { weight: 1, arbitrary: value.map((v) => [`--${option}=${v}`]) },
    { weight: 1, arbitrary: name.map((n) => [n]) }, // the value missing
  );
}

// `serve` runs until it is stopped, so it is not fuzzed here (tests/server-*.test.ts try its requests).
const FUZZED = COMMANDS.filter((c) => c.name !== 'serve');
const ALL_OPTIONS = [...new Set(FUZZED.flatMap((c) => Object.keys(c.options)))];

/** A token that is wrong for any command: a misspelt or foreign option, a stray dash, help. */
const strayToken = fc.oneof(
  fc.constantFrom(...ALL_OPTIONS).chain(typo).map((o) => `--${o}`),
  fc.constantFrom(...ALL_OPTIONS).map((o) => `--${o}`),
  fc.constantFrom('-', '--', '---', '-x', '--debug', '--help', '-h', '--=x'),
);

/** What a positional argument of each command names. */
function positionalValue(command: Command): fc.Arbitrary<string> {
  const named = (...values: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: anyValue });
  if (command.name === 'compare') return named(...SCENARIO_NAMES, FILES.hostile, FILES.missing);
  if (command.name === 'merge') return named(FILES.shard, FILES.badShard, FILES.notJson, FILES.missing, FILES.folder, FILES.jsonNull);
  if (command.name === 'remove') return fc.oneof(named(...LINK_IDS, ...TAGS), listOrValue);
  return fc.oneof({ weight: 4, arbitrary: placeQuery(network) }, { weight: 1, arbitrary: anyValue });
}

/**
 * A command line for `command`, most of it well formed so that the runs reach
 * the analyses: the right number of arguments (one time in ten not), up to
 * three different options, a stray token one time in ten.
 */
function commandLine(command: Command): fc.Arbitrary<string[]> {
  const variadic = command.arguments.some((a) => a.variadic);
  const [min, max] = [command.arguments.length, variadic ? command.arguments.length + 2 : command.arguments.length];
  const positional = positionalValue(command);
  const options = Object.keys(command.options);
  return fc
    .tuple(
      fc.oneof(
        { weight: 9, arbitrary: fc.array(positional, { minLength: min, maxLength: Math.min(max, 3) }) },
        { weight: 1, arbitrary: fc.array(positional, { minLength: Math.max(0, min - 1), maxLength: Math.min(max, 3) + 1 }) },
      ),
      fc.uniqueArray(fc.constantFrom(...options), { maxLength: 3 }).chain((names) => fc.tuple(...names.map((o) => optionTokens(command, o)))),
      fc.oneof({ weight: 9, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: strayToken.map((t) => [t]) }),
      fc.nat(),
    )
    .map(([positionals, optionList, stray, at]) => {
      const rest = optionList.flat();
      rest.splice(at % (rest.length + 1), 0, ...stray);
      return [command.name, ...positionals, ...rest];
    });
}

/**
 * The command line to run: usually a real command (`report`, 2 s a run on
 * the bundled network, less often); now and then a mistyped or missing one.
 */
const argv: fc.Arbitrary<string[]> = fc.oneof(
  ...FUZZED.map((c) => ({ weight: c.name === 'report' ? 2 : 6, arbitrary: commandLine(c) })),
  { weight: 2, arbitrary: fc.constantFrom(...FUZZED.map((c) => c.name)).chain(typo).map((name) => [name, 'Omsk']) },
  { weight: 1, arbitrary: fc.array(anyValue, { maxLength: 2 }) },
);

const STACK_FRAME = /^ {4}at \S/m;

describe('fuzz: command lines', () => {
  const home = process.cwd();
  beforeAll(async () => {
    process.chdir(dir);
    let shard = '';
    const code = await runCli(['critical', '--shard', '1/40', '--format', 'json'], { out: (t) => (shard += t), err: () => {} });
    expect(code).toBe(0);
    writeFileSync(FILES.shard, shard);
  });
  afterAll(() => process.chdir(home));

  const RUNS = 80;
  const parameters = fuzzParameters<[string[]]>(RUNS);
  it(`exit 0, 1 or 2 with a message, never a stack trace; 2 with a usage line (${parameters.numRuns} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (line) => {
        let out = '';
        let err = '';
        const code = await runCli(line, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
        expectPrototypesClean();
        expect([0, 1, 2]).toContain(code);
        expect(err).not.toContain('internal error');
        expect(err).not.toMatch(STACK_FRAME);
        expect(out).not.toMatch(STACK_FRAME);
        if (code !== 0) expect(err.trim()).not.toBe('');
        if (code === 2) expect(err).toMatch(/^usage: /m);
      }),
      parameters,
    );
  }, fuzzTimeout(RUNS, 30_000));
});
