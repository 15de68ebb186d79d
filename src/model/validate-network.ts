import { MAX_NAME_LENGTH, MAX_NETWORK_FEATURES } from './limits.js';
import {
  BORDER_SECTORS,
  CAPACITY_UNITS,
  CAPACITY_UNITS_BY_MODE,
  CHECKPOINT_REGIMES,
  CHECKPOINT_KINDS,
  CHECKPOINT_STATUSES,
  LINK_STATUSES,
  MODES,
  PLACE_KINDS,
  ROAD_CONDITIONS,
} from './types.js';
import { countryAt, distanceToCountryKm, isCountryCode, withinCountryKm } from './country-outlines.js';
import type { ValidationProblem } from './network-validation-error.js';
import { FORBIDDEN_KEYS, formatPath, unsafeJson } from './safe-json.js';
import { normalizeName } from '../places/normalize-name.js';

export interface ValidateOptions {
  /** Check each place's coordinates against its country's outline (default true). */
  checkCountries?: boolean;
  /** Km a place may lie outside its country's outline (default 10; border points 25). */
  countryToleranceKm?: number;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
const PLACE_KEYS = new Set([
  'type', 'id', 'name', 'aliases', 'kind', 'country', 'region', 'modes', 'tranship', 'lock',
  'borderPoint', 'regionCentre', 'tags', 'sources', 'note',
]);
const LINK_KEYS = new Set([
  'type', 'id', 'from', 'to', 'mode', 'km', 'kmSource', 'status', 'oneway', 'name', 'road', 'roadClass',
  'line', 'operator', 'electrified', 'tracks', 'gauge', 'countries', 'depthM', 'season', 'speedKmh', 'hours',
  'capacityPerDay', 'checkpoint', 'year', 'tags', 'sources', 'note', 'condition',
]);
const CHECKPOINT_KEYS = new Set([
  'id', 'name', 'kind', 'regime', 'status', 'sector', 'waitHours', 'waitAssumed', 'waitHoursWinter', 'capacityPerDay', 'capacityUnit', 'truckShare', 'capacityObserved', 'note',
]);
const ROAD_CLASSES = ['motorway', 'trunk', 'primary', 'secondary', 'local'];
const KM_SOURCES = ['published', 'geometry', 'estimate'];
const LOCK_CONDITIONS = ['good', 'poor', 'out-of-service'];
/** Geometry ends must sit on their places; 1e-6° is about 0.1 m. */
const END_TOLERANCE_DEG = 1e-6;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks a network file against the format in networks/README.md and returns
 * every problem (an empty list when the file is valid). Nothing is coerced.
 */
export function validateNetwork(input: unknown, options: ValidateOptions = {}): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (feature: string, field: string, message: string) => problems.push({ feature, field, message });
  if (!isObj(input) || input.type !== 'FeatureCollection') {
    add('(collection)', 'type', 'expected a GeoJSON FeatureCollection');
    return problems;
  }
  if (!Array.isArray(input.features)) {
    add('(collection)', 'features', 'expected an array of features');
    return problems;
  }
  const features = input.features as unknown[];
  if (features.length > MAX_NETWORK_FEATURES) {
    add('(collection)', 'features', `${features.length} features; at most ${MAX_NETWORK_FEATURES} (MAX_NETWORK_FEATURES) are loaded, so that no network can take minutes and gigabytes to index and compile; split the network by region, or use the routing core on a graph of your own`);
    return problems;
  }
  // Keys that could reach a prototype, runaway nesting and cycles, anywhere in
  // the file, each named by its feature and field.
  const unsafe = unsafeJson(input);
  for (const { path, message } of unsafe) {
    if (path[0] !== 'features' || typeof path[1] !== 'number') {
      add('(collection)', formatPath(path), message);
      continue;
    }
    const f = features[path[1]];
    const id = isObj(f) && isObj(f.properties) ? f.properties.id : undefined;
    const label = typeof id === 'string' && id ? id : `#${path[1]}`;
    const rest = path.slice(2);
    const field = rest[0] === 'properties' ? formatPath(rest.slice(1)) : rest[0] === 'geometry' ? formatPath(rest) : `feature.${formatPath(rest)}`;
    add(label, field || 'properties', message);
  }
  // Nothing below may look inside such a file (messages print values).
  if (unsafe.some((p) => p.fatal)) return problems;
  // A place with a bad position is still known, so its links are not also reported as dangling.
  const places = new Map<string, { country: string; modes: string[]; position?: [number, number] }>();
  const seen = new Set<string>();
  const links: { label: string; p: Obj; coords: unknown[] }[] = [];

  features.forEach((raw, index) => {
    const fallback = `#${index}`;
    if (!isObj(raw) || raw.type !== 'Feature') return add(fallback, 'type', 'expected a GeoJSON Feature');
    const p = raw.properties;
    if (!isObj(p)) return add(fallback, 'properties', 'missing properties object');
    const label = typeof p.id === 'string' && p.id ? p.id : fallback;
    // A duplicate is reported and then left out of the cross-feature checks.
    const duplicate = typeof p.id === 'string' && seen.has(p.id);
    if (typeof p.id !== 'string' || !ID.test(p.id)) add(label, 'id', `must be a slug of a-z, 0-9 and '-', got ${JSON.stringify(p.id)}`);
    else if (duplicate) add(label, 'id', 'duplicate id');
    else seen.add(p.id);
    if (raw.id !== undefined && raw.id !== p.id) add(label, 'feature.id', `differs from properties.id (${JSON.stringify(raw.id)})`);
    checkSources(p.sources, label, 'sources', add);
    checkStringArray(p.tags, label, 'tags', add);
    if (p.note !== undefined && typeof p.note !== 'string') add(label, 'note', 'must be a string');
    const geometry = raw.geometry;
    if (!isObj(geometry)) return add(label, 'geometry', 'missing geometry');

    if (p.type === 'place') {
      for (const key of Object.keys(p)) if (!PLACE_KEYS.has(key) && !FORBIDDEN_KEYS.has(key)) add(label, key, 'unknown place property');
      if (geometry.type !== 'Point') return add(label, 'geometry.type', `a place must be a Point, got ${String(geometry.type)}`);
      const position = checkPosition(geometry.coordinates, label, 'geometry.coordinates', add);
      checkPlace(p, label, add);
      if (typeof p.id === 'string' && !duplicate) {
        places.set(p.id, {
          country: typeof p.country === 'string' ? p.country : '',
          modes: Array.isArray(p.modes) ? (p.modes as string[]) : [],
          position,
        });
      }
      if (position && !duplicate) {
        if (options.checkCountries !== false && typeof p.country === 'string' && isCountryCode(p.country)) {
          const tolerance = (options.countryToleranceKm ?? 10) * (p.borderPoint === true ? 2.5 : 1);
          // The exact distance is measured only for the message; withinCountryKm answers the same, faster.
          const off = withinCountryKm(position[0], position[1], p.country, tolerance) ? 0 : distanceToCountryKm(position[0], position[1], p.country);
          if (off > tolerance) {
            const actual = countryAt(position[0], position[1]) ?? 'no country';
            add(label, 'country', `is ${p.country} but [${position.join(', ')}] lies in ${actual}, ${off.toFixed(1)} km outside ${p.country}`);
          }
        }
      }
    } else if (p.type === 'link') {
      for (const key of Object.keys(p)) if (!LINK_KEYS.has(key) && !FORBIDDEN_KEYS.has(key)) add(label, key, 'unknown link property');
      if (geometry.type !== 'LineString') return add(label, 'geometry.type', `a link must be a LineString, got ${String(geometry.type)}`);
      const coords = Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
      if (coords.length < 2) add(label, 'geometry.coordinates', 'a LineString needs two or more positions');
      coords.forEach((c, i) => checkPosition(c, label, `geometry.coordinates[${i}]`, add));
      checkLink(p, label, add);
      if (!duplicate) links.push({ label, p, coords });
    } else {
      add(label, 'type', `properties.type must be "place" or "link", got ${JSON.stringify(p.type)}`);
    }
  });

  // Cross-feature checks need every place first.
  for (const { label, p, coords } of links) {
    const ends: ('from' | 'to')[] = ['from', 'to'];
    const found = ends.map((end) => {
      const id = p[end];
      const place = typeof id === 'string' ? places.get(id) : undefined;
      if (typeof id === 'string' && !place) add(label, end, `unknown place "${id}"`);
      if (place && (MODES as readonly unknown[]).includes(p.mode) && !place.modes.includes(p.mode as string)) {
        add(label, end, `place "${String(id)}" does not serve mode ${p.mode}`);
      }
      return place;
    });
    const [from, to] = found;
    if (from && to) {
      const crosses = from.country !== to.country;
      if (crosses && !isObj(p.checkpoint)) add(label, 'checkpoint', `joins ${from.country} and ${to.country} but names no checkpoint`);
      if (!crosses && isObj(p.checkpoint)) add(label, 'checkpoint', `both ends are in ${from.country}: a checkpoint link must cross the border`);
      const kzRu = [from.country, to.country].sort().join('-') === 'KZ-RU';
      if (crosses && isObj(p.checkpoint) && kzRu && p.checkpoint.sector === undefined) add(label, 'checkpoint.sector', 'a Kazakhstan–Russia crossing needs its border sector');
      if (crosses && isObj(p.checkpoint) && !kzRu && p.checkpoint.sector !== undefined) add(label, 'checkpoint.sector', `sectors divide the Kazakhstan–Russia border; this crossing joins ${from.country} and ${to.country}`);
      if (crosses && isObj(p.checkpoint) && kzRu && p.mode === 'road' && p.checkpoint.capacityUnit === 'vehicles' && p.checkpoint.capacityPerDay !== undefined && p.checkpoint.truckShare === undefined) {
        add(label, 'checkpoint.truckShare', 'a Kazakhstan–Russia road crossing whose capacity is in vehicles needs its truckShare (0–1) to count trucks');
      }
      const first = coords[0];
      const last = coords[coords.length - 1];
      if (coords.length >= 2 && from.position && !samePosition(first, from.position)) add(label, 'geometry.coordinates[0]', `does not start at "${String(p.from)}" [${from.position!.join(', ')}]`);
      if (coords.length >= 2 && to.position && !samePosition(last, to.position)) add(label, `geometry.coordinates[${coords.length - 1}]`, `does not end at "${String(p.to)}" [${to.position!.join(', ')}]`);
    }
  }
  return problems;
}

type Add = (feature: string, field: string, message: string) => void;

function checkPosition(c: unknown, label: string, field: string, add: Add): [number, number] | undefined {
  if (!Array.isArray(c) || c.length < 2 || !isNum(c[0]) || !isNum(c[1])) {
    add(label, field, `expected [longitude, latitude], got ${JSON.stringify(c)}`);
    return undefined;
  }
  const [lon, lat] = c as number[];
  if (lon < -180 || lon > 180) add(label, field, `longitude ${lon} out of range -180..180`);
  if (lat < -90 || lat > 90) add(label, field, `latitude ${lat} out of range -90..90`);
  return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90 ? [lon, lat] : undefined;
}

function samePosition(a: unknown, b: [number, number]): boolean {
  return Array.isArray(a) && isNum(a[0]) && isNum(a[1]) &&
    Math.abs(a[0] - b[0]) <= END_TOLERANCE_DEG && Math.abs(a[1] - b[1]) <= END_TOLERANCE_DEG;
}

function checkSources(v: unknown, label: string, field: string, add: Add): void {
  if (!Array.isArray(v) || v.length === 0) return add(label, field, 'every feature needs at least one source');
  v.forEach((s, i) => {
    if (!isObj(s) || typeof s.ref !== 'string' || !s.ref) add(label, `${field}[${i}]`, 'a source needs a non-empty "ref"');
  });
}

function checkStringArray(v: unknown, label: string, field: string, add: Add): void {
  if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))) add(label, field, 'must be an array of strings');
}

function checkEnum(v: unknown, allowed: readonly string[], label: string, field: string, add: Add, required = true): void {
  if (v === undefined && !required) return;
  if (typeof v !== 'string' || !allowed.includes(v)) add(label, field, `must be one of ${allowed.join(' | ')}, got ${JSON.stringify(v)}`);
}

function checkPositive(v: unknown, label: string, field: string, add: Add, { required = false, zero = false } = {}): void {
  if (v === undefined && !required) return;
  if (!isNum(v) || v < 0 || (!zero && v === 0)) add(label, field, `must be a finite number ${zero ? '>= 0' : '> 0'}, got ${JSON.stringify(v)}`);
}

function checkPlace(p: Obj, label: string, add: Add): void {
  // The place index refuses a name or alias without letters or digits: refuse it here, with the field.
  if (typeof p.name !== 'string' || !p.name.trim()) add(label, 'name', 'missing name');
  else if (p.name.length > MAX_NAME_LENGTH) add(label, 'name', `is ${p.name.length} characters long; at most ${MAX_NAME_LENGTH} (MAX_NAME_LENGTH)`);
  else if (normalizeName(p.name) === '') add(label, 'name', `has no letters or digits: ${JSON.stringify(p.name)}`);
  checkStringArray(p.aliases, label, 'aliases', add);
  if (Array.isArray(p.aliases)) {
    p.aliases.forEach((alias, i) => {
      if (alias === '') add(label, `aliases[${i}]`, 'is empty: an alias needs letters or digits');
      else if (typeof alias === 'string' && alias.length > MAX_NAME_LENGTH) add(label, `aliases[${i}]`, `is ${alias.length} characters long; at most ${MAX_NAME_LENGTH} (MAX_NAME_LENGTH)`);
      else if (typeof alias === 'string' && normalizeName(alias) === '') add(label, `aliases[${i}]`, `has no letters or digits: ${JSON.stringify(alias)}`);
    });
  }
  checkEnum(p.kind, PLACE_KINDS, label, 'kind', add);
  if (typeof p.country !== 'string' || !isCountryCode(p.country)) add(label, 'country', `must be an ISO 3166-1 alpha-2 code, got ${JSON.stringify(p.country)}`);
  if (p.region !== undefined && typeof p.region !== 'string') add(label, 'region', 'must be a string');
  if (!Array.isArray(p.modes) || p.modes.length === 0) add(label, 'modes', `must list the modes served (${MODES.join(', ')})`);
  else p.modes.forEach((m, i) => checkEnum(m, MODES, label, `modes[${i}]`, add));
  for (const flag of ['borderPoint', 'regionCentre'] as const) {
    if (p[flag] !== undefined && typeof p[flag] !== 'boolean') add(label, flag, 'must be true or false');
  }
  if (p.tranship !== undefined) {
    if (!isObj(p.tranship)) add(label, 'tranship', 'must be an object { hours, cost, modes? }');
    else {
      checkPositive(p.tranship.hours, label, 'tranship.hours', add, { required: true, zero: true });
      checkPositive(p.tranship.cost, label, 'tranship.cost', add, { required: true, zero: true });
      if (p.tranship.modes !== undefined) {
        if (!Array.isArray(p.tranship.modes)) add(label, 'tranship.modes', 'must be an array of modes');
        else p.tranship.modes.forEach((m, i) => checkEnum(m, MODES, label, `tranship.modes[${i}]`, add));
      }
    }
  }
  if (p.kind === 'lock' && p.lock === undefined) add(label, 'lock', 'a lock needs { transitHours, condition }');
  if (p.lock !== undefined) {
    if (!isObj(p.lock)) add(label, 'lock', 'must be an object { transitHours, condition }');
    else {
      checkPositive(p.lock.transitHours, label, 'lock.transitHours', add, { required: true, zero: true });
      checkEnum(p.lock.condition, LOCK_CONDITIONS, label, 'lock.condition', add);
    }
  }
}

function checkLink(p: Obj, label: string, add: Add): void {
  for (const end of ['from', 'to'] as const) {
    if (typeof p[end] !== 'string' || !p[end]) add(label, end, 'missing place id');
  }
  if (typeof p.from === 'string' && p.from === p.to) add(label, 'to', 'a link must join two different places');
  checkEnum(p.mode, MODES, label, 'mode', add);
  checkPositive(p.km, label, 'km', add, { required: true });
  checkEnum(p.kmSource, KM_SOURCES, label, 'kmSource', add);
  checkEnum(p.status, LINK_STATUSES, label, 'status', add);
  checkEnum(p.roadClass, ROAD_CLASSES, label, 'roadClass', add, false);
  if (p.oneway !== undefined && typeof p.oneway !== 'boolean') add(label, 'oneway', 'must be true or false');
  if (p.electrified !== undefined && typeof p.electrified !== 'boolean') add(label, 'electrified', 'must be true or false');
  if (p.tracks !== undefined) {
    if (p.tracks !== 1 && p.tracks !== 2) add(label, 'tracks', `must be 1 (single track) or 2 (double track), got ${JSON.stringify(p.tracks)}`);
    else if (p.mode !== 'rail') add(label, 'tracks', 'is for rail links only');
  }
  for (const field of ['speedKmh', 'hours', 'capacityPerDay', 'depthM', 'gauge'] as const) checkPositive(p[field], label, field, add);
  for (const field of ['name', 'road', 'line', 'operator'] as const) {
    if (p[field] !== undefined && typeof p[field] !== 'string') add(label, field, 'must be a string');
  }
  if (p.year !== undefined && !(Number.isInteger(p.year) && (p.year as number) > 1800 && (p.year as number) < 2100)) add(label, 'year', `must be a year, got ${JSON.stringify(p.year)}`);
  if (p.countries !== undefined) {
    if (!Array.isArray(p.countries) || p.countries.some((c) => typeof c !== 'string' || !isCountryCode(c))) add(label, 'countries', 'must be an array of ISO alpha-2 codes');
  }
  checkEnum(p.condition, ROAD_CONDITIONS, label, 'condition', add, false);
  if (p.season !== undefined) {
    const s = p.season as Obj;
    if (!isObj(s) || !isMonthDay(s.from) || !isMonthDay(s.to)) add(label, 'season', `must be { from: "MM-DD", to: "MM-DD" }, got ${JSON.stringify(p.season)}`);
  }
  if (p.checkpoint !== undefined) checkCheckpoint(p.checkpoint, p.mode, label, add);
}

function isMonthDay(v: unknown): boolean {
  const m = typeof v === 'string' ? /^(\d\d)-(\d\d)$/.exec(v) : null;
  return !!m && +m[1] >= 1 && +m[1] <= 12 && +m[2] >= 1 && +m[2] <= 31;
}

function checkCheckpoint(c: unknown, mode: unknown, label: string, add: Add): void {
  if (!isObj(c)) return add(label, 'checkpoint', 'must be an object');
  for (const key of Object.keys(c)) if (!CHECKPOINT_KEYS.has(key) && !FORBIDDEN_KEYS.has(key)) add(label, `checkpoint.${key}`, 'unknown checkpoint property');
  if (typeof c.id !== 'string' || !ID.test(c.id)) add(label, 'checkpoint.id', `must be a slug, got ${JSON.stringify(c.id)}`);
  if (typeof c.name !== 'string' || !c.name) add(label, 'checkpoint.name', 'missing name');
  checkEnum(c.kind, CHECKPOINT_KINDS, label, 'checkpoint.kind', add);
  checkEnum(c.status, CHECKPOINT_STATUSES, label, 'checkpoint.status', add);
  checkEnum(c.sector, BORDER_SECTORS, label, 'checkpoint.sector', add, false);
  if (!isObj(c.waitHours)) add(label, 'checkpoint.waitHours', 'must be { forward, backward } in hours');
  else {
    checkPositive(c.waitHours.forward, label, 'checkpoint.waitHours.forward', add, { required: true, zero: true });
    checkPositive(c.waitHours.backward, label, 'checkpoint.waitHours.backward', add, { required: true, zero: true });
  }
  if (c.waitHoursWinter !== undefined) {
    if (!isObj(c.waitHoursWinter)) add(label, 'checkpoint.waitHoursWinter', 'must be { forward, backward } in hours');
    else {
      checkPositive(c.waitHoursWinter.forward, label, 'checkpoint.waitHoursWinter.forward', add, { required: true, zero: true });
      checkPositive(c.waitHoursWinter.backward, label, 'checkpoint.waitHoursWinter.backward', add, { required: true, zero: true });
    }
  }
  checkEnum(c.regime, CHECKPOINT_REGIMES, label, 'checkpoint.regime', add, false);
  checkPositive(c.capacityPerDay, label, 'checkpoint.capacityPerDay', add);
  checkEnum(c.capacityUnit, CAPACITY_UNITS, label, 'checkpoint.capacityUnit', add, false);
  if (c.capacityPerDay !== undefined && c.capacityUnit === undefined) add(label, 'checkpoint.capacityUnit', 'a capacityPerDay needs its unit');
  const fitting = (MODES as readonly unknown[]).includes(mode) ? CAPACITY_UNITS_BY_MODE[mode as keyof typeof CAPACITY_UNITS_BY_MODE] : undefined;
  if (fitting && typeof c.capacityUnit === 'string' && (CAPACITY_UNITS as readonly string[]).includes(c.capacityUnit) && !(fitting as readonly string[]).includes(c.capacityUnit)) {
    add(label, 'checkpoint.capacityUnit', `a ${String(mode)} crossing counts ${fitting.join(' or ')}, got ${JSON.stringify(c.capacityUnit)}`);
  }
  if (c.capacityObserved !== undefined) {
    if (typeof c.capacityObserved !== 'boolean') add(label, 'checkpoint.capacityObserved', 'must be true or false');
    else if (c.capacityObserved && c.capacityPerDay === undefined) add(label, 'checkpoint.capacityObserved', 'says the capacity figure is observed traffic, but there is no capacityPerDay');
  }
  if (c.truckShare !== undefined) {
    if (!isNum(c.truckShare) || c.truckShare <= 0 || c.truckShare > 1) add(label, 'checkpoint.truckShare', `must be a share of trucks > 0 and <= 1, got ${JSON.stringify(c.truckShare)}`);
    if (c.capacityUnit !== 'vehicles') add(label, 'checkpoint.truckShare', `only converts a capacity in vehicles; capacityUnit is ${JSON.stringify(c.capacityUnit)}`);
  }
  if (c.waitAssumed !== undefined && typeof c.waitAssumed !== 'boolean') add(label, 'checkpoint.waitAssumed', 'must be true or false');
}
