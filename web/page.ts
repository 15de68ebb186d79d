// The web page of `steppenet serve`: a map of the network (MapLibre GL JS,
// bundled; basemap from /v1/basemap, no tile server), place search, the best
// route leg by leg, and link removal. It talks to the server only over HTTP:
// /v1/places, /v1/network, /v1/basemap, /v1/route and /openapi.json.
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

maplibregl.setWorkerUrl(new URL('/web/maplibre-gl-worker.mjs', location.href).href);

interface PlaceRef { id: string; name: string; country: string }
interface Match extends PlaceRef { kind: string; aliases: string[]; region?: string; matched: string; how: string }
interface Hours { driving: number; rest: number; waiting: number; transfer: number; running: number }
interface Leg { from: PlaceRef; to: PlaceRef; mode: string; km: number; hours: number; cost: number; name: string; links: string[]; hoursBreakdown: Hours }
interface Crossing { checkpoint: string; name: string; link: string; mode: string; from: string; to: string; waitHours: number; regime: string }
interface Transfer { place: PlaceRef; fromMode: string; toMode: string; hours: number }
interface Route {
  found: boolean; reason?: string; from: PlaceRef; to: PlaceRef; scenario: string; by: string;
  totals: { km: number; hours: number; cost: number; hoursBreakdown: Hours } | null;
  legs: Leg[]; crossings: Crossing[]; transfers: Transfer[]; links: string[];
}
interface ApiError { code?: string; message?: string; error?: string }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const state = {
  from: undefined as PlaceRef | undefined,
  to: undefined as PlaceRef | undefined,
  avoid: [] as string[],
  /** The answer with no link removed, to compare against. */
  baseline: undefined as Route | undefined,
  route: undefined as Route | undefined,
  query: 0,
  /** steppenet services the server offers beyond /v1/route (from /openapi.json). */
  services: new Set<string>(),
};

class HttpError extends Error {}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => ({}))) as T & ApiError;
  if (!response.ok) throw new HttpError(`${body.code ?? response.status}: ${body.message ?? body.error ?? response.statusText}`);
  return body;
}

function setStatus(text: string, error = false): void {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const scenario = () => $<HTMLSelectElement>('scenario').value;
const by = () => $<HTMLSelectElement>('by').value;

// ---------------------------------------------------------------- the map

const map = new maplibregl.Map({
  container: 'map',
  style: {
    version: 8,
    sources: {},
    layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#dce8f0' } }],
  },
  bounds: [[45, 38], [90, 60]],
  attributionControl: { compact: true, customAttribution: 'Natural Earth · steppenet' },
});
map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }));

const MODE_COLOUR = ['match', ['get', 'mode'], 'road', '#d9822b', 'rail', '#6a3d9a', 'river', '#1f78b4', '#777'] as const;
/** One layer per status: line-dasharray is not data-driven everywhere. */
const STATUS_STYLE: Record<string, { dash?: number[]; opacity: number; width: number }> = {
  open: { opacity: 0.9, width: 2 },
  restricted: { dash: [1, 1.5], opacity: 0.9, width: 2 },
  planned: { dash: [3, 2], opacity: 0.8, width: 2 },
  'under-construction': { dash: [2, 2], opacity: 0.8, width: 2 },
  abolished: { dash: [0.5, 2], opacity: 0.45, width: 1.5 },
};

function addLayers(): void {
  map.addSource('basemap', { type: 'geojson', data: EMPTY });
  map.addSource('network', { type: 'geojson', data: EMPTY });
  map.addSource('route', { type: 'geojson', data: EMPTY });
  map.addSource('alternatives', { type: 'geojson', data: EMPTY });
  map.addSource('criticality', { type: 'geojson', data: EMPTY });
  map.addSource('corridors', { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: 'countries', type: 'fill', source: 'basemap',
    paint: { 'fill-color': ['match', ['get', 'country'], 'KZ', '#f7efd8', 'RU', '#eef3e4', '#f4f4f1'] },
  });
  map.addLayer({ id: 'borders', type: 'line', source: 'basemap', paint: { 'line-color': '#8a8a8a', 'line-width': 1 } });
  map.addLayer({
    id: 'route-casing', type: 'line', source: 'route', filter: ['==', ['geometry-type'], 'LineString'],
    layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#fff', 'line-width': 10, 'line-opacity': 0.9 },
  });
  for (const [status, style] of Object.entries(STATUS_STYLE)) {
    map.addLayer({
      id: `links-${status}`, type: 'line', source: 'network',
      filter: ['all', ['==', ['get', 'type'], 'link'], ['==', ['get', 'status'], status]],
      paint: {
        'line-color': MODE_COLOUR as never, 'line-width': style.width, 'line-opacity': style.opacity,
        ...(style.dash ? { 'line-dasharray': style.dash } : {}),
      },
    });
  }
  map.addLayer({
    id: 'criticality-lines', type: 'line', source: 'criticality',
    layout: { 'line-cap': 'round' },
    paint: {
      'line-color': ['match', ['get', 'class'], 1, '#b10026', 2, '#fc4e2a', 3, '#feb24c', '#ffeda0'],
      'line-width': ['match', ['get', 'class'], 1, 7, 2, 5, 3, 3.5, 2.5],
      'line-opacity': 0.9,
    },
  });
  map.addLayer({
    id: 'corridor-lines', type: 'line', source: 'corridors',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ['match', ['get', 'corridor'], 'bypass', '#009e73', '#d55e00'], 'line-width': 5, 'line-opacity': 0.85 },
  });
  map.addLayer({
    id: 'alternative-lines', type: 'line', source: 'alternatives', filter: ['==', ['geometry-type'], 'LineString'],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': ['match', ['coalesce', ['get', 'alternative'], ['get', 'option'], 0], 1, '#0072b2', 2, '#009e73', 3, '#e69f00', 4, '#cc79a7', 5, '#56b4e9', '#444'],
      'line-width': 4, 'line-opacity': 0.8, 'line-dasharray': [2, 1.5],
    },
  });
  map.addLayer({
    id: 'route-line', type: 'line', source: 'route', filter: ['==', ['geometry-type'], 'LineString'],
    layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#e4002b', 'line-width': 5, 'line-opacity': 0.85 },
  });
  map.addLayer({
    id: 'cities', type: 'circle', source: 'network',
    filter: ['all', ['==', ['get', 'type'], 'place'], ['in', ['get', 'kind'], ['literal', ['city', 'hub', 'port']]]],
    paint: { 'circle-radius': 3, 'circle-color': '#333', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 },
  });
  map.addLayer({
    id: 'checkpoints-locks', type: 'circle', source: 'network',
    filter: ['all', ['==', ['get', 'type'], 'place'], ['in', ['get', 'kind'], ['literal', ['checkpoint', 'lock']]]],
    paint: {
      'circle-radius': 4, 'circle-color': ['match', ['get', 'kind'], 'lock', '#1a9e9e', '#d7191c'],
      'circle-stroke-color': '#fff', 'circle-stroke-width': 1,
    },
  });
  map.addLayer({
    id: 'route-points', type: 'circle', source: 'route', filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 6, 'circle-color': ['match', ['get', 'kind'], 'crossing', '#d7191c', '#ffbf00'], 'circle-stroke-color': '#000', 'circle-stroke-width': 1.5 },
  });
}

const LINK_LAYERS = Object.keys(STATUS_STYLE).map((s) => `links-${s}`);
const hover = new maplibregl.Popup({ closeButton: false, closeOnClick: false, maxWidth: '280px' });

function describe(properties: Record<string, unknown>): string {
  const p = properties;
  const text = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  if (p.type === 'link') {
    return `<b>${text(p.line ?? p.road ?? p.id)}</b><br>${text(p.mode)}, ${text(p.status)}, ${text(p.km)} km<br><code>${text(p.id)}</code>`
      + (state.from && state.to ? '<br><i>click to remove it from the route query</i>' : '');
  }
  return `<b>${text(p.name)}</b> (${text(p.kind)}, ${text(p.country)})`;
}

function wireMapEvents(): void {
  for (const layer of [...LINK_LAYERS, 'cities', 'checkpoints-locks']) {
    map.on('mousemove', layer, (e: MapLayerMouseEvent) => {
      const feature = e.features?.[0];
      if (!feature) return;
      map.getCanvas().style.cursor = 'pointer';
      hover.setLngLat(e.lngLat).setHTML(describe(feature.properties)).addTo(map);
    });
    map.on('mouseleave', layer, () => {
      map.getCanvas().style.cursor = '';
      hover.remove();
    });
  }
  map.on('click', (e: MapMouseEvent) => {
    const feature = map.queryRenderedFeatures(e.point, { layers: LINK_LAYERS })[0];
    if (feature && state.from && state.to) void removeLink(String(feature.properties.id));
  });
}

// ---------------------------------------------------------------- loading

async function loadNetwork(): Promise<void> {
  const network = await getJson<FeatureCollection>(`/v1/network?scenario=${encodeURIComponent(scenario())}`);
  (map.getSource('network') as GeoJSONSource).setData(network);
  const links = network.features.filter((f) => f.properties?.type === 'link').length;
  setStatus(`${network.features.length - links} places, ${links} links (${scenario()} scenario). Search a place to start.`);
}

async function loadScenarios(): Promise<void> {
  // The scenario names the route service accepts, as its OpenAPI document lists them.
  try {
    const openapi = await getJson<{ paths: Record<string, { get?: { parameters?: { name: string; schema?: { enum?: string[] } }[] } }> }>('/openapi.json');
    for (const path of Object.keys(openapi.paths)) if (openapi.paths[path].get) state.services.add(path);
    $('more').hidden = !state.services.has('/v1/alternatives') && !state.services.has('/v1/resilient');
    $('analyses').hidden = !state.services.has('/v1/critical') && !state.services.has('/v1/corridors');
    $('show-critical').hidden = !state.services.has('/v1/critical');
    $('show-corridors').hidden = !state.services.has('/v1/corridors');
    $('show-alternatives').hidden = !state.services.has('/v1/alternatives');
    $('show-resilient').hidden = !state.services.has('/v1/resilient');
    const names = openapi.paths['/v1/route']?.get?.parameters?.find((p) => p.name === 'scenario')?.schema?.enum;
    if (!names?.length) return;
    const select = $<HTMLSelectElement>('scenario');
    select.replaceChildren(...names.map((name) => new Option(name, name, name === 'current', name === 'current')));
  } catch {
    // The switch keeps "current".
  }
}

// ---------------------------------------------------------------- search

function wireSearch(which: 'from' | 'to'): void {
  const input = $<HTMLInputElement>(which);
  const list = $<HTMLUListElement>(`${which}-suggestions`);
  let timer: number | undefined;
  let asked = 0;
  input.addEventListener('input', () => {
    state[which] = undefined;
    input.classList.remove('chosen');
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) return list.replaceChildren();
    timer = window.setTimeout(async () => {
      const ask = ++asked;
      try {
        const { matches } = await getJson<{ matches: Match[] }>(`/v1/places?q=${encodeURIComponent(q)}&limit=8`);
        if (ask !== asked) return;
        list.replaceChildren(...matches.map((m) => {
          const item = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.dataset.place = m.id;
          const alias = m.matched !== m.name ? ` “${m.matched}”` : '';
          button.append(m.name, Object.assign(document.createElement('span'), { className: 'meta', textContent: `${alias} · ${m.kind}, ${m.country}${m.region ? `, ${m.region}` : ''}` }));
          button.addEventListener('click', () => choose(which, m));
          item.append(button);
          return item;
        }));
        if (matches.length === 0) list.replaceChildren(Object.assign(document.createElement('li'), { className: 'meta', textContent: 'no place matches' }));
      } catch (error) {
        setStatus(`Search failed: ${(error as Error).message}`, true);
      }
    }, 150);
  });
}

function choose(which: 'from' | 'to', place: Match): void {
  state[which] = { id: place.id, name: place.name, country: place.country };
  const input = $<HTMLInputElement>(which);
  input.value = place.name;
  input.classList.add('chosen');
  $(`${which}-suggestions`).replaceChildren();
  state.avoid = [];
  state.baseline = undefined;
  void queryRoute();
}

// ---------------------------------------------------------------- route

async function removeLink(id: string): Promise<void> {
  if (state.avoid.includes(id)) return;
  state.avoid.push(id);
  await queryRoute();
}

async function restoreLink(id: string): Promise<void> {
  state.avoid = state.avoid.filter((l) => l !== id);
  await queryRoute();
}

async function queryRoute(): Promise<void> {
  if (!state.from || !state.to) return;
  const ask = ++state.query;
  const params = new URLSearchParams({ from: state.from.id, to: state.to.id, by: by(), scenario: scenario() });
  if (state.avoid.length) params.set('avoidLinks', state.avoid.join(','));
  setStatus(`Routing ${state.from.name} → ${state.to.name}…`);
  try {
    const [route, geojson] = await Promise.all([
      getJson<Route>(`/v1/route?${params}&format=json`),
      getJson<FeatureCollection>(`/v1/route?${params}&format=geojson`),
    ]);
    if (ask !== state.query) return;
    if (state.avoid.length === 0) state.baseline = route;
    state.route = route;
    clearMore();
    (map.getSource('route') as GeoJSONSource).setData(geojson);
    showRoute(route, geojson);
    setStatus(route.found ? `Route found (${route.scenario} scenario, by ${route.by}).` : `No route: ${route.reason ?? 'unreachable'}`, !route.found);
  } catch (error) {
    if (ask === state.query) setStatus(`Route failed: ${(error as Error).message}`, true);
  }
}

function hoursText(h: Hours): string {
  const parts = Object.entries(h).filter(([, v]) => v > 0.005).map(([k, v]) => `${k} ${fmt(v)} h`);
  return parts.length ? parts.join(', ') : '—';
}

function showRoute(route: Route, geojson: FeatureCollection): void {
  $('result').hidden = false;
  $('route-title').textContent = `${route.from.name} → ${route.to.name}`;
  const totals = $('totals');
  const legs = $<HTMLOListElement>('legs');
  legs.replaceChildren();
  if (!route.found || !route.totals) {
    totals.textContent = `No route: ${route.reason ?? 'unreachable'}`;
    $('hours').textContent = '';
  } else {
    const t = route.totals;
    totals.textContent = `${fmt(t.km, 0)} km · ${fmt(t.hours)} h · ${fmt(t.cost, 2)} USD/t · ${route.crossings.length} crossing${route.crossings.length === 1 ? '' : 's'}`;
    totals.title = hoursText(t.hoursBreakdown);
    route.legs.forEach((leg) => legs.append(legItem(route, leg)));
    $('hours').textContent = `Hours in all: ${hoursText(t.hoursBreakdown)}`;
    fitTo(geojson);
  }
  showChange(route);
  showRemoved();
}

function legItem(route: Route, leg: Leg): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'leg';
  item.dataset.mode = leg.mode;
  const head = document.createElement('div');
  head.className = 'leg-head';
  head.append(Object.assign(document.createElement('span'), { className: `mode ${leg.mode}`, textContent: leg.mode }), ` ${leg.from.name} → ${leg.to.name}`);
  const figures = document.createElement('div');
  figures.textContent = `${fmt(leg.km, 0)} km, ${fmt(leg.hours)} h (${hoursText(leg.hoursBreakdown)})${leg.name ? ` — ${leg.name}` : ''}`;
  item.append(head, figures);
  for (const c of route.crossings.filter((c) => leg.links.includes(c.link))) {
    item.append(Object.assign(document.createElement('div'), {
      className: 'crossing',
      textContent: `Border crossing ${c.name}: ${c.from} → ${c.to}, wait ${fmt(c.waitHours)} h (${c.regime})`,
    }));
  }
  const transfer = route.transfers.find((t) => t.place.id === leg.to.id);
  if (transfer) item.append(Object.assign(document.createElement('div'), { className: 'small', textContent: `transfer ${transfer.fromMode} → ${transfer.toMode} at ${transfer.place.name}: ${fmt(transfer.hours)} h` }));
  const links = document.createElement('div');
  links.className = 'links';
  links.append('links: ');
  for (const id of leg.links) {
    const span = document.createElement('span');
    span.className = 'link';
    span.append(id);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove-link';
    remove.dataset.link = id;
    remove.title = `remove ${id} and route again`;
    remove.textContent = '✕';
    remove.addEventListener('click', () => void removeLink(id));
    span.append(remove, ' ');
    links.append(span);
  }
  item.append(links);
  return item;
}

function showChange(route: Route): void {
  const change = $('change');
  const base = state.baseline;
  if (!state.avoid.length || !base?.totals) {
    change.hidden = true;
    return;
  }
  change.hidden = false;
  if (!route.found || !route.totals) {
    change.textContent = `Without ${state.avoid.join(', ')} there is no route (it was ${fmt(base.totals.hours)} h, ${fmt(base.totals.km, 0)} km).`;
    return;
  }
  const dh = route.totals.hours - base.totals.hours;
  const dkm = route.totals.km - base.totals.km;
  change.textContent = `Without ${state.avoid.join(', ')}: ${fmt(route.totals.hours)} h instead of ${fmt(base.totals.hours)} h (${dh >= 0 ? '+' : ''}${fmt(dh)} h), `
    + `${fmt(route.totals.km, 0)} km instead of ${fmt(base.totals.km, 0)} km (${dkm >= 0 ? '+' : ''}${fmt(dkm, 0)} km).`;
}

function showRemoved(): void {
  $('removed').hidden = state.avoid.length === 0;
  $('removed-list').replaceChildren(...state.avoid.map((id) => {
    const item = document.createElement('li');
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.textContent = 'restore';
    restore.addEventListener('click', () => void restoreLink(id));
    item.append(`${id} `, restore);
    return item;
  }));
}

function fitTo(geojson: FeatureCollection): void {
  const bounds = new maplibregl.LngLatBounds();
  const visit = (g: Geometry) => {
    if (g.type === 'Point') bounds.extend(g.coordinates as [number, number]);
    else if (g.type === 'LineString') for (const c of g.coordinates) bounds.extend(c as [number, number]);
  };
  geojson.features.forEach((f: Feature) => f.geometry && visit(f.geometry));
  if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: 60, maxZoom: 8, duration: 0 });
}

// ---------------------------------------------------------------- alternatives and the most resilient route

const COLOURS = ['#0072b2', '#009e73', '#e69f00', '#cc79a7', '#56b4e9'];

function clearMore(): void {
  (map.getSource('alternatives') as GeoJSONSource | undefined)?.setData(EMPTY);
  $('more-list').replaceChildren();
}

function routeParams(): URLSearchParams | undefined {
  if (!state.from || !state.to) return undefined;
  const params = new URLSearchParams({ from: state.from.id, to: state.to.id, by: by(), scenario: scenario() });
  return params;
}

/** Up to 5 routes from /v1/alternatives or /v1/resilient drawn dashed, one colour each, and listed. */
async function showMore(kind: 'alternatives' | 'resilient'): Promise<void> {
  const params = routeParams();
  if (!params) return setStatus('Pick an origin and a destination first.', true);
  if (kind === 'alternatives') params.set('k', '3');
  setStatus(kind === 'alternatives' ? 'Looking for alternatives…' : 'Looking for the most resilient route…');
  try {
    const geojson = await getJson<FeatureCollection>(`/v1/${kind}?${params}&format=geojson`);
    const list = $<HTMLUListElement>('more-list');
    list.replaceChildren();
    // Number the routes 1, 2, … in the order they come, so each has a colour.
    const routeOf = new Map<string, number>();
    const key = (p: Record<string, unknown>) => String(p.alternative ?? `${p.role}:${p.failedLink ?? ''}`);
    for (const f of geojson.features) {
      const p = f.properties ?? {};
      if (!routeOf.has(key(p))) routeOf.set(key(p), routeOf.size + 1);
      p.option = routeOf.get(key(p));
    }
    const shown = geojson.features.filter((f) => Number(f.properties?.option) <= 5);
    (map.getSource('alternatives') as GeoJSONSource).setData({ type: 'FeatureCollection', features: shown });
    for (const [k, n] of routeOf) {
      if (n > 5) break;
      const legs = shown.filter((f) => f.properties?.option === n && f.geometry.type === 'LineString');
      const km = legs.reduce((sum, f) => sum + Number(f.properties?.km ?? 0), 0);
      const hours = legs.reduce((sum, f) => sum + Number(f.properties?.hours ?? 0), 0);
      const modes = [...new Set(legs.map((f) => String(f.properties?.mode)))].join('+');
      const label = kind === 'alternatives' ? `Alternative ${k}` : k.startsWith('chosen') ? 'Most resilient route' : `Backup if ${k.slice('backup:'.length)} fails`;
      const item = document.createElement('li');
      item.className = 'more-route';
      item.append(Object.assign(document.createElement('span'), { className: 'swatch', style: `border-color:${COLOURS[n - 1]}` }), `${label}: ${modes}, ${fmt(km, 0)} km, ${fmt(hours)} h`);
      list.append(item);
    }
    if (shown.length) fitTo({ type: 'FeatureCollection', features: [...shown, ...geojson.features.filter((f) => f.properties?.kind === 'leg' && f.properties?.option === 1)] });
    setStatus(routeOf.size ? `${routeOf.size} route${routeOf.size === 1 ? '' : 's'}${routeOf.size > 5 ? '; the first 5' : ''} drawn dashed.` : 'No route found.');
  } catch (error) {
    setStatus(`${kind} failed: ${(error as Error).message}`, true);
  }
}

// ---------------------------------------------------------------- criticality and the corridor comparison

interface Critical { link: string; name: string; mode: string; weightedExtra: number; disconnectedPairs: number; pairsUsing: number }

/** Criticality classes: 1 the top 5 links, 2 the next 10, 3 the next 25, 4 the rest with an effect. */
const classOf = (rank: number) => (rank <= 5 ? 1 : rank <= 15 ? 2 : rank <= 40 ? 3 : 4);

async function showCriticality(): Promise<void> {
  const params = new URLSearchParams({ by: by(), scenario: scenario(), format: 'geojson' });
  clearAnalyses();
  setStatus('Scanning every link for criticality (a few seconds)…');
  try {
    const geojson = await getJson<FeatureCollection>(`/v1/critical?${params}`);
    const features = geojson.features
      .filter((f) => Number(f.properties?.weightedExtra) > 0 || Number(f.properties?.disconnectedPairs) > 0)
      .map((f) => ({ ...f, properties: { ...f.properties, class: classOf(Number(f.properties?.rank)) } }));
    (map.getSource('criticality') as GeoJSONSource).setData({ type: 'FeatureCollection', features });
    const list = $<HTMLOListElement>('analysis-list');
    list.replaceChildren(...features.slice(0, 10).map((f) => {
      const p = f.properties as unknown as Critical;
      const item = document.createElement('li');
      item.textContent = `${p.name} (${p.mode}): weighted extra ${fmt(p.weightedExtra, 0)}${by() === 'time' ? ' h' : ''} over ${p.pairsUsing} pairs${p.disconnectedPairs ? `, ${p.disconnectedPairs} pairs cut off` : ''}`;
      return item;
    }));
    $('analysis-title').textContent = `Most critical links (by ${by()}): thick dark red the top 5, then the next 10, 25 and the rest`;
    setStatus(`${features.length} links change some answer when removed; the top 10 listed.`);
  } catch (error) {
    setStatus(`Criticality failed: ${(error as Error).message}`, true);
  }
}

interface CorridorRoute { found: boolean; reason?: string; km: number; hours: number; borderWaitHours: number; cost: number; crossings: number; countries: string[]; route: Route }

async function showCorridors(): Promise<void> {
  const params = new URLSearchParams({ by: by(), scenario: scenario() });
  clearAnalyses();
  clearMore();
  setStatus('Comparing the corridors…');
  try {
    const answer = await getJson<{ from: PlaceRef; to: PlaceRef; throughCountry: string; bypass: CorridorRoute; through: CorridorRoute }>(`/v1/corridors?${params}`);
    const network = await (map.getSource('network') as GeoJSONSource).getData() as FeatureCollection;
    const linkById = new Map(network.features.filter((f) => f.properties?.type === 'link').map((f) => [String(f.properties?.id), f]));
    const features: Feature[] = [];
    for (const corridor of ['bypass', 'through'] as const) {
      for (const id of answer[corridor].route?.links ?? []) {
        const link = linkById.get(id);
        if (link) features.push({ type: 'Feature', geometry: link.geometry, properties: { corridor } });
      }
    }
    (map.getSource('corridors') as GeoJSONSource).setData({ type: 'FeatureCollection', features });
    fitTo({ type: 'FeatureCollection', features });
    $('analysis-title').textContent = `${answer.from.name} → ${answer.to.name}: around ${answer.throughCountry} (green) or through it (orange)`;
    const table = document.createElement('table');
    table.id = 'corridor-table';
    const row = (cells: string[], tag = 'td') => {
      const tr = document.createElement('tr');
      for (const c of cells) tr.append(Object.assign(document.createElement(tag), { textContent: c }));
      return tr;
    };
    table.append(row(['', 'km', 'hours', 'waits h', 'USD/t', 'crossings'], 'th'));
    for (const [label, c] of [[`around ${answer.throughCountry}`, answer.bypass], [`through ${answer.throughCountry}`, answer.through]] as const) {
      table.append(c.found
        ? row([label, fmt(c.km, 0), fmt(c.hours), fmt(c.borderWaitHours), fmt(c.cost, 0), String(c.crossings)])
        : row([label, `no route: ${c.reason ?? ''}`, '', '', '', '']));
    }
    const countries = document.createElement('p');
    countries.className = 'small';
    countries.textContent = [answer.bypass, answer.through].map((c, i) => `${i ? 'through' : 'around'}: ${c.found ? c.countries.join(' → ') : '—'}`).join('; ');
    $('analysis-list').replaceChildren(table, countries);
    setStatus('Corridor comparison drawn.');
  } catch (error) {
    setStatus(`Corridor comparison failed: ${(error as Error).message}`, true);
  }
}

function clearAnalyses(): void {
  (map.getSource('criticality') as GeoJSONSource).setData(EMPTY);
  (map.getSource('corridors') as GeoJSONSource).setData(EMPTY);
  $('analysis-list').replaceChildren();
  $('analysis-title').textContent = '';
}

// ---------------------------------------------------------------- start

$('show-critical').addEventListener('click', () => void showCriticality());
$('show-corridors').addEventListener('click', () => void showCorridors());
$('clear-analyses').addEventListener('click', clearAnalyses);

$('show-alternatives').addEventListener('click', () => void showMore('alternatives'));
$('show-resilient').addEventListener('click', () => void showMore('resilient'));

wireSearch('from');
wireSearch('to');
$('scenario').addEventListener('change', () => {
  state.baseline = undefined;
  void loadNetwork().then(queryRoute).catch((e: Error) => setStatus(`Loading failed: ${e.message}`, true));
});
$('by').addEventListener('change', () => {
  state.baseline = undefined;
  void queryRoute();
});
$('query').addEventListener('submit', (e) => e.preventDefault());

map.on('load', async () => {
  addLayers();
  wireMapEvents();
  try {
    const [basemap] = await Promise.all([getJson<FeatureCollection>('/v1/basemap'), loadScenarios()]);
    (map.getSource('basemap') as GeoJSONSource).setData(basemap);
    await loadNetwork();
    document.body.dataset.ready = 'true';
  } catch (error) {
    setStatus(`Loading failed: ${(error as Error).message}`, true);
  }
});

// For the browser test and the curious: the map and the page's state.
Object.assign(window, { steppenet: { map, state } });
