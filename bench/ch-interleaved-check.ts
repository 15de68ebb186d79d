/**
 * Ad-hoc: the bench's interleaved CPU pass (measure.ts) with only the CH
 * finders and ngraph.path NBA*, printing per finder the CPU median beside the
 * wall median of the same pass — to see whether a finder is charged more CPU
 * than the wall time it took (work on other threads, e.g. GC helpers).
 */
import { FINDERS } from './finders.js';
import { drawQueryPairs, loadBenchGraph } from './graphs.js';
import { interleavedCpuTimes } from './measure.js';
const { graph } = await loadBenchGraph('moscow');
const pairs = drawQueryPairs(graph, Number(process.argv[3] ?? 50), 42);
const withPeer = process.argv[2] !== 'alone';
const finders = FINDERS.filter((f) => f.name.startsWith('steppenet CH') || (withPeer && f.name === 'ngraph.path NBA*')).map((f) => f.create(graph));
for (const f of finders) for (const { source, target } of pairs) f.query(source, target);
const times = interleavedCpuTimes(finders, pairs, 3, 12_000);
for (const [name, t] of times) console.log(`${withPeer ? 'with NBA*' : 'alone'} ${name}: CPU median ${(t.cpuMedianMs * 1000).toFixed(0)} µs, wall median in the same pass ${(t.wallMedianMs * 1000).toFixed(0)} µs`);
