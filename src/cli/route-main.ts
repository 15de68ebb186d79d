import { routeCommand } from './commands/route.js';
import { runAsProcess } from './run-as-process.js';
import { runCommand } from './run-command.js';

// `steppenet route …` alone, as runCli runs it once it has found the command: the entry of the bin's route bundle
// (dist/bin/route.cjs, scripts/build-cli.mjs), which the bin (bin.cts) starts for a command line whose command is route.
runAsProcess((argv, io) => {
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (name !== 'route') throw new Error(`route-main runs the route command, not ${JSON.stringify(name)}`);
  return runCommand(routeCommand, rest, io, argv.includes('--debug'));
});
