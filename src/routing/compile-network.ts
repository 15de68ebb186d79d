import { buildRoutingGraph, type RoutingGraph } from '../core/routing-graph.js';
import { greatCircleKm } from '../core/geodesic.js';
import { checkpointRegime, DEFAULT_FREIGHT, FREIGHT_KINDS, regimeRefusal, type FreightKind } from '../model/checkpoint-regime.js';
import type { Network } from '../model/network.js';
import { resolveAvoid, type Avoid } from './resolve-avoid.js';
import { MODES, type Checkpoint, type CheckpointStatus, type LinkProperties, type LinkStatus, type Mode, type PlaceProperties } from '../model/types.js';
import {
  amortisedRestPerDrivingHour,
  costParameters,
  isWinterMonth,
  monthName,
  OBJECTIVES,
  runningHours,
  seasonOpenIn,
  weightOf,
  type CostOverrides,
  type CostParameters,
  type Objective,
  type StepMeasures,
} from './cost-model.js';
import { InputError } from '../errors/steppenet-error.js';

// Avoid is declared where it is resolved; compileNetwork takes it in its options.
export type { Avoid } from './resolve-avoid.js';

export interface CompileOptions {
  /** The objective; default "time". */
  by?: Objective;
  /** Modes allowed; default all. */
  modes?: readonly Mode[];
  avoid?: Avoid;
  cost?: CostOverrides;
  /** Link statuses that can carry traffic; default open and restricted. */
  usableStatuses?: readonly LinkStatus[];
  /**
   * What the route carries, and so which crossings it may use (default
   * `transit`): `transit` (any carrier, third-country goods) crosses only at
   * multilateral checkpoints; `bilateral` (Kazakh or Russian carriers between
   * the two countries) also at the bilateral ones of the KZ–RU border.
   * Simplified crossings never carry freight.
   */
  freight?: FreightKind;
  /**
   * The traveller is a border resident, not freight: every crossing regime is
   * open, simplified ones included (and `freight` is then moot); default false.
   */
  localCrossings?: boolean;
  /**
   * Month of travel, 1–12. River reaches whose `season` does not cover the
   * 15th of that month are closed; in December–February a checkpoint's
   * `waitHoursWinter` replaces its `waitHours`. Default: no month — seasons
   * are ignored for routing (a river leg still reports its season) and the
   * all-year waits apply.
   */
  month?: number;
}

/** A bad option to compileNetwork (and so to every query that compiles); `option` names it. */
export class CompileOptionError extends InputError {
  constructor(
    readonly option: string,
    detail: string,
  ) {
    super(`compileNetwork: options.${option} ${detail}`);
  }
}

/** One edge of the compiled graph, in model terms. */
export type Step =
  | ({ kind: 'link'; link: LinkProperties; direction: 'forward' | 'backward'; from: string; to: string; mode: Mode; waitHours: number; lockHours: number; runningHours: number } & StepMeasures)
  | ({ kind: 'transfer'; place: string; fromMode: Mode; toMode: Mode } & StepMeasures)
  | ({ kind: 'access'; place: string; mode: Mode } & StepMeasures);

const PASSABLE_CHECKPOINT: readonly CheckpointStatus[] = ['open', 'reconstruction'];

/** Whether traffic crosses at a checkpoint: open, or under reconstruction (works slow it down, its waits say how much). */
export function checkpointPassable(checkpoint: Pick<Checkpoint, 'status'>): boolean {
  return PASSABLE_CHECKPOINT.includes(checkpoint.status);
}

export const DEFAULT_USABLE_STATUSES: readonly LinkStatus[] = ['open', 'restricted'];

/**
 * The network compiled for routing (the Nodus "virtual network"): each place
 * becomes one node per mode it serves, plus a depart and an arrive node.
 * Mode changes are transfer edges, only where the place can tranship; border
 * waits and lock transits sit on the link edges that cross or enter them.
 * depart → mode nodes and mode nodes → arrive are free access edges, so a
 * route may start and end in any mode but never changes mode for free.
 */
export class CompiledNetwork {
  readonly graph: RoutingGraph;
  readonly steps: Step[] = [];
  readonly by: Objective;
  /** The freight regime the crossings were opened for. */
  readonly freight: FreightKind;
  readonly modes: readonly Mode[];
  readonly params: CostParameters;
  /** Links left out of the graph, with why (status, avoided, closed checkpoint, mode not allowed…). */
  readonly excludedLinks = new Map<string, string>();
  /** The links of `excludedLinks` left out only because their crossing's regime is closed to the freight. */
  readonly regimeExcludedLinks = new Set<string>();
  /** Places left out (avoided by place or country). */
  readonly excludedPlaces = new Map<string, string>();
  private readonly placeIndex = new Map<string, number>();
  private readonly modeNodes = new Map<string, number>();
  private readonly linkEdges = new Map<string, number[]>();

  constructor(
    readonly network: Network,
    readonly options: CompileOptions = {},
  ) {
    this.by = options.by ?? 'time';
    if (!OBJECTIVES.includes(this.by)) throw new CompileOptionError('by', `is ${JSON.stringify(this.by)}; it must be one of ${OBJECTIVES.join(', ')}`);
    // A JavaScript caller's wrong types, named before anything reads them.
    if (options.avoid !== undefined && (typeof options.avoid !== 'object' || options.avoid === null || Array.isArray(options.avoid))) throw new CompileOptionError('avoid', `must be an object { links?, places?, checkpoints?, countries?, modes? }, got ${JSON.stringify(options.avoid)}`);
    for (const [option, value] of [['modes', options.modes], ['usableStatuses', options.usableStatuses], ['avoid.modes', options.avoid?.modes]] as const) {
      if (value !== undefined && !Array.isArray(value)) throw new CompileOptionError(option, `must be an array, got ${JSON.stringify(value)}`);
    }
    const badMode = [...(options.modes ?? []), ...(options.avoid?.modes ?? [])].find((m) => !MODES.includes(m));
    if (badMode !== undefined) throw new CompileOptionError('modes', `names ${JSON.stringify(badMode)}; modes are ${MODES.join(', ')}`);
    this.freight = options.freight ?? DEFAULT_FREIGHT;
    if (!FREIGHT_KINDS.includes(this.freight)) throw new CompileOptionError('freight', `is ${JSON.stringify(this.freight)}; it must be ${FREIGHT_KINDS.join(' or ')}`);
    this.params = costParameters(options.cost);
    if (options.month !== undefined && !(Number.isInteger(options.month) && options.month >= 1 && options.month <= 12)) {
      throw new CompileOptionError('month', `must be a whole number 1–12, got ${JSON.stringify(options.month)}`);
    }
    const restRate = amortisedRestPerDrivingHour(this.params);
    const winter = isWinterMonth(options.month);
    const avoid = resolveAvoid(network, options.avoid) ?? {};
    this.modes = MODES.filter((m) => (options.modes ?? MODES).includes(m) && !(avoid.modes ?? []).includes(m));
    const usable = new Set(options.usableStatuses ?? DEFAULT_USABLE_STATUSES);
    const avoidCountries = new Set(avoid.countries ?? []);
    const avoidPlaces = new Set(avoid.places ?? []);
    const avoidLinks = new Set(avoid.links ?? []);
    const avoidCheckpoints = new Set(avoid.checkpoints ?? []);

    const places = network.places;
    const xs: number[] = [], ys: number[] = [];
    places.forEach((f, i) => {
      const p = f.properties;
      this.placeIndex.set(p.id, i);
      xs.push(f.geometry.coordinates[0], f.geometry.coordinates[0]);
      ys.push(f.geometry.coordinates[1], f.geometry.coordinates[1]);
      if (avoidPlaces.has(p.id)) this.excludedPlaces.set(p.id, 'avoided');
      else if (avoidCountries.has(p.country)) this.excludedPlaces.set(p.id, `in avoided country ${p.country}`);
    });
    let nextNode = 2 * places.length;
    for (const f of places) {
      const p = f.properties;
      if (this.excludedPlaces.has(p.id)) continue;
      for (const mode of p.modes) {
        if (!this.modes.includes(mode)) continue;
        if (mode === 'river' && p.lock?.condition === 'out-of-service') continue;
        this.modeNodes.set(`${p.id}|${mode}`, nextNode++);
        xs.push(f.geometry.coordinates[0]);
        ys.push(f.geometry.coordinates[1]);
      }
    }

    const from: number[] = [], to: number[] = [], weight: number[] = [], ref: number[] = [];
    const addEdge = (u: number, v: number, step: Step) => {
      from.push(u);
      to.push(v);
      weight.push(weightOf(step, this.by, this.params));
      ref.push(this.steps.length);
      this.steps.push(step);
    };

    for (const { properties: link } of network.links) {
      const why = this.whyExcluded(link, usable, avoidLinks, avoidCheckpoints, avoidCountries);
      if (why) {
        this.excludedLinks.set(link.id, why);
        continue;
      }
      const directions = link.oneway ? (['forward'] as const) : (['forward', 'backward'] as const);
      // The countries the link runs through, for the cost model's per-country truck speed cap.
      const countries = link.countries ?? [network.place(link.from)!.properties.country, network.place(link.to)!.properties.country];
      for (const direction of directions) {
        const [a, b] = direction === 'forward' ? [link.from, link.to] : [link.to, link.from];
        const u = this.modeNode(a, link.mode);
        const v = this.modeNode(b, link.mode);
        if (u < 0 || v < 0) continue;
        const cp = link.checkpoint;
        const waits = cp && winter && cp.waitHoursWinter ? cp.waitHoursWinter : cp?.waitHours;
        const wait = waits && this.params.includeBorderWaits ? waits[direction] * this.params.waitScale : 0;
        const lock = link.mode === 'river' ? network.place(b)!.properties.lock : undefined;
        const lockHours = lock?.transitHours ?? 0;
        const km = link.km;
        const running = runningHours(link, this.params, countries);
        const hours = running + wait + lockHours;
        const restHours = link.mode === 'road' ? running * restRate : 0;
        const cost = km * this.params.tariffPerTonneKm[link.mode] + (cp ? this.params.borderFeePerTonne : 0) + (lock ? this.params.lockFeePerTonne : 0);
        addEdge(u, v, { kind: 'link', link, direction, from: a, to: b, mode: link.mode, km, hours, restHours, cost, waitHours: wait, lockHours, runningHours: running });
      }
    }

    for (const f of places) {
      const p = f.properties;
      const i = this.placeIndex.get(p.id)!;
      const served = this.modes.filter((m) => this.modeNode(p.id, m) >= 0);
      for (const mode of served) {
        addEdge(2 * i, this.modeNode(p.id, mode), { kind: 'access', place: p.id, mode, km: 0, hours: 0, cost: 0 });
        addEdge(this.modeNode(p.id, mode), 2 * i + 1, { kind: 'access', place: p.id, mode, km: 0, hours: 0, cost: 0 });
      }
      if (!p.tranship) continue;
      const tranship = transhipModes(p).filter((m) => served.includes(m));
      for (const a of tranship) {
        for (const b of tranship) {
          if (a === b) continue;
          addEdge(this.modeNode(p.id, a), this.modeNode(p.id, b), {
            kind: 'transfer', place: p.id, fromMode: a, toMode: b, km: 0, hours: p.tranship.hours, cost: p.tranship.cost,
          });
        }
      }
    }

    // The largest scale that keeps scale × great-circle km below every edge's
    // weight also keeps it below every path's: an admissible, consistent A* bound.
    let boundScale = Infinity;
    for (let e = 0; e < from.length; e++) {
      const gc = greatCircleKm(xs[from[e]], ys[from[e]], xs[to[e]], ys[to[e]]);
      if (gc > 1e-9) boundScale = Math.min(boundScale, weight[e] / gc);
    }
    this.graph = buildRoutingGraph({
      nodeCount: nextNode, from, to, weight, ref, x: xs, y: ys,
      bound: 'geodesic', boundScale: Number.isFinite(boundScale) ? boundScale * (1 - 1e-9) : 0,
    });
    for (let e = 0; e < this.graph.edgeCount; e++) {
      const step = this.steps[this.graph.edgeRef[e]];
      if (step.kind !== 'link') continue;
      const list = this.linkEdges.get(step.link.id) ?? [];
      list.push(e);
      this.linkEdges.set(step.link.id, list);
    }
  }

  private whyExcluded(
    link: LinkProperties,
    usable: Set<LinkStatus>,
    avoidLinks: Set<string>,
    avoidCheckpoints: Set<string>,
    avoidCountries: Set<string>,
  ): string | undefined {
    if (!usable.has(link.status)) return `status ${link.status}`;
    if (!this.modes.includes(link.mode)) return `mode ${link.mode} not allowed`;
    if (avoidLinks.has(link.id)) return 'avoided';
    const cp = link.checkpoint;
    if (cp && (avoidCheckpoints.has(cp.id) || avoidCheckpoints.has(link.id))) return `checkpoint ${cp.name} avoided`;
    if (cp && !checkpointPassable(cp)) return `checkpoint ${cp.name} ${cp.status}`;
    if (cp) {
      const countries = [this.network.place(link.from)!.properties.country, this.network.place(link.to)!.properties.country].sort().join('-');
      const refusal = regimeRefusal(checkpointRegime(cp), this.freight, countries === 'KZ-RU', this.options.localCrossings === true);
      if (refusal) {
        this.regimeExcludedLinks.add(link.id);
        return `checkpoint ${cp.name}: ${refusal}`;
      }
    }
    const month = this.options.month;
    if (month !== undefined && link.mode === 'river' && link.season && !seasonOpenIn(link.season, month)) {
      return `closed in ${monthName(month)} (navigation season ${link.season.from} – ${link.season.to})`;
    }
    const through = (link.countries ?? []).find((c) => avoidCountries.has(c));
    if (through) return `runs through avoided country ${through}`;
    for (const end of [link.from, link.to]) {
      const why = this.excludedPlaces.get(end);
      if (why) return `${end} ${why}`;
    }
    return undefined;
  }

  /** The node where a route from this place starts. */
  departNode(placeId: string): number {
    return 2 * this.indexOf(placeId);
  }

  /** The node where a route to this place ends. */
  arriveNode(placeId: string): number {
    return 2 * this.indexOf(placeId) + 1;
  }

  /** The node of a place in one mode, or -1 if the place does not serve it here. */
  modeNode(placeId: string, mode: Mode): number {
    return this.modeNodes.get(`${placeId}|${mode}`) ?? -1;
  }

  /** The compiled (directed) edges of a link: none if it was excluded. */
  edgesOfLink(linkId: string): readonly number[] {
    return this.linkEdges.get(linkId) ?? [];
  }

  stepOf(edge: number): Step {
    return this.steps[this.graph.edgeRef[edge]];
  }

  private indexOf(placeId: string): number {
    const i = this.placeIndex.get(placeId);
    if (i === undefined) throw new InputError(`CompiledNetwork: place id "${placeId}" is not in the network`);
    return i;
  }
}

function transhipModes(p: PlaceProperties): Mode[] {
  return p.tranship?.modes ?? p.modes;
}

export function compileNetwork(network: Network, options?: CompileOptions): CompiledNetwork {
  return new CompiledNetwork(network, options);
}
