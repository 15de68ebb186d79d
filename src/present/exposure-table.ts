import type { ExposureResult, GroupExposure, Ranged } from '../analysis/exposure.js';
import { formatNumber, round } from './number-format.js';
import { formatTable } from './table.js';

/** A figure for people: whole from 100, one decimal from 1, else two significant digits (a loss of 0.02 USD is not 0). */
const figure = (n: number): string => {
  if (!Number.isFinite(n) || n === 0 || Math.abs(n) >= 1) return formatNumber(round(n));
  return String(Number(n.toPrecision(2)));
};
/** "1.2–3.4" (or one figure when min = max). */
const range = (r: Ranged) => (figure(r.min) === figure(r.max) ? figure(r.min) : `${figure(r.min)}–${figure(r.max)}`);

/**
 * The regional (or national) exposure table: per region, its demand, the
 * worst failure and the mean increase it brings, the tonnes cut off in the
 * worst case, and the worst failure's loss per day of closure with its range.
 */
export function renderExposure(result: ExposureResult, per: 'region' | 'country' = 'region', top = Infinity): string {
  const rows = per === 'region' ? result.regions : result.countries;
  const failures = result.areas === 'links' ? 'single-link failures' : 'regions closed whole';
  const a = result.assumptions;
  const assumptions = a
    ? `Ranges over ${a.runs} runs: waits ×${a.waitScale.low}–×${a.waitScale.high}, speeds rail ×${round(a.speed.rail.low, 3)}–×${round(a.speed.rail.high, 3)}, road ×${a.speed.road.low}–×${a.speed.road.high}, river ×${a.speed.river.low}–×${a.speed.river.high}, demand min–max; value of time ${a.valueOfTimeUsdPerTonneHour.central} USD/t·h (${a.valueOfTimeUsdPerTonneHour.min}–${a.valueOfTimeUsdPerTonneHour.max}); all assumptions (README "Measures").`
    : 'No ranges: one run at the query\'s assumptions.';
  const header = `${per === 'region' ? 'Regional' : 'National'} exposure of the OD demand (by origin) to ${result.failures} ${failures}, over ${result.routablePairs} routable OD pairs (scenario ${result.scenario}, routes by ${result.by}).\nIncrease: demand-weighted mean extra hours per tonne of the ${per}'s demand; losses per day of closure of the worst failure.\n${assumptions}`;
  // Figures below 1 keep two significant digits, so the column is text: padded on the left to read as numbers.
  const averages = rows.slice(0, top).map((r) => figure(r.averageIncreaseHours));
  const width = Math.max('average increase h'.length, ...averages.map((a) => a.length));
  const table = formatTable(
    [per, ...(per === 'region' ? ['country'] : []), 'demand t/yr', 'worst increase h', 'worst failure', 'average increase h', 'cut off t/yr (worst)', 'loss t·h/day', 'loss USD/day'],
    rows.slice(0, top).map((r: GroupExposure, i) => [
      r.group, ...(per === 'region' ? [r.country] : []), r.demand.central, round(r.worstIncreaseHours.central), r.worstFailure?.name ?? '–',
      averages[i].padStart(width), r.cutOff.central, range(r.lossTonneHoursPerDay), range(r.lossUsdPerDay),
    ]),
  );
  return `${header}\n\n${table}`;
}
