import { SteppenetError, InputError, InternalError } from '../errors/steppenet-error.js';
import type { ErrorCode } from '../errors/error-codes.js';
import { FREIGHT_KINDS, type FreightKind } from '../model/checkpoint-regime.js';
import type { Network } from '../model/network.js';
import { MODES, type Mode } from '../model/types.js';
import { splitPlaceList } from '../places/coordinate-query.js';
import { OBJECTIVES, type Objective } from '../routing/cost-model.js';
import type { RouteResult } from '../routing/route-result.js';
import { Router, type RouterOptions } from '../routing/router.js';

/**
 * One route query of a batch, as a row of an OD file gives it. Empty or
 * missing cells take the batch's defaults. `via` and `mode` are lists
 * separated by `,` or `|` (a coordinate pair "54.98,73.37" stays one place).
 */
export interface BatchQuery {
  /** Where the row came from, for messages (e.g. its line number in the file). */
  line?: number;
  from: string;
  to: string;
  via?: string;
  mode?: string;
  by?: string;
  scenario?: string;
  freight?: string;
}

/** A row's failure: the code of the error (see ERROR_CODES) and its message. */
export interface BatchError {
  code: ErrorCode;
  message: string;
}

/**
 * The answer to one row: `route` when the query ran (its `found` says whether
 * a route exists, and `reason` why not), or `error` when the row itself is
 * wrong (an unknown place, mode, objective, scenario or freight kind).
 */
export interface BatchAnswer {
  query: BatchQuery;
  route?: RouteResult;
  error?: BatchError;
  /** The network under the row's scenario (where its route's links are); absent for a failed row. */
  network?: Network;
}

export interface BatchResult {
  answers: BatchAnswer[];
  /** How many routers were built (one per distinct scenario, objective, modes and freight): each compiles once. */
  routers: number;
}

/** The defaults of a batch's rows: the route options a row does not give (by, modes, scenario, freight, cost, snapKm…). */
export type BatchOptions = RouterOptions;

/**
 * Routes every query, one answer per query in order: a bad row is answered
 * with its error, and every other row is still computed. Rows that share the
 * scenario, objective, modes and freight share one Router, so a thousand rows
 * compile a handful of times. Only a bug (an InternalError, or no
 * SteppenetError) stops the batch.
 */
export function routeBatch(network: Network, queries: readonly BatchQuery[], options: BatchOptions = {}): BatchResult {
  const routers = new Map<string, Router | BatchError>();
  const answers = queries.map((query): BatchAnswer => {
    try {
      const profile = profileOf(query, options);
      const key = JSON.stringify(profile);
      let router = routers.get(key);
      if (!router) {
        try {
          router = new Router(network, { ...options, ...profile });
        } catch (e) {
          router = asBatchError(e);
        }
        routers.set(key, router);
      }
      if (!(router instanceof Router)) return { query, error: router };
      const from = required(query.from, 'from');
      const to = required(query.to, 'to');
      const route = router.route(from, to, query.via ? splitPlaceList(query.via, ',|') : []);
      return { query, route, network: router.network };
    } catch (e) {
      return { query, error: asBatchError(e) };
    }
  });
  return { answers, routers: [...routers.values()].filter((r) => r instanceof Router).length };
}

/** The row's scenario, objective, modes and freight, over the batch's defaults. */
function profileOf(query: BatchQuery, defaults: BatchOptions): Pick<RouterOptions, 'scenario' | 'by' | 'modes' | 'freight'> {
  const by = cell(query.by)?.toLowerCase();
  if (by !== undefined && !(OBJECTIVES as readonly string[]).includes(by)) throw new BatchRowError(`by: "${query.by}" is no objective (${OBJECTIVES.join(', ')})`);
  const freight = cell(query.freight)?.toLowerCase();
  if (freight !== undefined && !(FREIGHT_KINDS as readonly string[]).includes(freight)) throw new BatchRowError(`freight: "${query.freight}" is no freight kind (${FREIGHT_KINDS.join(', ')})`);
  const modeCell = cell(query.mode);
  let modes: readonly Mode[] | undefined = defaults.modes;
  if (modeCell !== undefined) {
    const names = modeCell.toLowerCase().split(/[,|\s]+/).filter(Boolean);
    const bad = names.filter((m) => !(MODES as readonly string[]).includes(m));
    if (bad.length || names.length === 0) throw new BatchRowError(`mode: "${modeCell}" names no mode${bad.length ? ` (${bad.join(', ')} unknown)` : ''}; modes: ${MODES.join(', ')}`);
    modes = [...new Set(names as Mode[])].sort();
  }
  return {
    scenario: cell(query.scenario) ?? defaults.scenario,
    by: (by as Objective | undefined) ?? defaults.by,
    modes,
    freight: (freight as FreightKind | undefined) ?? defaults.freight,
  };
}

const cell = (value: string | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

function required(value: string | undefined, column: string): string {
  const v = cell(value);
  if (v === undefined) throw new BatchRowError(`${column} is empty`);
  return v;
}

/** A row of a batch that is wrong in itself (an empty place, an unknown mode). */
export class BatchRowError extends InputError {}

function asBatchError(e: unknown): BatchError {
  if (e instanceof SteppenetError && !(e instanceof InternalError)) return { code: e.code, message: e.message };
  throw e;
}
