import type { Network } from '../model/network.js';
import type { RouteResult } from '../routing/route-result.js';
import { InputError } from '../errors/steppenet-error.js';

export interface CountryKm {
  country: string;
  km: number;
}

/** A route whose links do not join up from its origin (not a route this library produced). */
export class RouteLinksError extends InputError {
  constructor(readonly link: string, readonly at: string) {
    super(`kmByCountry: link "${link}" does not start or end at "${at}", where the route stands at that point`);
  }
}

/**
 * The km a route runs in each country, in order of first entry. A link's km
 * go in equal shares to the countries of its `countries` list (a transit
 * section listed RU, KZ, RU gives KZ a third and RU two thirds; a border link
 * listed RU, KZ half each); a link without the list goes to its ends'
 * country, or half each when its ends lie in different countries. Equal
 * shares because the network records which countries a link passes, not how
 * far. The shares of a link add up to its km, so the countries' km add up to
 * the route's.
 */
export function kmByCountry(network: Network, route: RouteResult): CountryKm[] {
  const km = new Map<string, number>();
  const add = (country: string, value: number) => km.set(country, (km.get(country) ?? 0) + value);
  let at = route.from.id;
  for (const id of route.links) {
    const link = network.link(id)!.properties;
    let forward: boolean;
    if (link.from === at) forward = true;
    else if (link.to === at) forward = false;
    else throw new RouteLinksError(id, at);
    const [a, b] = forward ? [link.from, link.to] : [link.to, link.from];
    const countryA = network.place(a)!.properties.country;
    const countryB = network.place(b)!.properties.country;
    const listed = link.countries && link.countries.length > 0 ? (forward ? link.countries : [...link.countries].reverse()) : undefined;
    const shares = listed ?? (countryA === countryB ? [countryA] : [countryA, countryB]);
    for (const c of shares) add(c, link.km / shares.length);
    at = b;
  }
  return [...km].map(([country, value]) => ({ country, km: value }));
}
