import type { FeatureCollection } from 'geojson';
import type { Network } from '../model/network.js';
import type { ReportSection } from './report-section.js';
import { overviewSection } from './sections/overview.js';
import { bestRoutesSection } from './sections/best-routes.js';
import { criticalLinksSection } from './sections/critical-links.js';
import { resilientRoutesSection } from './sections/resilient-routes.js';
import { borderCapacitySection } from './sections/border-capacity.js';
import { corridorsSection } from './sections/corridors.js';
import { scenarioAnswersSection } from './sections/scenario-answers.js';
import { whatThisRestsOnSection } from './sections/what-this-rests-on.js';

export interface Report {
  markdown: string;
  /** GeoJSON layers by file name (without extension). */
  layers: Record<string, FeatureCollection>;
}

/** The report's sections in reading order; each computes its own answer. */
const SECTIONS: ((network: Network) => ReportSection)[] = [
  overviewSection, bestRoutesSection, criticalLinksSection, resilientRoutesSection,
  borderCapacitySection, corridorsSection, scenarioAnswersSection, whatThisRestsOnSection,
];

/**
 * The headline report: the network at a glance, the best routes of the key
 * pairs by mode, the links the border regions can least afford to lose, the
 * border's capacity, the corridors, the scenario answers and their caveats.
 */
export function buildReport(network: Network): Report {
  const sections = SECTIONS.map((section) => section(network));
  return {
    markdown: sections.flatMap((s) => s.markdown).join('\n') + '\n',
    layers: Object.assign({}, ...sections.map((s) => s.layers ?? {})),
  };
}
