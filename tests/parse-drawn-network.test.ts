import { describe, expect, it } from 'vitest';
import type { LinkFeature, PlaceFeature } from '../src/model/types.js';
import { loadNetwork } from '../src/model/load-network.js';
import { drawNetwork } from './fixtures/drawn-network.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';

const placesOf = (file: ReturnType<typeof parseDrawnNetwork>) =>
  Object.fromEntries(file.features.filter((f): f is PlaceFeature => f.properties.type === 'place').map((f) => [f.properties.id, f]));
const linksOf = (file: ReturnType<typeof parseDrawnNetwork>) =>
  Object.fromEntries(file.features.filter((f): f is LinkFeature => f.properties.type === 'link').map((f) => [f.properties.id, f.properties]));

describe('parseDrawnNetwork: the drawing is the data', () => {
  const file = parseDrawnNetwork`
    a-----m-----b        # b is across the border
           \    |
            d---+

    | place | modes     | tranship | country |
    | b     | rail road | 1        | KZ      |

    | link | id       | mode | hours | km | wait | checkpoint   | line |
    | am   | a-m-rail | rail | 1     |    |      |              | L1   |
    | mb   |          | rail | 1     |    | 3/7  | bilateral    | L1   |
    | md   |          | road |       | 12 |      |              |      |
    | db   |          | road | 1     |    | 2    | closed local |      |
  `;

  it('places each letter at its grid position: a column is x + 1/7, a row y − 1/5, north up', () => {
    const at = Object.fromEntries(Object.entries(placesOf(file)).map(([id, f]) => [id, f.geometry.coordinates]));
    // drawNetwork's lonLat: lon 60 + x/10, lat 50 + y/10; the bottom row is y = 0.
    expect(at.a[0]).toBeCloseTo(60);
    expect(at.a[1]).toBeCloseTo(50 + 2 / 5 / 10);
    expect(at.b[0]).toBeCloseTo(60 + 12 / 7 / 10);
    expect(at.d).toEqual([expect.closeTo(60 + 8 / 7 / 10), expect.closeTo(50)]);
  });

  it('gives unlisted places the modes of their links, listed ones their row', () => {
    const places = placesOf(file);
    expect(places.a.properties).toMatchObject({ modes: ['rail'], country: 'RU', name: 'A' });
    expect(places.m.properties.modes).toEqual(['rail', 'road']);
    expect(places.b.properties).toMatchObject({ modes: ['rail', 'road'], country: 'KZ', tranship: { hours: 1 } });
  });

  it('reads each link row: its ends in order, id, km (10 per hour unless given), waits and checkpoint', () => {
    const links = linksOf(file);
    expect(Object.keys(links)).toEqual(['a-m-rail', 'm-b', 'm-d', 'd-b']);
    expect(links['a-m-rail']).toMatchObject({ from: 'a', to: 'm', mode: 'rail', hours: 1, km: 10, line: 'L1' });
    expect(links['m-d']).toMatchObject({ from: 'm', to: 'd', km: 12 });
    expect(links['m-d'].hours).toBeUndefined();
    expect(links['m-b'].checkpoint).toMatchObject({ kind: 'bilateral', status: 'open', waitHours: { forward: 3, backward: 7 } });
    expect(links['d-b'].checkpoint).toMatchObject({ kind: 'local', status: 'closed', waitHours: { forward: 2, backward: 2 } });
  });

  it('builds the same network drawNetwork builds from the positions and links it read', () => {
    const p = placesOf(file);
    const grid = (id: string) => [(p[id].geometry.coordinates[0] - 60) * 10, (p[id].geometry.coordinates[1] - 50) * 10] as [number, number];
    const same = drawNetwork(
      [
        { id: 'a', at: grid('a'), modes: ['rail'] },
        { id: 'm', at: grid('m'), modes: ['rail', 'road'] },
        { id: 'b', at: grid('b'), modes: ['rail', 'road'], tranship: 1, country: 'KZ' },
        { id: 'd', at: grid('d'), modes: ['road'] },
      ],
      [
        { id: 'a-m-rail', from: 'a', to: 'm', mode: 'rail', hours: 1, line: 'L1' },
        { id: 'm-b', from: 'm', to: 'b', mode: 'rail', hours: 1, wait: [3, 7], checkpointKind: 'bilateral', line: 'L1' },
        { id: 'm-d', from: 'm', to: 'd', mode: 'road', km: 12 },
        { id: 'd-b', from: 'd', to: 'b', mode: 'road', hours: 1, wait: [2, 2], checkpointStatus: 'closed', checkpointKind: 'local' },
      ],
    );
    expect(JSON.parse(JSON.stringify(file))).toEqual(JSON.parse(JSON.stringify(same)));
    expect(() => loadNetwork(file, { checkCountries: false })).not.toThrow();
  });

  it('follows diagonals, turns corners at a lone + and crosses straight over a + four lines meet', () => {
    const lines = parseDrawnNetwork`
          c       e--+
          |          |
      a---+---b      f
          |
          d    g
                \
                 h

      | link | mode | hours |
      | ab   | road | 1     |
      | cd   | road | 1     |
      | ef   | road | 1     |
      | gh   | road | 1     |
    `;
    expect(Object.values(linksOf(lines)).map((l) => l.from + l.to)).toEqual(['ab', 'cd', 'ef', 'gh']);
  });

  it('takes parallel links on one drawn line, and the link table alone when there is no place table', () => {
    const parallel = parseDrawnNetwork`
      a-----b
      | link | id    | mode | hours | km  |
      | ab   | fast  | road | 1     | 100 |
      | ba   | short | road | 3     | 60  |
    `;
    expect(linksOf(parallel)).toMatchObject({ fast: { from: 'a', to: 'b', km: 100 }, short: { from: 'b', to: 'a', km: 60 } });
  });
});

describe('parseDrawnNetwork: a malformed map fails loudly', () => {
  it.each([
    ['a link in the table with no drawn line', `
      a---b   c
      | link | mode | hours |
      | ab   | road | 1     |
      | bc   | road | 1     |
    `, 'link bc has no line drawn between b and c'],
    ['a drawn line with no row in the table', `
      a---b---c
      | link | mode | hours |
      | ab   | road | 1     |
    `, 'the line drawn between b and c has no row in the link table'],
    ['a letter used twice', `
      a---b---a
      | link | mode | hours |
      | ab   | road | 1     |
    `, 'place a is drawn twice, at row 1, column 1 and row 1, column 9'],
    ['a name longer than a letter', `
      ab---c
    `, '"ab" at row 1, column 1: a place is one letter'],
    ['a line that stops short of a place', `
      a---b
          |
    `, 'the line from b stops at row 3, column 5 without reaching a place'],
    ['a stray line', `
      a---b
        /
    `, 'the "/" at row 2, column 3 is on no line between two places'],
    ['a line back to where it started', `
      a--+
      |  |
      +--+
    `, 'the line from a at row 1, column 1 comes back to a'],
    ['a + where three lines meet', `
        c
        |
      a-+-b
      | link | mode | hours |
      | ab   | road | 1     |
    `, 'the line from c has 2 ways on at the "+" at row 3, column 3'],
    ['a character that is neither place nor line', `
      a===b
    `, 'unexpected "=" at row 1, column 2'],
    ['a link longer than its hours drawn', `
      a-----------------------------b
      | link | mode | hours |
      | ab   | road | 1     |
    `, 'link ab is 10 km but drawn 30.6 km apart'],
    ['a link without mode', `
      a---b
      | link | hours |
      | ab   | 1     |
    `, 'link ab has no mode'],
    ['an unknown column', `
      a---b
      | link | mode | hours | colour |
      | ab   | road | 1     | red    |
    `, 'unknown link column "colour"'],
    ['a bad value', `
      a---b
      | link | mode | hours |
      | ab   | air  | 1     |
    `, 'link ab: mode "air" is not one of rail, road, river'],
    ['checkpoint details without a wait', `
      a---b
      | link | mode | hours | checkpoint |
      | ab   | road | 1     | closed     |
    `, 'link ab describes a checkpoint but has no wait'],
    ['a place row for a place not drawn', `
      a---b
      | place | country |
      | c     | KZ      |
      | link | mode | hours |
      | ab   | road | 1     |
    `, 'place c in the place table is not in the drawing'],
    ['two links with one id', `
      a---b
      | link | mode | hours |
      | ab   | road | 1     |
      | ab   | rail | 1     |
    `, 'link id a-b is used twice'],
    ['a row with a missing cell', `
      a---b
      | link | mode | hours |
      | ab   | road |
    `, 'row "| ab   | road |" has 2 cells under 3 headings'],
  ])('%s', (_, map, message) => {
    expect(() => parseDrawnNetwork(map)).toThrow(`drawn network: ${message}`);
  });
});
