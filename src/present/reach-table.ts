import type { ReachResult } from '../analysis/reach.js';
import { formatNumber } from './number-format.js';
import { formatTable } from './table.js';

/** A line per limit (places reached within it; links entered, reached whole, cut), then the places reached, nearest first. */
export function renderReach(result: ReachResult): string {
  const summary = result.bands.map((band) => {
    const share = new Map<string, number>();
    for (const l of result.links) if (l.band <= band) share.set(l.link, (share.get(l.link) ?? 0) + l.toFraction - l.fromFraction);
    const whole = [...share.values()].filter((s) => s > 1 - 1e-9).length;
    return [band, result.places.filter((p) => p.band <= band).length, share.size, whole, share.size - whole];
  });
  return [
    `Reach from ${result.origin.name} (${result.origin.country}), scenario ${result.scenario}; hours as the search counts them (AETR rests spread over the driving).`,
    formatTable(['within h', 'places', 'links entered', 'reached whole', 'cut'], summary),
    '',
    formatTable(['place', 'country', 'hours', 'within h'], result.places.map((p) => [p.place.name, p.place.country, p.hours, p.band])),
    `${result.unreachedPlaces} places of the network not reached within ${formatNumber(result.bands[result.bands.length - 1])} h.`,
  ].join('\n');
}
