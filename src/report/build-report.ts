import type { FeatureCollection } from 'geojson';
import type { Network } from '../model/network.js';
import { headingAnchors, type Block, type ReportModel } from '../present/report-blocks.js';
import { renderReportMarkdown } from '../present/report-markdown.js';
import type { ReportSection } from './report-section.js';
import { overviewSection, REPORT_TITLE } from './sections/overview.js';
import { bestRoutesSection } from './sections/best-routes.js';
import { criticalLinksSection } from './sections/critical-links.js';
import { resilientRoutesSection } from './sections/resilient-routes.js';
import { borderCapacitySection } from './sections/border-capacity.js';
import { corridorsSection } from './sections/corridors.js';
import { scenarioAnswersSection } from './sections/scenario-answers.js';
import { whatThisRestsOnSection } from './sections/what-this-rests-on.js';
import { scenarioDifferencesSection } from './sections/scenario-differences.js';

export interface Report extends ReportModel {
  /** The report as markdown (report.md), drawn from `blocks`. */
  markdown: string;
  /** GeoJSON layers by file name (without extension). */
  layers: Record<string, FeatureCollection>;
}

export interface BuildReportOptions {
  /** Called as each section is done (`label` names it), and during the criticality ranking, the slowest step. */
  onProgress?: (done: number, total: number, label: string) => void;
}

/** The report's sections in reading order; each computes its own answer. The summary of findings goes after the first. */
const SECTIONS: [string, (network: Network, onProgress?: (done: number, total: number) => void) => ReportSection][] = [
  ['overview', overviewSection], ['best routes', bestRoutesSection], ['critical links', criticalLinksSection], ['resilient routes', resilientRoutesSection],
  ['border capacity', borderCapacitySection], ['corridors', corridorsSection], ['scenario answers', scenarioAnswersSection],
  ['scenario differences', scenarioDifferencesSection], ['what this rests on', whatThisRestsOnSection],
];

/** The summary's order: the corridor question first, then what the network can least afford to lose, the border, the programmes. */
const FINDINGS_ORDER = ['corridors', 'critical links', 'border capacity', 'scenario answers', 'scenario differences', 'best routes', 'resilient routes'];

/** What each GeoJSON layer holds, for the list of files at the end of the report. */
const LAYER_NOTES: Record<string, string> = {
  'headline-routes': 'the best multimodal route of each key pair, by leg',
  'single-mode-routes': 'the best route of each key pair by rail, road and river alone (`routeMode`)',
  'critical-links': 'every link on some pair\'s best route, with its rank, class (1–5), pairs using it, pairs cut off and extra hours',
  'resilient-routes': 'the most resilient route of each key pair (`role` chosen) and its backups (`role` backup, with `failedLink`)',
  'scenario-differences': 'today against the planned scenario: each link it changes (`kind` link, `change` opens, checkpoint changes…, the fields before → after), each place it changes (`kind` place) and each ordered pair of border-region centres whose best time changes (`kind` od-pair, a straight line, hours and km in both)',
  corridors: 'Moscow → Xi\'an, the bypass around Kazakhstan and the corridor through it, all modes, scenarios current and planned',
};

/**
 * The headline report: a summary of findings, the best routes of the key
 * pairs by mode, the links the border regions can least afford to lose, the
 * border's capacity, the corridors, the scenario answers and their caveats —
 * as blocks (drawn to report.md by `markdown`, to report.html by
 * renderReportHtml) and the GeoJSON layers its maps draw.
 */
export function buildReport(network: Network, options: BuildReportOptions = {}): Report {
  const progress = options.onProgress ?? (() => {});
  const sections = SECTIONS.map(([label, section], i) => {
    progress(i, SECTIONS.length, label);
    return section(network, label === 'critical links' ? (done, total) => progress(i + done / total, SECTIONS.length, `${label} ${done}/${total}`) : undefined);
  });
  progress(SECTIONS.length, SECTIONS.length, 'done');
  const layers: Record<string, FeatureCollection> = Object.assign({}, ...sections.map((s) => s.layers ?? {}));
  // Each finding links to its section's heading, by the anchor the renderers give it.
  const anchors = headingAnchors(sections.flatMap((s) => s.blocks));
  const anchorOf = (blocks: Block[], heading?: string) => {
    const block = blocks.find((b) => b.kind === 'heading' && (heading === undefined || b.text === heading));
    return block ? anchors.get(block) : undefined;
  };
  const findings = FINDINGS_ORDER.map((label) => sections[SECTIONS.findIndex(([l]) => l === label)]!).flatMap((s) => (s.findings ?? []).map((f) => {
    const { text, heading } = typeof f === 'string' ? { text: f, heading: undefined } : f;
    const anchor = anchorOf(s.blocks, heading);
    if (!anchor) throw new Error(`a finding links to no heading: ${text}`);
    return `${text} [Details](#${anchor})`;
  }));
  const [overview, ...rest] = sections;
  const blocks: Block[] = [
    ...overview!.blocks,
    { kind: 'heading', level: 2, text: 'Summary of findings' },
    { kind: 'list', items: findings },
    ...rest.flatMap((s) => s.blocks),
    { kind: 'heading', level: 2, text: 'Map layers' },
    { kind: 'paragraph', text: 'Every map of this report is drawn from GeoJSON files (RFC 7946) written beside it, for use in a GIS:' },
    { kind: 'list', items: Object.keys(layers).map((name) => `\`${name}.geojson\`: ${LAYER_NOTES[name] ?? 'a map layer'}.`) },
  ];
  return { title: REPORT_TITLE, blocks, layers, markdown: renderReportMarkdown(blocks) };
}
