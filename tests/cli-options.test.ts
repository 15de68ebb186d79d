/**
 * The command line's one option spec per command: --help lists every
 * argument and option with its description and default, the usage line
 * names every option, a choice lists the same values in help and in its
 * error, --version prints the package's version, and --ods reads a CSV file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../src/cli/command.js';
import { odsOption } from '../src/cli/ods-option.js';
import { argumentSynopsis, optionSynopsis } from '../src/cli/option-spec.js';
import { loadCommands, runCli } from '../src/cli/run-cli.js';
import { UsageError } from '../src/cli/usage-error.js';
import { drawNetwork } from './fixtures/drawn-network.js';
import { writeNetworkFile } from './fixtures/run-command.js';

const COMMANDS = await loadCommands();

async function cli(...argv: string[]) {
  let out = '', err = '';
  const code = await runCli(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

/** Help text with its line breaks and indents as single spaces, so a wrapped description reads as one line. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** As many positional arguments as the command needs, so that only the option under test can be wrong. */
const someArguments = (c: (typeof COMMANDS)[number]) => c.arguments.map((a) => `some-${a.name}`);

const dir = mkdtempSync(join(tmpdir(), 'steppenet-cli-options-'));

describe.each(COMMANDS.map((c) => [c.name, c] as const))('steppenet %s', (_name, command) => {
  it('--help lists every argument and every option with its description and default', async () => {
    const { code, out } = await cli(command.name, '--help');
    expect(code).toBe(0);
    const help = flat(out);
    expect(help).toContain(`usage: ${flat(command.usage)}`);
    expect(help).toContain(command.summary);
    for (const a of command.arguments) expect(help).toContain(`${argumentSynopsis(a)} ${a.description}`);
    for (const [name, o] of Object.entries(command.options)) {
      const fallback = o.default ?? o.defaultText;
      expect(help).toContain(`${optionSynopsis(name, o)} ${o.description}${fallback === undefined ? '' : ` (default: ${fallback})`}`);
    }
  });

  it('names every option and argument in the usage line that its errors print', async () => {
    const { code, err } = await cli(command.name, ...someArguments(command), '--no-such-option');
    expect(code).toBe(2);
    const usage = err.split('\n').find((l) => l.startsWith('usage: '))!;
    expect(usage).toBe(`usage: ${command.usage}`);
    for (const name of Object.keys(command.options)) expect(usage).toMatch(new RegExp(`\\[--${name}[ \\]]`));
    for (const a of command.arguments) expect(usage).toContain(argumentSynopsis(a));
  });

  it('refuses a value outside a choice with the values its help lists', async () => {
    const choices = Object.entries(command.options).filter(([, o]) => o.choices && !o.list);
    for (const [name, o] of choices) {
      const { code, err } = await cli(command.name, ...someArguments(command), `--${name}`, 'nonsense');
      expect(code).toBe(2);
      expect(err).toContain(`--${name} must be one of ${o.choices!.join(', ')}, got "nonsense"`);
      expect((await cli(command.name, '--help')).out).toContain(`--${name} ${o.choices!.join('|')}`);
    }
  });

  it('takes the default of its spec for an option not given', () => {
    const { values } = parseCommandArgs(command, someArguments(command));
    for (const [name, o] of Object.entries(command.options)) expect(values[name]).toBe(o.default);
  });
});

describe('steppenet', () => {
  it('--help lists every command with its summary', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    for (const c of COMMANDS) expect(out).toMatch(new RegExp(`^  ${c.name} +${c.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  });

  it('--version and -V print the version in package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-V']) expect(await cli(flag)).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('route --help describes the options a user looks for', async () => {
    const help = flat((await cli('route', '--help')).out);
    expect(help).toContain('--by distance|time|cost|generalized what a route minimises');
    expect(help).toContain('(default: time)');
    expect(help).toContain('--avoid-country KZ,CN countries to keep out of');
    expect(help).toContain('-f, --format table|json|csv|geojson what to print (default: table)');
    expect(help).toContain('--no-rest no drivers\' hours');
  });

  it('border-cut takes bilateral freight by default, the routing commands transit', () => {
    const borderCut = COMMANDS.find((c) => c.name === 'border-cut')!;
    const route = COMMANDS.find((c) => c.name === 'route')!;
    expect(parseCommandArgs(borderCut, []).values.freight).toBe('bilateral');
    expect(parseCommandArgs(route, ['a', 'b']).values.freight).toBe('transit');
  });
});

describe('--ods FILE.csv', () => {
  const ods = (text: string) => {
    const file = join(mkdtempSync(join(dir, 'ods-')), 'pairs.csv');
    writeFileSync(file, text);
    return { file, pairs: () => odsOption({ values: { ods: file }, positionals: [] }, 'usage: steppenet critical') };
  };

  it('reads quoted names with commas, a spreadsheet BOM, a header, blank lines and CRLF', () => {
    const { pairs } = ods('\ufefffrom,to,demand\r\n"Ust-Kamenogorsk, East Kazakhstan",Pavlodar,2\r\n\r\nOmsk,"Semey"\r\n');
    expect(pairs()).toEqual([
      { from: 'Ust-Kamenogorsk, East Kazakhstan', to: 'Pavlodar', demand: 2 },
      { from: 'Omsk', to: 'Semey', demand: 1 },
    ]);
  });

  it.each([
    ['an unclosed quote', 'Omsk,Pavlodar\n"Semey,Barnaul\n', /is not a CSV file of from,to\[,demand\]: .*line 2/],
    ['a row without a destination', 'Omsk,Pavlodar\nSemey\n', /line 2 needs "from>to"/],
    ['a negative demand', 'from,to,demand\nOmsk,Pavlodar,-1\n', /line 2 has demand "-1"/],
  ])('refuses %s, naming the file and line', (_what, text, message) => {
    const { file, pairs } = ods(text);
    expect(pairs).toThrow(UsageError);
    expect(pairs).toThrow(file);
    expect(pairs).toThrow(message);
  });

  it('finds places with a comma in their name through the command line', async () => {
    // A ── B ── C, where C's name has a comma: remove b-c, and A → "C, KZ" (demand 2) is cut off.
    const network = drawNetwork(
      [{ id: 'a', at: [0, 0], modes: ['road'] }, { id: 'b', at: [1, 0], modes: ['road'] }, { id: 'c', at: [2, 0], modes: ['road'] }],
      [{ id: 'a-b', from: 'a', to: 'b', mode: 'road', hours: 1 }, { id: 'b-c', from: 'b', to: 'c', mode: 'road', hours: 1 }],
    );
    network.features.find((f) => f.properties.id === 'c')!.properties.name = 'C, KZ';
    const { file } = ods('\ufefffrom,to,demand\nA,"C, KZ",2\n');
    const { code, out, err } = await cli('remove', 'b-c', '--ods', file, '--network', writeNetworkFile(network), '--format', 'json');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out).rows).toMatchObject([{ from: 'a', to: 'c', demand: 2, effect: 'disconnected' }]);
  });
});
