/**
 * The network file format: the properties of the GeoJSON features in
 * `networks/*.geojson`. Places are Point features, links are LineString
 * features. `networks/README.md` documents every field; the loader enforces them.
 */
import type { PlaceKind } from '../places/place-kinds.js';

export const MODES = ['rail', 'road', 'river'] as const;
export type Mode = (typeof MODES)[number];

// Place kinds are defined with the place index, which filters by them (places is below model).
export { PLACE_KINDS, type PlaceKind } from '../places/place-kinds.js';

export const LINK_STATUSES = ['open', 'abolished', 'planned', 'under-construction', 'restricted'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** Kinds of border crossing. A `local` (simplified) crossing is for border residents only: freight may not use it. */
export const CHECKPOINT_KINDS = ['multilateral', 'bilateral', 'local', 'rail', 'river', 'transit'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

/**
 * Who may cross at a checkpoint (the intergovernmental lists' classes):
 * `multilateral`: any goods and any carrier, including transit and third-country goods;
 * `bilateral`: Kazakh and Russian citizens, carriers and vehicles only;
 * `simplified`: border residents; never freight.
 */
export const CHECKPOINT_REGIMES = ['multilateral', 'bilateral', 'simplified'] as const;
export type CheckpointRegime = (typeof CHECKPOINT_REGIMES)[number];

/**
 * Units of a checkpoint's `capacityPerDay`: road `trucks` or `vehicles` (all
 * vehicles; converted to trucks by `truckShare`), rail `train-pairs` (trains
 * each way) or `trains` (trains counted in both directions together, = 2 ×
 * pairs), river `vessels`.
 */
export const CAPACITY_UNITS = ['trucks', 'vehicles', 'train-pairs', 'trains', 'vessels'] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];

/** Which capacity units fit a crossing of each mode. */
export const CAPACITY_UNITS_BY_MODE: Record<Mode, readonly CapacityUnit[]> = {
  road: ['trucks', 'vehicles'],
  rail: ['train-pairs', 'trains'],
  river: ['vessels'],
};

export const CHECKPOINT_STATUSES = ['open', 'closed', 'reconstruction', 'planned', 'abolished'] as const;
export type CheckpointStatus = (typeof CHECKPOINT_STATUSES)[number];

/** The state of a road's surface, which slows trucks (the cost model's `conditionFactor`). */
export const ROAD_CONDITIONS = ['good', 'fair', 'poor'] as const;
export type RoadCondition = (typeof ROAD_CONDITIONS)[number];

/** Sectors of the Kazakhstan–Russia border, west to east. */
export const BORDER_SECTORS = ['caspian-volga', 'urals', 'west-siberia', 'altai'] as const;
export type BorderSector = (typeof BORDER_SECTORS)[number];

/** A citation: a short key plus, where there is one, a URL or bibliographic note. */
export interface Source {
  /** e.g. "MK22", "network-facts §1.1", "OSM" */
  ref: string;
  /** What the source supports, e.g. "km", "coordinates", "status". */
  for?: string;
  url?: string;
  note?: string;
}

export interface Tranship {
  /** Mode pairs goods may change between here; all served modes when omitted. */
  modes?: Mode[];
  /** Hours to move goods from one mode to another. */
  hours: number;
  /** Money per tonne for the transfer (USD). */
  cost: number;
}

export interface LockInfo {
  /** Hours to pass the lock. */
  transitHours: number;
  condition: 'good' | 'poor' | 'out-of-service';
  chambers?: number;
  note?: string;
}

export interface PlaceProperties {
  type: 'place';
  id: string;
  name: string;
  aliases?: string[];
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  region?: string;
  modes: Mode[];
  /** Present where goods can change mode. */
  tranship?: Tranship;
  /** For kind `lock`. */
  lock?: LockInfo;
  /** True for border points whose coordinates may lie across the line (see README). */
  borderPoint?: boolean;
  /** Main city of a border region (one per region of the 19). */
  regionCentre?: boolean;
  tags?: string[];
  sources: Source[];
  note?: string;
}

export interface Checkpoint {
  /** Stable id of the checkpoint pair, e.g. "mashtakovo-syrym". */
  id: string;
  name: string;
  kind: CheckpointKind;
  /** Who may cross; when absent, derived from `kind` (see checkpointRegime()). */
  regime?: CheckpointRegime;
  status: CheckpointStatus;
  /** Required on the Kazakhstan–Russia border; absent on other borders (KZ–CN, RU–MN…). */
  sector?: BorderSector;
  /** Typical waiting hours per direction of the link: `forward` is from→to. */
  waitHours: { forward: number; backward: number };
  /** A sourced seasonal peak (December–February): used instead of `waitHours` when a query names month 12, 1 or 2. */
  waitHoursWinter?: { forward: number; backward: number };
  /** True when the waits are a documented default, not a published figure. */
  waitAssumed?: boolean;
  /** Capacity per day in `capacityUnit`, where known (absent = unknown, never 0). */
  capacityPerDay?: number;
  /** Required with `capacityPerDay`; must fit the link's mode (CAPACITY_UNITS_BY_MODE). */
  capacityUnit?: CapacityUnit;
  /** Share of trucks (0–1) in a `vehicles` capacity; required on a KZ–RU road crossing given in vehicles. */
  truckShare?: number;
  /**
   * True when `capacityPerDay` is observed traffic (a day's throughput), not a
   * design capacity: the post carried that much, so its capacity is at least
   * that. The border cut counts it and reports a lower bound.
   */
  capacityObserved?: boolean;
  note?: string;
}

export interface LinkProperties {
  type: 'link';
  id: string;
  from: string;
  to: string;
  mode: Mode;
  /** Length in km: a published figure, or derived from geometry (`kmSource: "geometry"`). */
  km: number;
  kmSource: 'published' | 'geometry' | 'estimate';
  status: LinkStatus;
  oneway?: boolean;
  name?: string;
  /** Road number, e.g. "M-12", "A-310", "R-254". */
  road?: string;
  roadClass?: 'motorway' | 'trunk' | 'primary' | 'secondary' | 'local';
  /** Rail line name and operator. */
  line?: string;
  operator?: string;
  electrified?: boolean;
  /** Rail: number of main tracks, 1 (single track) or 2 (double track), where sourced; the border cut's class capacity (RAIL_TRACKS_TRAIN_PAIRS_PER_DAY). */
  tracks?: 1 | 2;
  gauge?: number;
  /** Countries whose territory the link runs through, in order (transit sections). */
  countries?: string[];
  /** River: guaranteed depth in metres and navigation season ("MM-DD", inclusive; may wrap the new year). */
  depthM?: number;
  season?: { from: string; to: string; days?: number };
  /** Road: state of the surface; scales the cost model's default truck speed (not a link's own `speedKmh`). */
  condition?: RoadCondition;
  /** Typical speed in km/h — on a road, the speed of a heavy goods vehicle, not a car; the cost model's default for the mode/class otherwise. */
  speedKmh?: number;
  /** Typical running time in hours (overrides speed). */
  hours?: number;
  capacityPerDay?: number;
  /** Set on links that cross the state border. */
  checkpoint?: Checkpoint;
  /** Year opened (or planned). */
  year?: number;
  tags?: string[];
  sources: Source[];
  note?: string;
}

export type Position = [number, number];

export interface PlaceFeature {
  type: 'Feature';
  id?: string;
  geometry: { type: 'Point'; coordinates: Position };
  properties: PlaceProperties;
}

export interface LinkFeature {
  type: 'Feature';
  id?: string;
  geometry: { type: 'LineString'; coordinates: Position[] };
  properties: LinkProperties;
}

export type NetworkFeature = PlaceFeature | LinkFeature;

export interface NetworkFile {
  type: 'FeatureCollection';
  name?: string;
  description?: string;
  features: NetworkFeature[];
}
