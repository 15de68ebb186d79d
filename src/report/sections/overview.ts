import type { Network } from '../../model/network.js';
import { summarizeNetwork } from '../../model/network-summary.js';
import type { ReportSection } from '../report-section.js';

export const REPORT_TITLE = 'steppenet — Kazakhstan–Russia border network report';

/** The title and the network in one sentence. */
export function overviewSection(network: Network): ReportSection {
  const summary = summarizeNetwork(network);
  return {
    blocks: [
      { kind: 'heading', level: 1, text: REPORT_TITLE },
      {
        kind: 'paragraph',
        text: `Network \`${summary.name}\`: ${summary.places.total} places, ${summary.links.total} links (${Object.entries(summary.links.byMode).map(([m, n]) => `${n} ${m}`).join(', ')}), ` +
          `${summary.checkpoints.total} border crossings (${Object.entries(summary.checkpoints.bySector).map(([s, n]) => `${s} ${n}`).join(', ')}). ` +
          `Times are freight hours including checkpoint waits and transfers; see the README for how to read this report.`,
      },
    ],
  };
}
