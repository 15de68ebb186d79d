import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import { compiledFor } from '../src/routing/compiled-cache.js';
import { route } from '../src/routing/route.js';
import { Router } from '../src/routing/router.js';

const network = loadNetwork();

describe('Router: compile once, answer many', () => {
  it('compiles once and answers as route() does', () => {
    const router = new Router(network, { modes: ['road', 'rail'] });
    expect(router.compiled).toBe(compiledFor(network, { modes: ['road', 'rail'] }));
    expect(router.route('Omsk', 'Pavlodar')).toEqual(route(network, 'Omsk', 'Pavlodar', { modes: ['road', 'rail'] }));
    expect(router.route('Orenburg', 'Aktobe', ['Orsk'])).toEqual(route(network, 'Orenburg', 'Aktobe', { modes: ['road', 'rail'], via: ['Orsk'] }));
  });

  it('applies the scenario once, before compiling', () => {
    const router = new Router(network, { scenario: 'planned' });
    expect(router.network.scenario?.name).toBe('planned');
    expect(router.route('Omsk', 'Pavlodar')).toEqual(route(network, 'Omsk', 'Pavlodar', { scenario: 'planned' }));
  });

  it('gives a table whose cells are the totals route() finds, null where there is no route', () => {
    // All modes with the drivers' hours on: the cells must also take the road-only route where it is faster, as route() does.
    const router = new Router(network);
    const ids = ['omsk', 'pavlodar', 'astrakhan', 'semey'].map((q) => network.resolvePlace(q).properties.id);
    const table = router.table(ids, ids);
    ids.forEach((s, i) =>
      ids.forEach((t, j) => {
        const expected = route(network, s, t);
        if (i === j) expect(table[i][j]?.km).toBe(0);
        else expect(table[i][j]).toEqual(expected.found ? expected.totals : null);
      }),
    );
    // The Irtysh reach Semey – Shulba is not navigable (status planned): Omsk and Ust-Kamenogorsk are river places that answer each other null.
    const river = new Router(network, { modes: ['river'] });
    const [irtysh] = river.nearest(73.37, 54.98);
    const [upper] = river.nearest(82.63, 49.95);
    expect([irtysh.place.properties.name, upper.place.properties.name]).toEqual(['Omsk', 'Ust-Kamenogorsk']);
    const cells = river.table([irtysh.place.properties.id, upper.place.properties.id], [irtysh.place.properties.id, upper.place.properties.id]);
    expect(cells[0][0]?.km).toBe(0);
    expect(cells[1][1]?.km).toBe(0);
    expect(cells[0][1]).toBeNull();
    expect(cells[1][0]).toBeNull();
  });

  it('snaps a coordinate to the nearest place serving its modes', () => {
    const [near] = new Router(network, { modes: ['road'] }).nearest(73.37, 54.98);
    expect(near.place.properties.name).toBe('Omsk');
    expect(near.km).toBeGreaterThan(0);
    expect(near.km).toBeLessThan(10);
    const three = new Router(network).nearest(73.37, 54.98, 3);
    expect(three).toHaveLength(3);
    expect(three.map((n) => n.km)).toEqual([...three.map((n) => n.km)].sort((a, b) => a - b));
    // The proposed hub by Omsk serves rail only by planned links: no query snaps to it.
    expect(new Router(network, { modes: ['rail'] }).nearest(73.33, 55.03).map((n) => n.place.properties.id)).not.toContain('hub-omsk-pavlodar');
  });
});
