// Resilience of the Omsk – Pavlodar link: alternatives, disjoint routes, the most resilient route,
// single points of failure and the border's capacity.
import { alternatives, borderCut, disjointRoutes, loadNetwork, resilientRoute, singlePointsOfFailure } from 'steppenet';

const network = loadNetwork();
const summary = (r: { legs: { mode: string; to: { name: string } }[]; totals: { hours: number } }) =>
  `${r.totals.hours.toFixed(1)} h: ${r.legs.map((l) => `${l.mode} to ${l.to.name}`).join(', ')}`;

const alt = alternatives(network, 'Omsk', 'Pavlodar', { k: 3, by: 'time' });
alt.routes.forEach((r, i) => console.log(`alternative ${i + 1}: ${summary(r)}`));

const disjoint = disjointRoutes(network, 'Omsk', 'Pavlodar', { k: 2, disjoint: 'links' });
console.log(`${disjoint.routes.length} link-disjoint routes, ${disjoint.maxDisjoint} at most`);

const resilient = resilientRoute(network, 'Omsk', 'Pavlodar', { k: 8, lambda: 1 });
console.log(`most resilient: ${summary(resilient.route)}; worst single-link failure adds ${resilient.penalty.toFixed(1)} h`);

const rail = singlePointsOfFailure(network, { modes: ['rail'] }).views.find((v) => v.view === 'rail')!;
console.log(`rail bridges: ${rail.bridges.length}, rail articulation points: ${rail.articulationPoints.length}`);

const cut = borderCut(network, { mode: 'road' });
for (const s of cut.sectors) console.log(`${s.sector}: ${s.value} ${cut.unit}/day`);
