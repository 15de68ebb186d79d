import { join } from 'node:path';
import { buildReport } from '../../report/build-report.js';
import { renderReportHtml } from '../../present/report-html.js';
import { progressBar } from '../progress-bar.js';
import { newRunId, OutputPathError, prepareOutputDir, writeReportFiles } from '../../report/write-report.js';
import { NETWORK_OPTION, type Command } from '../command.js';
import { UsageError } from '../usage-error.js';
import { openNetwork } from '../open-network.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'report',
  arguments: [],
  options: {
    out: { type: 'string', value: 'DIR', default: 'out', description: 'the folder to write report.md, report.html, the GeoJSON layers and manifest.json into' },
    ...NETWORK_OPTION,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const reportCommand: Command = {
  ...spec,
  summary: 'the headline report: key routes, corridors, critical links, border capacity, scenarios (npm start)',
  usage,
  async run(args, io) {
    const dir = String(args.values.out);
    const started = Date.now();
    // A folder that cannot take the files is the --out the user typed: say so. A write failing part-way is the machine's (exit 1).
    const namingOut = (e: unknown) => (e instanceof OutputPathError ? new UsageError(`--out: ${e.message}`, usage, { cause: e }) : e);
    // A folder that can never take the files is refused before the report is computed.
    try {
      prepareOutputDir(dir);
    } catch (e) {
      throw namingOut(e);
    }
    // Progress on stderr (drawn only on a terminal): the sections, then the page's charts.
    const bar = progressBar('report');
    const steps = 10;
    const report = buildReport(openNetwork(args), { onProgress: (done, total) => bar(Math.floor((done / total) * (steps - 1)), steps) });
    const runId = newRunId();
    const runNote = `Run ${runId}: this report, the GeoJSON layers and manifest.json of this folder belong to one run.`;
    const markdown = `${report.markdown}\n\n_Run ${runId}: this report.md, the GeoJSON layers and ${'manifest.json'} of this folder belong to one run._\n`;
    const html = await renderReportHtml(report.title, report.blocks, { footer: runNote });
    bar(steps, steps);
    const files = [
      { name: 'report.md', content: markdown },
      { name: 'report.html', content: html },
      ...Object.entries(report.layers).map(([name, layer]) => ({ name: `${name}.geojson`, content: JSON.stringify({ steppenetRun: runId, ...layer }) })),
    ];
    try {
      writeReportFiles(dir, files, { runId });
    } catch (e) {
      throw namingOut(e);
    }
    io.out(report.markdown);
    io.out(`Written ${files.map((f) => join(dir, f.name)).join(', ')} and ${join(dir, 'manifest.json')} (run ${runId}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  },
};
