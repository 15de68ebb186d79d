import type { Network } from '../../model/network.js';
import { summarizeNetwork } from '../../model/network-summary.js';
import { createHash } from 'node:crypto';
import type { ReportSection } from '../report-section.js';

/** The caveats: how much of what the report concludes rests on estimates and assumptions. */
export function whatThisRestsOnSection(network: Network): ReportSection {
  const s = summarizeNetwork(network);
  const pct = (part: number, whole: number) => `${whole ? Math.round((100 * part) / whole) : 0}%`;
  const lengths = Object.entries(s.links.kmBySource).map(([mode, c]) => {
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    return `${mode} ${pct(c.estimate ?? 0, total)} of ${Math.round(total).toLocaleString('en-US')} km`;
  });
  const crossings = network.checkpoints();
  const noCapacity = crossings.filter((l) => l.properties.checkpoint.capacityPerDay === undefined && l.properties.checkpoint.status !== 'abolished');
  const observed = crossings.filter((l) => l.properties.checkpoint.capacityObserved === true).length;
  // Road checkpoint posts (cp-*) whose note says the position is approximate (networks/README.md keeps the same count).
  const posts = network.places.filter((p) => p.properties.id.startsWith('cp-'));
  const postsEstimated = posts.filter((p) => /approximat/i.test(p.properties.note ?? '')).length;
  // Pairs of the intergovernmental list that no source located (networks/notes/crossings.md), while they stay out.
  const unlocated = ['Nevolnoe – Amangeldy', 'Topolnoye – Baytanat']
    .filter((pair) => !crossings.some((l) => pair.split(' – ').some((post) => l.properties.checkpoint.name.includes(post))));
  return {
    blocks: [
      { kind: 'heading', level: 2, text: 'What this rests on' },
      { kind: 'list', items: [
      `Estimated lengths (great-circle × a stated factor where no published km was found): ${lengths.join(', ')}.`,
      `Border waits: ${s.checkpoints.waitAssumed} of ${s.checkpoints.total} crossings have assumed waits (documented defaults by regime and traffic)` +
        `${s.checkpoints.waitAssumed < s.checkpoints.total ? ', the rest published figures' : ': no published per-crossing wait was found'}; ` +
        `${noCapacity.length} crossings have no published capacity and count as unknown in the border cut, and ${observed} carry observed traffic, a lower bound.`,
      'Truck and train speeds, the AETR drivers\' hours, tariffs, transfer and lock times and the value of time are the stated defaults of the freight time model (README), sourced where the README says so, otherwise assumptions.',
      `Positions: ${postsEstimated} of the ${posts.length} road checkpoint posts stand at estimated positions (on the right side of the border, near the road that crosses it)` +
        (unlocated.length ? `; ${unlocated.length} road checkpoint pairs of the intergovernmental list, ${unlocated.join(' and ')}, are not in the network: no source located them (networks/notes/crossings.md).` : '.'),
      `The network holds the main lines and roads of the border regions and the corridors, not every road: a route it does not find may exist on minor roads.`,
      `Network \`${s.name}\` (content fingerprint \`${networkFingerprint(network)}\`: SHA-256 of its places and links), scenario ${s.scenario.name}; ${s.places.total} places, ${s.links.total} links; report made ${new Date().toISOString().slice(0, 10)}.`,
      ] },
    ],
  };
}

/** The network's version as far as its data says: the first 12 hex digits of the SHA-256 of its places and links (any edit changes it). */
export function networkFingerprint(network: Network): string {
  return createHash('sha256').update(JSON.stringify([network.places, network.links])).digest('hex').slice(0, 12);
}
