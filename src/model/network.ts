import { MultiDirectedGraph } from 'graphology';
import { PlaceIndex, type PlaceEntry } from '../places/place-index.js';
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

/** The key of the directed model edge for a link and direction. */
export const edgeKey = (linkId: string, direction: 'forward' | 'backward'): string =>
  direction === 'forward' ? linkId : `${linkId}~back`;

/**
 * A validated network: the features as loaded, and a graphology
 * MultiDirectedGraph over them (node = place id, edge = one direction of a link).
 * Immutable by convention: scenarios and removals return new networks.
 */
export class Network {
  readonly graph: MultiDirectedGraph<PlaceNode, LinkEdge>;
  private readonly placeById = new Map<string, PlaceFeature>();
  private readonly linkById = new Map<string, LinkFeature>();
  private index?: PlaceIndex;

  /** Use loadNetwork(): this constructor trusts that `file` is valid. */
  constructor(
    private readonly file: NetworkFile,
    readonly name: string,
    readonly scenario?: ScenarioSummary,
    /** How the network was validated; scenarios applied to it are validated the same way. */
    readonly validation: ValidateOptions = {},
  ) {
    this.graph = new MultiDirectedGraph<PlaceNode, LinkEdge>({ allowSelfLoops: false });
    for (const f of file.features) {
      if (f.properties.type !== 'place') continue;
      const place = f as PlaceFeature;
      this.placeById.set(place.properties.id, place);
      const [lon, lat] = place.geometry.coordinates;
      this.graph.addNode(place.properties.id, { ...place.properties, lon, lat });
    }
    for (const f of file.features) {
      if (f.properties.type !== 'link') continue;
      const link = f as LinkFeature;
      const p = link.properties;
      this.linkById.set(p.id, link);
      const wait = p.checkpoint?.waitHours;
      const base = { link: p.id, mode: p.mode, km: p.km, status: p.status };
      this.graph.addDirectedEdgeWithKey(edgeKey(p.id, 'forward'), p.from, p.to, { ...base, direction: 'forward', waitHours: wait?.forward ?? 0 });
      if (!p.oneway) {
        this.graph.addDirectedEdgeWithKey(edgeKey(p.id, 'backward'), p.to, p.from, { ...base, direction: 'backward', waitHours: wait?.backward ?? 0 });
      }
    }
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

  /** Finds a place by id, name or alias in any script, tolerating typos; throws UnknownPlaceError with suggestions. */
  resolvePlace(query: string, options?: { kinds?: readonly PlaceKind[] }): PlaceFeature {
    const entry = this.placeIndex().resolve(query, options);
    return this.placeById.get(entry.id)!;
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
