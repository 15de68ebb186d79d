import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../report/build-report.js';
import { NETWORK_OPTION, type Command } from '../command.js';
import { openNetwork } from '../open-network.js';

const usage = 'steppenet report [--out out] [--network FILE]';

export const reportCommand: Command = {
  name: 'report',
  summary: 'the headline report: key routes, corridors, critical links, border capacity, scenarios (npm start)',
  usage,
  options: { ...NETWORK_OPTION, out: { type: 'string' } },
  positionals: [0, 0],
  run(args, io) {
    const dir = typeof args.values.out === 'string' ? args.values.out : 'out';
    const started = Date.now();
    const report = buildReport(openNetwork(args));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'report.md'), report.markdown);
    for (const [name, layer] of Object.entries(report.layers)) writeFileSync(join(dir, `${name}.geojson`), JSON.stringify(layer));
    io.out(report.markdown);
    io.out(`Written ${join(dir, 'report.md')} and ${Object.keys(report.layers).map((n) => join(dir, `${n}.geojson`)).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  },
};
