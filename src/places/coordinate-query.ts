/**
 * Places given as coordinates, as analysts copy them from a map.
 *
 *   "54.98,73.37"            latitude, longitude (the order map sites copy: Google, Yandex, 2GIS)
 *   "54.98, 73.37"           the same with a space
 *   "54.98 73.37"            separated by spaces only
 *   "54,98 73,37"            decimal commas, when the two numbers are separated by spaces or ";"
 *   "54.98;73.37"            separated by a semicolon
 *   "latlon:54.98,73.37"     the same order, said explicitly
 *   "lonlat:73.37,54.98"     longitude first (GeoJSON's order), said explicitly
 *
 * Anything else is not a coordinate query (it is resolved as a name). A text
 * that is a coordinate query but out of range (|lat| > 90, |lon| > 180) or
 * that starts with a prefix but does not hold two numbers is a CoordinateError.
 */
import type { ErrorCode } from '../errors/error-codes.js';
import { InputError } from '../errors/steppenet-error.js';

/** A place given as coordinates, in degrees (WGS 84). */
export interface CoordinateQuery {
  lon: number;
  lat: number;
}

/** A coordinate query out of range or malformed. */
export class CoordinateError extends InputError {
  static override readonly code: ErrorCode = 'INVALID_COORDINATES';
  constructor(readonly query: string, detail: string) {
    super(`"${query}": ${detail}; give a place as a name, as "lat,lon" (e.g. "54.98,73.37") or as "lonlat:73.37,54.98"`);
  }
}

const NUMBER = String.raw`[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)`;
const DOT_NUMBER = String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)`;
/** Two numbers with decimal points, separated by a comma (spaces around it allowed), a semicolon or spaces. */
const DOT_PAIR = new RegExp(String.raw`^(${DOT_NUMBER})\s*(?:[,;]|\s)\s*(${DOT_NUMBER})$`);
/** Two numbers that may have decimal commas, separated by a semicolon or by spaces (not by a bare comma: "54,98,73,37" is ambiguous). */
const COMMA_PAIR = new RegExp(String.raw`^(${NUMBER})\s*(?:;|\s)\s*(${NUMBER})$`);
const PREFIX = /^(latlon|lonlat)\s*:\s*(.*)$/i;

function pair(text: string): [number, number] | undefined {
  const m = DOT_PAIR.exec(text) ?? COMMA_PAIR.exec(text);
  if (!m) return undefined;
  return [Number(m[1].replace(',', '.')), Number(m[2].replace(',', '.'))];
}

/**
 * The coordinates a place query gives, or undefined when it is no coordinate
 * query (a name). Throws CoordinateError for a coordinate query out of range.
 */
export function parseCoordinateQuery(query: string): CoordinateQuery | undefined {
  const text = query.trim();
  const prefixed = PREFIX.exec(text);
  const numbers = pair(prefixed ? prefixed[2].trim() : text);
  if (!numbers) {
    if (prefixed) throw new CoordinateError(query, `"${prefixed[1]}:" must be followed by two numbers`);
    return undefined;
  }
  const lonFirst = prefixed?.[1].toLowerCase() === 'lonlat';
  const [lat, lon] = lonFirst ? [numbers[1], numbers[0]] : numbers;
  const order = lonFirst ? 'lonlat: longitude first' : 'latitude first';
  if (!(Math.abs(lat) <= 90)) throw new CoordinateError(query, `latitude ${lat} is out of range −90…90 (read ${order})`);
  if (!(Math.abs(lon) <= 180)) throw new CoordinateError(query, `longitude ${lon} is out of range −180…180 (read ${order})`);
  return { lon, lat };
}

/** "54.98,73.37" (lat,lon), as a query is written back in messages. */
export function formatCoordinates({ lon, lat }: CoordinateQuery): string {
  return `${lat},${lon}`;
}

const NUMBER_ITEM = /^(?:(?:latlon|lonlat)\s*:\s*)?[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/i;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

/**
 * Splits a comma-separated list of places ("Omsk,54.98,73.37,Pavlodar") into
 * its places, keeping a coordinate pair whole: a number (or "lonlat:"/"latlon:"
 * and a number) followed by a number is one place, "54.98,73.37". No place
 * name is a bare number, so nothing else changes. Items are trimmed, empty
 * ones dropped; `separator` may be a set of characters ("," or ",|").
 */
export function splitPlaceList(text: string, separators = ','): string[] {
  const escaped = [...separators].map((c) => c.replace(/[\\^\]-]/g, '\\$&')).join('');
  const items = text.split(new RegExp(`[${escaped}]`)).map((s) => s.trim()).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    if (NUMBER_ITEM.test(items[i]) && i + 1 < items.length && PLAIN_NUMBER.test(items[i + 1])) {
      out.push(`${items[i]},${items[i + 1]}`);
      i++;
    } else out.push(items[i]);
  }
  return out;
}
