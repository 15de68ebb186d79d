import { readFileSync } from 'node:fs';
import { readCsvRows } from '../io/csv-rows.js';
import { DEFAULT_SNAP_KM } from '../model/network.js';
import { splitPlaceList } from '../places/coordinate-query.js';
import { positiveNumber, type ParsedArgs } from './command.js';
import { UsageError } from './usage-error.js';

/** --snap-km: how far a place given as coordinates may snap (every command that takes places as coordinates). */
export const SNAP_OPTION = {
  'snap-km': {
    type: 'string', value: 'KM', defaultText: String(DEFAULT_SNAP_KM),
    description: 'a place given as coordinates ("54.98,73.37" lat,lon, or "lonlat:73.37,54.98") snaps to the nearest place serving the modes within this distance',
  },
} as const;

/** The --snap-km value, or undefined for the default. */
export function snapKmOption(args: ParsedArgs, usage: string): number | undefined {
  return args.values['snap-km'] === undefined ? undefined : positiveNumber(args, 'snap-km', usage);
}

/** A comma-separated list of places, coordinate pairs kept whole ("Omsk,54.98,73.37" is two places). */
export function placeListOption(args: ParsedArgs, name: string, usage: string): string[] | undefined {
  const value = args.values[name];
  if (typeof value !== 'string') return undefined;
  const places = splitPlaceList(value);
  if (places.length === 0) throw new UsageError(`--${name} names no place (got "${value}"): give a comma-separated list of names, ids or coordinates`, usage);
  return places;
}

/** Reads a file named on the command line; an unreadable one is the caller's mistake (a UsageError). */
export function readInputFile(path: string, option: string, usage: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${option}: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, usage);
  }
}

/**
 * The places of a CSV file (--origins, --destinations): with a header line,
 * the column `place` (or `name`, `id`, `query`), or the columns `lat` and
 * `lon` (coordinates); `;` or `,` delimited, BOM and quotes as spreadsheets
 * write them. One place per row.
 */
export function readPlaceFile(path: string, option: string, usage: string): string[] {
  const { columns, rows } = readCsvRows(readInputFile(path, option, usage), path);
  const nameColumn = ['place', 'name', 'id', 'query'].find((c) => columns.includes(c));
  const coordinates = columns.includes('lat') && (columns.includes('lon') || columns.includes('lng'));
  if (!nameColumn && !coordinates) {
    throw new UsageError(`${option}: ${path} needs a header line with a column place (or name, id, query), or lat and lon; its columns are ${columns.join(', ')}`, usage);
  }
  const places = rows.map(({ line, cells }) => {
    const name = nameColumn ? cells[nameColumn] : '';
    if (name) return name;
    const lat = cells.lat;
    const lon = cells.lon ?? cells.lng;
    if (lat && lon) return `${lat.replace(',', '.')},${lon.replace(',', '.')}`;
    throw new UsageError(`${option}: ${path} line ${line} gives no place`, usage);
  });
  if (places.length === 0) throw new UsageError(`${option}: ${path} lists no place`, usage);
  return places;
}
