// Route on your own graphology graph: compile it once, query it as often as you like.
import { MultiUndirectedGraph } from 'graphology';
import { fromGraphology } from 'steppenet/core';

//   depot ──rail 40 km── hub ══rail 25 km══ mine      hub – mine has two parallel links:
//     │                        ══road 20 km══          the router returns the cheaper one by its key.
//     └──────────────rail 80 km─────────────┘
const graph = new MultiUndirectedGraph();
graph.addNode('depot', { lon: 76.95, lat: 52.29 });
graph.addNode('hub', { lon: 77.4, lat: 52.1 });
graph.addNode('mine', { lon: 77.7, lat: 52.0 });
graph.addEdgeWithKey('depot-hub', 'depot', 'hub', { km: 40 });
graph.addEdgeWithKey('hub-mine-rail', 'hub', 'mine', { km: 25 });
graph.addEdgeWithKey('hub-mine-road', 'hub', 'mine', { km: 20 });
graph.addEdgeWithKey('depot-mine', 'depot', 'mine', { km: 80 });

const router = fromGraphology(graph, {
  weight: 'km', // an attribute name or a function; a missing or negative weight is an error, never 1
  coordinates: (_key, attributes) => [attributes.lon, attributes.lat],
  bound: 'geodesic', // A* lower bound: great-circle km (the weights are km, so the bound is admissible)
});

const best = router.route('depot', 'mine', { algorithm: 'astar' });
console.log(`${best.nodes.join(' → ')}: ${best.cost} km via ${best.edges.join(', ')}`);
