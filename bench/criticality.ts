/**
 * Times a full single-link criticality scan of the bundled network: every
 * usable link removed alone, over the default OD set (every ordered pair of
 * the border regions' main cities). Target: ≤ 2 s on the 2-core machine.
 */
import { linkCriticality } from '../src/analysis/link-criticality.js';
import { loadNetwork } from '../src/model/load-network.js';
import { route } from '../src/routing/route.js';

export interface CriticalityBench {
  links: number;
  pairs: number;
  /** Milliseconds per full scan, one entry per run (the first includes JIT warm-up). */
  runsMs: number[];
  medianMs: number;
}

export function benchCriticality(runs = 5): CriticalityBench {
  const network = loadNetwork();
  const runsMs: number[] = [];
  let links = 0, pairs = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = linkCriticality(network, { by: 'time' });
    runsMs.push(performance.now() - started);
    links = result.ranking.length;
    pairs = result.pairs;
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { links, pairs, runsMs, medianMs: sorted[sorted.length >> 1] };
}

/**
 * The library's one-shot route(): 10,000 Omsk → Pavlodar calls by time on one
 * loaded network (the compiled graph and the query object are reused).
 * Target: ≤ 1 s. CPU time beside wall time.
 */
export function benchLibraryRoute(calls = 10_000): { calls: number; wallMs: number; cpuMs: number } {
  const network = loadNetwork();
  route(network, 'Omsk', 'Pavlodar', { by: 'time' });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) route(network, 'Omsk', 'Pavlodar', { by: 'time' });
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { calls, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

export function renderCriticalityBench(b: CriticalityBench, environment: string, r?: ReturnType<typeof benchLibraryRoute>): string {
  const met = b.medianMs <= 2000;
  return [
    '# Bench: single-link criticality scan of the bundled network',
    '',
    `- ${b.links} links, each removed alone, over ${b.pairs} OD pairs (every ordered pair of the border regions' main cities), by time`,
    `- ${environment}`,
    '',
    '| runs (ms) | median ms | target |',
    '|---|---:|---|',
    `| ${b.runsMs.map((ms) => ms.toFixed(0)).join(', ')} | ${b.medianMs.toFixed(0)} | ${met ? 'MET' : 'MISSED'}: ≤ 2,000 ms${met ? '' : `, over by ${(b.medianMs / 2000).toFixed(1)}×`} |`,
    '',
    ...(r
      ? [
          `${r.calls.toLocaleString('en')} library route() calls (Omsk → Pavlodar by time, one network): ${r.cpuMs.toFixed(0)} ms CPU, ${r.wallMs.toFixed(0)} ms wall — ` +
            `${r.cpuMs <= 1000 ? 'MET' : 'MISSED'}: ≤ 1,000 ms`,
          '',
        ]
      : []),
  ].join('\n');
}
