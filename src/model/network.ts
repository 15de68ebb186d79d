import { createRequire } from 'node:module';
import type { MultiDirectedGraph } from 'graphology';
import { greatCircleKm } from '../core/geodesic.js';
import { formatCoordinates, parseCoordinateQuery } from '../places/coordinate-query.js';
import { MAX_NAME_LENGTH } from '../places/name-limit.js';
import { PlaceIndex, type PlaceEntry } from '../places/place-index.js';
import { NoPlaceNearbyError } from './no-place-nearby-error.js';
import type {
  BorderSector,
  LinkFeature,
  LinkProperties,
  LinkStatus,
  Mode,
  NetworkFile,
  PlaceFeature,
  PlaceKind,
  PlaceProperties,
} from './types.js';
import type { ScenarioSummary } from './scenario-summary.js';
import type { ValidateOptions } from './validate-network.js';

/** Node attributes of the model graph: the place's properties plus its position. */
export type PlaceNode = PlaceProperties & { lon: number; lat: number };

/** Edge attributes: a two-way link is two directed edges sharing `link`. */
export interface LinkEdge {
  link: string;
  direction: 'forward' | 'backward';
  mode: Mode;
  km: number;
  status: LinkStatus;
  /** Checkpoint wait in this direction of travel (0 where the link crosses no border). */
  waitHours: number;
}

export interface LinkFilter {
  mode?: Mode | readonly Mode[];
  status?: LinkStatus | readonly LinkStatus[];
  tag?: string;
  road?: string;
  line?: string;
  /** Only links that cross the state border (carry a checkpoint). */
  crossing?: boolean;
}

export interface CheckpointFilter {
  sector?: BorderSector;
  mode?: Mode;
}

export interface PlaceFilter {
  region?: string;
  country?: string;
  kind?: PlaceKind | readonly PlaceKind[];
  mode?: Mode;
  tag?: string;
}

const oneOf = <T>(value: T, wanted: T | readonly T[] | undefined): boolean =>
  wanted === undefined || (Array.isArray(wanted) ? wanted.includes(value) : value === wanted);

/** How far a place given as coordinates may snap to the nearest place, by default (km). */
export const DEFAULT_SNAP_KM = 50;

/** A place a coordinate snaps to, and how far it is (great-circle km). */
export interface NearbyPlace {
  place: PlaceFeature;
  km: number;
}

/** How resolvePlace reads a query. */
export interface ResolvePlaceOptions {
  /** Names: only places of these kinds. */
  kinds?: readonly PlaceKind[];
  /** Coordinates: snap only to places at an end of an open or restricted link of these modes (default: any mode). */
  modes?: readonly Mode[];
  /** Coordinates: the farthest a query may snap, in km (default DEFAULT_SNAP_KM). */
  snapKm?: number;
  /** Coordinates: the nearest candidate place, in place of the rule of `modes` (a Router passes the places its compiled graph can use). */
  nearest?: (lon: number, lat: number) => NearbyPlace | undefined;
}

/** A query resolved to a place; `snapped` when the query was coordinates (the query as written and the km to the place). */
export interface ResolvedPlace {
  place: PlaceFeature;
  snapped?: { query: string; km: number };
}

/** The key of the directed model edge for a link and direction. */
export const edgeKey = (linkId: string, direction: 'forward' | 'backward'): string =>
  direction === 'forward' ? linkId : `${linkId}~back`;

// graphology is read (a CommonJS require, so that the graph can still be made synchronously) the first time a network's
// graph is asked for: routing reads the features, not the graph, and compiling graphology's 140 kB is a tenth of a
// CLI call's start-up (issue 16).
let graphConstructor: typeof MultiDirectedGraph | undefined;
const multiDirectedGraph = (): typeof MultiDirectedGraph =>
  (graphConstructor ??= (createRequire(import.meta.url)('graphology') as { MultiDirectedGraph: typeof MultiDirectedGraph }).MultiDirectedGraph);

/**
 * A validated network: the features as loaded, and a graphology
 * MultiDirectedGraph over them (node = place id, edge = one direction of a link),
 * made when `graph` is first read.
 * Immutable by convention: scenarios and removals return new networks.
 */
export class Network {
  private readonly placeById = new Map<string, PlaceFeature>();
  private readonly linkById = new Map<string, LinkFeature>();
  private index?: PlaceIndex;
  /** Names and aliases as written (NFC) → the places with them, for exactlyNamed. */
  private exactNames?: Map<string, PlaceFeature[]>;
  private modelGraph?: MultiDirectedGraph<PlaceNode, LinkEdge>;

  /** Use loadNetwork(): this constructor trusts that `file` is valid. */
  constructor(
    private readonly file: NetworkFile,
    readonly name: string,
    readonly scenario?: ScenarioSummary,
    /** How the network was validated; scenarios applied to it are validated the same way. */
    readonly validation: ValidateOptions = {},
  ) {
    for (const f of file.features) {
      if (f.properties.type === 'place') this.placeById.set(f.properties.id, f as PlaceFeature);
      else if (f.properties.type === 'link') this.linkById.set(f.properties.id, f as LinkFeature);
    }
  }

  /** The graphology graph of the network (node = place id with its properties and position; edge = one direction of a link, keyed by edgeKey), made on first use and kept. */
  get graph(): MultiDirectedGraph<PlaceNode, LinkEdge> {
    if (this.modelGraph) return this.modelGraph;
    const graph = new (multiDirectedGraph())<PlaceNode, LinkEdge>({ allowSelfLoops: false });
    for (const place of this.placeById.values()) {
      const [lon, lat] = place.geometry.coordinates;
      graph.addNode(place.properties.id, { ...place.properties, lon, lat });
    }
    for (const link of this.linkById.values()) {
      const p = link.properties;
      const wait = p.checkpoint?.waitHours;
      const base = { link: p.id, mode: p.mode, km: p.km, status: p.status };
      graph.addDirectedEdgeWithKey(edgeKey(p.id, 'forward'), p.from, p.to, { ...base, direction: 'forward', waitHours: wait?.forward ?? 0 });
      if (!p.oneway) {
        graph.addDirectedEdgeWithKey(edgeKey(p.id, 'backward'), p.to, p.from, { ...base, direction: 'backward', waitHours: wait?.backward ?? 0 });
      }
    }
    return (this.modelGraph = graph);
  }

  get places(): PlaceFeature[] {
    return [...this.placeById.values()];
  }

  get links(): LinkFeature[] {
    return [...this.linkById.values()];
  }

  place(id: string): PlaceFeature | undefined {
    return this.placeById.get(id);
  }

  link(id: string): LinkFeature | undefined {
    return this.linkById.get(id);
  }

  /**
   * Finds a place by id, name or alias in any script, tolerating typos; throws
   * UnknownPlaceError with suggestions. A query that is coordinates
   * ("54.98,73.37" lat,lon; "lonlat:73.37,54.98") snaps to the nearest place
   * that serves the modes within `snapKm` (NoPlaceNearbyError beyond it,
   * CoordinateError when out of range): see resolvePlaceQuery.
   */
  resolvePlace(query: string, options?: ResolvePlaceOptions): PlaceFeature {
    return this.resolvePlaceQuery(query, options).place;
  }

  /** As resolvePlace, and says whether the query was coordinates snapped to the place, and how far. */
  resolvePlaceQuery(query: string, options: ResolvePlaceOptions = {}): ResolvedPlace {
    const at = typeof query === 'string' ? parseCoordinateQuery(query) : undefined;
    if (!at) {
      const exact = options.kinds === undefined ? this.exactlyNamed(query) : undefined;
      if (exact) return { place: exact };
      const entry = this.placeIndex().resolve(query, options.kinds ? { kinds: options.kinds } : undefined);
      return { place: this.placeById.get(entry.id)! };
    }
    const limit = options.snapKm ?? DEFAULT_SNAP_KM;
    const near = options.nearest ? options.nearest(at.lon, at.lat) : this.nearestLinkedPlace(at.lon, at.lat, options.modes);
    const where = formatCoordinates(at);
    if (!near) throw new NoPlaceNearbyError(query, `no place serves ${options.modes?.join(' or ') ?? 'any mode'} in this network`);
    if (!(near.km <= limit)) {
      throw new NoPlaceNearbyError(query, `the nearest place that serves the modes, ${near.place.properties.name} [${near.place.properties.id}], is ${near.km.toFixed(1)} km from ${where} (lat,lon), beyond the limit of ${limit} km`);
    }
    return { place: near.place, snapped: { query, km: near.km } };
  }

  /** The place nearest to a coordinate at an end of an open or restricted link (of one of `modes`, when given); ties by id. */
  private nearestLinkedPlace(lon: number, lat: number, modes?: readonly Mode[]): NearbyPlace | undefined {
    const linked = new Set<string>();
    for (const { properties: l } of this.links) {
      if ((l.status !== 'open' && l.status !== 'restricted') || (modes && !modes.includes(l.mode))) continue;
      linked.add(l.from);
      linked.add(l.to);
    }
    let best: NearbyPlace | undefined;
    for (const id of linked) {
      const place = this.placeById.get(id)!;
      const [x, y] = place.geometry.coordinates;
      const km = greatCircleKm(lon, lat, x, y);
      if (!best || km < best.km || (km === best.km && id < best.place.properties.id)) best = { place, km };
    }
    return best;
  }

  /**
   * The place a query names exactly, where the place index would answer the same without being made (making it
   * normalises every name and alias: most of a CLI call's place lookup, issue 16): the place with this id, else the
   * one place with this name or alias as written (NFC). Undefined when the index must decide: no such place, several,
   * or a query the index refuses (over MAX_NAME_LENGTH).
   */
  private exactlyNamed(query: string): PlaceFeature | undefined {
    if (typeof query !== 'string' || query.length > MAX_NAME_LENGTH) return undefined;
    const byId = this.placeById.get(query);
    if (byId) return byId;
    if (!this.exactNames) {
      this.exactNames = new Map();
      for (const place of this.placeById.values()) {
        for (const text of [place.properties.name, ...(place.properties.aliases ?? [])]) {
          const key = text.normalize('NFC');
          const list = this.exactNames.get(key);
          if (!list) this.exactNames.set(key, [place]);
          else if (!list.includes(place)) list.push(place);
        }
      }
    }
    const named = this.exactNames.get(query.normalize('NFC'));
    return named?.length === 1 ? named[0] : undefined;
  }

  placeIndex(): PlaceIndex {
    this.index ??= new PlaceIndex(
      this.places.map((f): PlaceEntry => {
        const p = f.properties;
        return { id: p.id, name: p.name, aliases: p.aliases ?? [], kind: p.kind, country: p.country, region: p.region };
      }),
    );
    return this.index;
  }

  linksWhere(filter: LinkFilter = {}): LinkFeature[] {
    return this.links.filter(({ properties: p }) =>
      oneOf(p.mode, filter.mode) &&
      oneOf(p.status, filter.status) &&
      (filter.tag === undefined || (p.tags ?? []).includes(filter.tag)) &&
      (filter.road === undefined || p.road === filter.road) &&
      (filter.line === undefined || p.line === filter.line) &&
      (filter.crossing === undefined || (p.checkpoint !== undefined) === filter.crossing),
    );
  }

  /** Links that cross a state border, optionally in one sector (of the KZ–RU border) or mode. */
  checkpoints(filter: CheckpointFilter = {}): (LinkFeature & { properties: LinkProperties & { checkpoint: NonNullable<LinkProperties['checkpoint']> } })[] {
    return this.linksWhere({ crossing: true, mode: filter.mode }).filter(
      (l) => filter.sector === undefined || l.properties.checkpoint!.sector === filter.sector,
    ) as ReturnType<Network['checkpoints']>;
  }

  placesWhere(filter: PlaceFilter = {}): PlaceFeature[] {
    return this.places.filter(({ properties: p }) =>
      (filter.region === undefined || p.region === filter.region) &&
      (filter.country === undefined || p.country === filter.country) &&
      oneOf(p.kind, filter.kind) &&
      (filter.mode === undefined || p.modes.includes(filter.mode)) &&
      (filter.tag === undefined || (p.tags ?? []).includes(filter.tag)),
    );
  }

  /** The main cities of the border regions (one per region), in file order. */
  regionCentres(): PlaceFeature[] {
    return this.places.filter((f) => f.properties.regionCentre === true);
  }

  /** A deep copy of the network as a GeoJSON FeatureCollection. */
  toGeoJSON(): NetworkFile {
    return structuredClone(this.file);
  }
}
