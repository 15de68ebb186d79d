import { contractGraph } from '../src/core/contraction-hierarchy.js';
import { saveContractionHierarchy } from '../src/core/ch-file.js';
import { loadBenchGraph } from './graphs.js';
const { graph } = await loadBenchGraph('moscow');
const c0 = process.cpuUsage();
const ch = contractGraph(graph, { estimateSettledLimit: Number(process.env.EST ?? 40), witnessSettledLimit: Number(process.env.WIT ?? 500) });
const c = process.cpuUsage(c0);
console.log(`contract: ${((c.user + c.system) / 1e6).toFixed(2)} s CPU, ${ch.shortcutHalves.length / 2} shortcuts`);
if (process.argv[2]) await saveContractionHierarchy(ch, process.argv[2]);
