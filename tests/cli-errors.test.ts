import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCommands, runCli } from '../src/cli/run-cli.js';
import { infoCommand } from '../src/cli/commands/info.js';
import { DataError } from '../src/errors/index.js';
import { StaleTreeError } from '../src/core/dijkstra.js';
import { OutputWriteError } from '../src/report/write-report.js';
import { runCommand } from './fixtures/run-command.js';

const COMMANDS = await loadCommands();

const STACK_LINE = /\n\s+at /;

describe('the command line maps errors by category', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['corridors', ['--from', 'omsk', '--to', 'omsk'], 'compareCorridors: to is the origin itself ("omsk")'],
    ['accessibility', ['--places', 'omsk,omsk'], 'accessibility: places names "omsk" twice'],
  ])('a wrong argument exits 2 with the message and the usage line: steppenet %s %j', async (name, argv, message) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    const { code, err } = await runCommand(command, argv);
    expect(code).toBe(2);
    expect(err).toContain(`steppenet ${command.name}: ${message}`);
    expect(err).toContain(`usage: ${command.usage}`);
    expect(err).not.toMatch(STACK_LINE);
    expect(err).not.toContain('internal error');
  });

  it('an unforeseen error says "internal error" and exits 1, with its stack trace only after --debug', async () => {
    vi.spyOn(infoCommand, 'run').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'places')");
    });
    const plain = await runCommand(infoCommand, []);
    expect(plain.code).toBe(1);
    expect(plain.err).toContain("steppenet info: internal error: TypeError: Cannot read properties of undefined (reading 'places')");
    expect(plain.err).toContain('run again with --debug');
    expect(plain.err).not.toMatch(STACK_LINE);
    const debug = await runCommand(infoCommand, ['--debug']);
    expect(debug.code).toBe(1);
    expect(debug.err).toMatch(STACK_LINE);
  });

  it.each([
    ['an InternalError', new StaleTreeError('pathTo'), 1, true],
    ['a DataError', new DataError('the network has no region centres'), 1, false],
    ['a SystemError', new OutputWriteError('cannot write out/report.md: no space left on the device'), 1, false],
  ])('%s exits %i, called internal only when it is a bug, never with a usage line', async (_, error, exitCode, internal) => {
    vi.spyOn(infoCommand, 'run').mockImplementation(() => {
      throw error;
    });
    let err = '';
    const code = await runCli(['info'], { out: () => {}, err: (t) => (err += t + '\n') });
    expect(code).toBe(exitCode);
    expect(err).toContain(error.message);
    expect(err.includes('internal error')).toBe(internal);
    expect(err).not.toContain('usage:');
    expect(err).not.toMatch(STACK_LINE);
  });
});
