import type { Network } from '../model/network.js';
import type { LinkProperties } from '../model/types.js';
import { distance } from 'fastest-levenshtein';
import type { ErrorCode } from '../errors/error-codes.js';
import { InputError } from '../errors/steppenet-error.js';
import { resolveRegion } from '../model/regions.js';
import { isCountryCode } from '../model/country-outlines.js';
import { readPolygons, type PolygonInput } from '../io/polygon-file.js';
import { linksIntersecting, linksWithin, type Around } from './link-areas.js';

/**
 * Which links to take out: by id, by the place they touch (a station, a lock,
 * a checkpoint place), by checkpoint id, by tag, by line or road name, by
 * area (a region, a country's border crossings, a radius, a polygon), or by
 * any predicate. The union of all given selectors.
 */
export interface LinkSelection {
  links?: readonly string[];
  places?: readonly string[];
  checkpoints?: readonly string[];
  tags?: readonly string[];
  /** Rail line or road number, e.g. "Trans-Siberian" or "M-32". */
  lines?: readonly string[];
  /** Regions ("Omsk Oblast"): every link with an end in the region (so its border crossings too). */
  regions?: readonly string[];
  /** ISO alpha-2 country codes ("KZ"): every border-crossing link (one with a checkpoint) with an end in the country. */
  crossings?: readonly string[];
  /** Every link whose line comes within `km` of a place or a [longitude, latitude] point (great-circle distance to the line). */
  within?: readonly Around[];
  /** Every link whose line intersects the polygon (touching counts). */
  polygons?: readonly PolygonInput[];
  filter?: (link: LinkProperties) => boolean;
}

/** A link selection that names nothing: each selector that matches no link (with the closest names), or no link at all. */
export class LinkSelectionError extends InputError {
  static override readonly code: ErrorCode = 'UNKNOWN_NAME';
  constructor(
    readonly functionName: string,
    readonly problems: string[],
  ) {
    super(`${functionName}: ${problems.join('; ')}`);
  }
}

/**
 * The link ids a selection names. A selector that matches nothing is an
 * error with the closest known names, so a typo never silently removes nothing.
 */
export function selectLinks(network: Network, selection: LinkSelection | readonly string[]): string[] {
  const sel: LinkSelection = Array.isArray(selection) ? splitIds(network, selection as readonly string[]) : (selection as LinkSelection);
  if (typeof sel !== 'object' || sel === null) throw new LinkSelectionError('selectLinks', [`selection must be an array of ids and names or an object { links?, places?, checkpoints?, tags?, lines?, regions?, crossings?, within?, polygons?, filter? }, got ${JSON.stringify(sel)}`]);
  const notList = (['links', 'places', 'checkpoints', 'tags', 'lines', 'regions', 'crossings', 'within', 'polygons'] as const).find((key) => sel[key] !== undefined && !Array.isArray(sel[key]));
  if (notList) throw new LinkSelectionError('selectLinks', [`selection.${notList} must be an array, got ${JSON.stringify(sel[notList])}`]);
  const problems: string[] = [];
  const chosen = new Set<string>();
  const links = network.links.map((l) => l.properties);
  const pick = (label: string, value: string, matches: LinkProperties[], known: () => string[]) => {
    if (matches.length === 0) problems.push(`no link matches ${label} "${value}"${suggest(value, known())}`);
    matches.forEach((l) => chosen.add(l.id));
  };
  for (const id of sel.links ?? []) pick('link id', id, links.filter((l) => l.id === id), () => links.map((l) => l.id));
  for (const q of sel.places ?? []) {
    const id = network.resolvePlace(q).properties.id;
    pick('place', q, links.filter((l) => l.from === id || l.to === id), () => []);
  }
  for (const id of sel.checkpoints ?? []) {
    pick('checkpoint', id, links.filter((l) => l.checkpoint?.id === id || (l.checkpoint && l.id === id)), () => links.flatMap((l) => (l.checkpoint ? [l.checkpoint.id] : [])));
  }
  for (const tag of sel.tags ?? []) pick('tag', tag, links.filter((l) => (l.tags ?? []).includes(tag)), () => links.flatMap((l) => l.tags ?? []));
  for (const name of sel.lines ?? []) pick('line or road', name, links.filter((l) => l.line === name || l.road === name), () => links.flatMap((l) => [l.line, l.road].filter((x): x is string => !!x)));
  for (const query of sel.regions ?? []) {
    const region = resolveRegion(network, query);
    const inRegion = (id: string) => network.place(id)!.properties.region === region;
    pick('region', query, links.filter((l) => inRegion(l.from) || inRegion(l.to)), () => []);
  }
  for (const code of sel.crossings ?? []) {
    if (typeof code !== 'string' || !isCountryCode(code)) {
      problems.push(`crossings: ${JSON.stringify(code)} is not an ISO 3166-1 alpha-2 country code (e.g. KZ, RU)`);
      continue;
    }
    const country = (id: string) => network.place(id)!.properties.country;
    pick('crossings of', code, links.filter((l) => l.checkpoint && (country(l.from) === code || country(l.to) === code)), () => []);
  }
  for (const around of sel.within ?? []) {
    const { ids, label } = linksWithin(network, around);
    pick('the area', label, ids.map((id) => network.link(id)!.properties), () => []);
  }
  (sel.polygons ?? []).forEach((polygon, i) => {
    const ids = linksIntersecting(network, readPolygons(polygon, `selection.polygons[${i}]`));
    pick('the area', `polygon ${i + 1}`, ids.map((id) => network.link(id)!.properties), () => []);
  });
  if (sel.filter) links.filter(sel.filter).forEach((l) => chosen.add(l.id));
  if (problems.length) throw new LinkSelectionError('selectLinks', problems);
  return [...chosen];
}

/** Plain strings: link ids, checkpoint ids, tags, lines or place names, whichever each one is. */
function splitIds(network: Network, items: readonly string[]): LinkSelection {
  const links = network.links.map((l) => l.properties);
  const sel: Required<Pick<LinkSelection, 'links' | 'places' | 'checkpoints' | 'tags' | 'lines'>> = { links: [], places: [], checkpoints: [], tags: [], lines: [] };
  for (const item of items) {
    if (network.link(item)) (sel.links as string[]).push(item);
    else if (links.some((l) => l.checkpoint?.id === item)) (sel.checkpoints as string[]).push(item);
    else if (links.some((l) => (l.tags ?? []).includes(item))) (sel.tags as string[]).push(item);
    else if (links.some((l) => l.line === item || l.road === item)) (sel.lines as string[]).push(item);
    else (sel.places as string[]).push(item); // resolvePlace reports it with suggestions if it is nothing
  }
  return sel;
}

function suggest(value: string, known: string[]): string {
  const unique = [...new Set(known)];
  const close = unique
    .map((k) => ({ k, d: distance(value.toLowerCase(), k.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, value.length / 3))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.k);
  return close.length ? ` (did you mean ${close.join(', ')}?)` : '';
}
