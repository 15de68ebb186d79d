/**
 * steppenet's analysis services: a request (schema-checked, see
 * service-schemas.ts) becomes the library call the CLI command of the same
 * name makes, and its answer the command's --format json (or geojson).
 * Nothing here reads or writes a file: scenarios are bundled names, OD pairs
 * and place lists come inline.
 */
import { accessibility, ACCESSIBILITY_LAYERS } from '../../analysis/accessibility.js';
import { alternatives } from '../../analysis/alternatives.js';
import { borderCut, type BorderCutOptions, type PlaceSet } from '../../analysis/border-cut.js';
import { compareCorridors } from '../../analysis/compare-corridors.js';
import { compareScenarios } from '../../analysis/compare-scenarios.js';
import { disjointRoutes } from '../../analysis/disjoint-routes.js';
import { linkCriticalityAsync, type CriticalityResult } from '../../analysis/link-criticality.js';
import type { OdPair } from '../../analysis/od-pairs.js';
import { removeLinks } from '../../analysis/remove-links.js';
import { resilientRoute } from '../../analysis/resilient-route.js';
import { singlePointsOfFailure } from '../../analysis/single-points-of-failure.js';
import { InputError } from '../../errors/steppenet-error.js';
import type { Network } from '../../model/network.js';
import { summarizeNetwork } from '../../model/network-summary.js';
import { withScenario } from '../../model/scenario.js';
import { MODES, type Mode } from '../../model/types.js';
import type { FreightKind } from '../../model/checkpoint-regime.js';
import { ROAD_CLASS_NAMES, type CostOverrides, type Objective, type RoadClass } from '../../routing/cost-model.js';
import { borderCutGeoJSON } from '../../present/border-cut-geojson.js';
import { criticalityGeoJSON } from '../../present/criticality-geojson.js';
import { failureViewsGeoJSON } from '../../present/failure-views-geojson.js';
import { formatJson } from '../../present/json.js';
import { resilientRouteGeoJSON } from '../../present/resilient-route-geojson.js';
import { routesToGeoJSON } from '../../present/route-geojson.js';
import { MAX_LIST_ITEMS } from './service-schemas.js';
import type * as S from './service-schemas.js';

/** A request's value that the schema cannot check alone (a key of `speed`, an OD pair): code INVALID_ARGUMENT, the message names the parameter. */
export class ServiceArgumentError extends InputError {
  constructor(readonly parameter: string, detail: string) {
    super(`${parameter}: ${detail}`);
  }
}

/** What an answer is: the JSON the CLI's --format json prints (Infinity spelled "Infinity", no compiled edge ids). */
export const asJson = (value: unknown): Record<string, unknown> => JSON.parse(formatJson(value)) as Record<string, unknown>;

/** The networks the services answer on: the server's, and the bundled scenarios applied to the base (cached by withScenario). */
export class ServiceNetworks {
  constructor(readonly base: Network, readonly network: Network) {}
  for(scenario: string | undefined): Network {
    return scenario ? withScenario(this.base, scenario) : this.network;
  }
}

/** "a,b" or ["a", "b"] (or ["a,b"]) → ["a", "b"] (blanks dropped); at most MAX_LIST_ITEMS. */
export function listOf(value: readonly string[] | undefined, parameter = 'list'): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  if (items.length > MAX_LIST_ITEMS) throw new ServiceArgumentError(parameter, `has ${items.length} items; at most ${MAX_LIST_ITEMS}`);
  return items;
}

const pairs = (parameter: string, text: string) => text.split(',').map((pair) => {
  const [key, value] = pair.split('=');
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new ServiceArgumentError(parameter, `"${pair}" needs a number >= 0`);
  return [key, n] as const;
});

interface CostRequest { speed?: string; waitScale?: number; drivers?: number; noRest?: boolean; weeklyRest?: number; month?: number; valueOfTime?: number; tariff?: string; modes?: readonly string[]; by?: Objective; freight?: FreightKind }

/** --by, --mode, --freight and the cost options, as routeQueryOptions reads them on the command line. */
export function routeQuery(r: CostRequest): { by?: Objective; modes?: Mode[]; freight?: FreightKind; cost?: CostOverrides; month?: number } {
  const cost: CostOverrides = {};
  if (r.speed !== undefined) {
    const road: Partial<Record<RoadClass, number>> = {};
    const override: NonNullable<CostOverrides['speedOverride']> = {};
    for (const [key, kmh] of pairs('speed', r.speed)) {
      if (kmh <= 0) throw new ServiceArgumentError('speed', `${key} must be a positive speed, got ${kmh}`);
      if (key === 'road') for (const c of ROAD_CLASS_NAMES) road[c] = kmh;
      else if ((ROAD_CLASS_NAMES as readonly string[]).includes(key)) road[key as RoadClass] = kmh;
      else if (key === 'rail' || key === 'river') override[key] = kmh;
      else throw new ServiceArgumentError('speed', `unknown key "${key}" (road, ${ROAD_CLASS_NAMES.join(', ')}, rail, river)`);
    }
    cost.speedOverride = { ...override, ...(Object.keys(road).length ? { road } : {}) };
  }
  if (r.tariff !== undefined) {
    const tariff: NonNullable<CostOverrides['tariffPerTonneKm']> = {};
    for (const [key, value] of pairs('tariff', r.tariff)) {
      if (!(MODES as readonly string[]).includes(key)) throw new ServiceArgumentError('tariff', `unknown mode "${key}" (${MODES.join(', ')})`);
      tariff[key as Mode] = value;
    }
    cost.tariffPerTonneKm = tariff;
  }
  if (r.waitScale !== undefined) cost.waitScale = r.waitScale;
  if (r.valueOfTime !== undefined) cost.valueOfTimePerTonneHour = r.valueOfTime;
  if (r.drivers !== undefined) cost.drivers = r.drivers as 1 | 2;
  if (r.noRest === true) cost.drivingRules = false;
  if (r.weeklyRest !== undefined) cost.driverRules = { weeklyRestHours: r.weeklyRest };
  return {
    ...(r.by ? { by: r.by } : {}),
    ...(r.modes !== undefined ? { modes: listOf(r.modes, 'modes') as Mode[] } : {}),
    ...(r.freight ? { freight: r.freight } : {}),
    ...(Object.keys(cost).length ? { cost } : {}),
    ...(r.month !== undefined ? { month: r.month } : {}),
  };
}

/** --ods inline ("A>B,C>D", a demand as a third part) or a JSON array of pairs; never a file. */
export function odsOf(value: S.RemoveRequest['ods']): OdPair[] | undefined {
  if (value === undefined) return undefined;
  const pairs = value.flatMap((item) => typeof item !== 'string' ? [{ from: item.from, to: item.to, demand: item.demand ?? 1 }] : item.split(',').filter((e) => e.trim() !== '').map((entry) => {
    const [from, to, demand] = entry.split('>').map((c) => c.trim());
    if (!from || !to) throw new ServiceArgumentError('ods', `"${entry}" needs "from>to"`);
    const d = demand === undefined || demand === '' ? 1 : Number(demand);
    if (!Number.isFinite(d) || d < 0) throw new ServiceArgumentError('ods', `"${entry}" has demand "${demand}"`);
    return { from, to, demand: d };
  }));
  if (pairs.length > MAX_LIST_ITEMS) throw new ServiceArgumentError('ods', `has ${pairs.length} pairs; at most ${MAX_LIST_ITEMS}`);
  return pairs;
}

export function placesService(nets: ServiceNetworks, r: S.PlacesRequest) {
  const matches = nets.network.placeIndex().search(r.q, { limit: r.limit ?? 10 });
  return { query: r.q, matches: matches.map((m) => ({ ...m.place, matched: m.matched, how: m.how, distance: m.distance })) };
}

export function alternativesService(nets: ServiceNetworks, r: S.AlternativesRequest) {
  const network = nets.for(r.scenario);
  const result = alternatives(network, r.from, r.to, { k: r.k ?? 3, ...routeQuery(r), reasonable: r.reasonable === true });
  return r.format === 'geojson' ? routesToGeoJSON(network, result.routes, (i) => ({ alternative: i + 1 })) : asJson(result);
}

export function disjointService(nets: ServiceNetworks, r: S.DisjointRequest) {
  const network = nets.for(r.scenario);
  const result = disjointRoutes(network, r.from, r.to, { k: r.k ?? 2, ...routeQuery(r), disjoint: r.places === true ? 'places' : 'links' });
  return r.format === 'geojson' ? routesToGeoJSON(network, result.routes, (i) => ({ disjointRoute: i + 1 })) : asJson(result);
}

export function resilientService(nets: ServiceNetworks, r: S.ResilientRequest) {
  const network = nets.for(r.scenario);
  const result = resilientRoute(network, r.from, r.to, {
    k: r.k ?? 8, lambda: r.lambda ?? 1, reroute: r.reroute ?? 'en-route', ...routeQuery(r), failureProbability: r.failureProbability,
  });
  return r.format === 'geojson' ? resilientRouteGeoJSON(network, result) : asJson(result);
}

export function removeService(nets: ServiceNetworks, r: S.RemoveRequest) {
  const network = nets.for(r.scenario);
  const selection = listOf(r.selection, 'selection')!;
  if (selection.length === 0) throw new ServiceArgumentError('selection', 'names nothing to take out of service');
  const result = removeLinks(network, selection, { ...routeQuery(r), ods: odsOf(r.ods) });
  const rows = result.rows.filter((row) => r.all === true || row.effect === 'detour' || row.effect === 'disconnected');
  // As `steppenet remove --format json`: a new route as its links and totals; rows as --all says.
  return asJson({ ...result, rows: rows.map((row) => ({ ...row, newRoute: row.newRoute && { links: row.newRoute.links, totals: row.newRoute.totals } })) });
}

/** "2/4" → { index: 1, count: 4 }. */
function shardOf(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const [i, n] = value.split('/').map(Number);
  if (!(n >= 1 && i >= 1 && i <= n)) throw new ServiceArgumentError('shard', `must be I/N with 1 <= I <= N, e.g. 2/4; got "${value}"`);
  return { index: i - 1, count: n };
}

/** Progress of a long scan: links (or pairs) done of the total. */
export type Progress = (done: number, total: number) => void;

export async function criticalService(nets: ServiceNetworks, r: S.CriticalRequest, hooks: { signal?: AbortSignal; onProgress?: Progress } = {}) {
  const network = nets.for(r.scenario);
  const shard = shardOf(r.shard);
  const result: CriticalityResult = await linkCriticalityAsync(network, {
    ...routeQuery(r), ods: odsOf(r.ods), ...(shard ? { shard } : {}),
    ...(hooks.signal ? { signal: hooks.signal } : {}), ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  const shown = { ...result, ranking: result.ranking.slice(0, r.top ?? Infinity) };
  return r.format === 'geojson' ? criticalityGeoJSON(network, shown) : asJson(shown);
}

export function spofService(nets: ServiceNetworks, r: S.SpofRequest) {
  const network = nets.for(r.scenario);
  const wanted = r.mode ?? 'every';
  const result = singlePointsOfFailure(network, { ...(r.freight ? { freight: r.freight } : {}), ...(wanted === 'every' || wanted === 'all' ? {} : { modes: [wanted] }) });
  const views = result.views.filter((v) => wanted === 'every' || v.view === wanted);
  return r.format === 'geojson' ? failureViewsGeoJSON(network, views) : asJson({ ...result, views });
}

export function borderCutService(nets: ServiceNetworks, r: S.BorderCutRequest) {
  const network = nets.for(r.scenario);
  const side = (name: 'from' | 'to', places: readonly string[] | undefined, region: string | undefined): PlaceSet | undefined => {
    if (places !== undefined && region !== undefined) throw new ServiceArgumentError(name, `give ${name} or ${name}Region, not both`);
    return region !== undefined ? { region } : listOf(places, name);
  };
  const options: BorderCutOptions = {
    mode: r.mode ?? 'road', freight: r.freight ?? 'bilateral', domestic: r.domestic ?? 'by-class',
    ...(r.sector ? { sector: r.sector } : {}),
    ...(r.maxStretch !== undefined ? { maxStretch: r.maxStretch === 'none' ? Infinity : r.maxStretch } : {}),
    from: side('from', r.from, r.fromRegion), to: side('to', r.to, r.toRegion),
  };
  const result = borderCut(network, options);
  return r.format === 'geojson' ? borderCutGeoJSON(network, result) : asJson(result);
}

export function corridorsService(nets: ServiceNetworks, r: S.CorridorsRequest) {
  const network = nets.for(r.scenario);
  return asJson(compareCorridors(network, {
    ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}),
    ...(r.through ? { throughCountry: r.through.toUpperCase() } : {}),
    ...routeQuery(r),
  }));
}

export async function compareService(nets: ServiceNetworks, r: S.CompareRequest, hooks: { signal?: AbortSignal; onProgress?: Progress } = {}) {
  // Two OD routers, one per scenario: no finer progress than start and end.
  hooks.onProgress?.(0, 1);
  await new Promise((resolve) => setImmediate(resolve));
  hooks.signal?.throwIfAborted();
  const result = compareScenarios(nets.base, r.a, r.b, { ...routeQuery(r), ods: odsOf(r.ods) });
  hooks.onProgress?.(1, 1);
  return asJson(r.all === true ? result : { ...result, rows: result.changed });
}

export function accessibilityService(nets: ServiceNetworks, r: S.AccessibilityRequest) {
  const network = nets.for(r.scenario);
  const places = listOf(r.places, 'places');
  if (places !== undefined && places.length === 0) throw new ServiceArgumentError('places', 'names no place: give a comma-separated list of names or ids');
  const mode = r.mode ?? 'all';
  return asJson(accessibility(network, {
    ...routeQuery(r), modes: mode === 'all' ? ACCESSIBILITY_LAYERS : [mode], ...(places ? { places } : {}),
  }));
}

export function infoService(nets: ServiceNetworks, r: S.InfoRequest) {
  return asJson(summarizeNetwork(nets.for(r.scenario)));
}

/** The network as GeoJSON (places, then links with their checkpoints), the scenario applied: what a map draws. */
export function networkService(nets: ServiceNetworks, r: S.NetworkRequest) {
  const network = nets.for(r.scenario);
  return { ...network.toGeoJSON(), scenario: network.scenario?.name ?? 'current' };
}
