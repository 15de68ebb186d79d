// Closures of many links at once (issue 15, item 2): links chosen by a
// polygon, a radius, a region or a country's crossings, and the area scan
// that closes each region (or grid cell) whole, checked by brute force.
import { describe, expect, it } from 'vitest';
import * as ac from '../src/analysis/area-criticality.js';
import { selectLinks, LinkSelectionError } from '../src/analysis/link-selection.js';
import { linksByGridCell } from '../src/analysis/link-areas.js';
import { InvalidPolygonError, readPolygons } from '../src/io/polygon-file.js';
import { loadNetwork } from '../src/model/load-network.js';
import type { Network } from '../src/model/network.js';
import type { NetworkFile } from '../src/model/types.js';
import { UnknownPlaceError } from '../src/places/unknown-place-error.js';
import { UnknownRegionError } from '../src/model/regions.js';
import { asDrawn, removeLinks, route } from './fixtures/as-drawn.js';
import { parseDrawnNetwork } from './fixtures/parse-drawn-network.js';
import { prng, randomNetwork } from './fixtures/random-network.js';

const load = (file: NetworkFile) => loadNetwork(file, { checkCountries: false });
const areaCriticality: typeof ac.areaCriticality = (net, o) => ac.areaCriticality(net, asDrawn(o));
const at = (net: Network, id: string) => net.place(id)!.geometry.coordinates;

// A column is about 1 km, a row about 2.2 km. Q–R is a border checkpoint into
// Kazakhstan (1 h wait). The long way round by H and K (10 h from A to F) is the
// only detour. Links are straight lines between their ends (K–F too).
const file = parseDrawnNetwork`
  h-----------------------k
  |                       |
  a-------b-------c       |
  |       |       |       |
  d-------e-------f-------+
          |
          g-------q---r

  | place | region | country | kind       |
  | h     | North  |         |            |
  | k     | North  |         |            |
  | a     | West   |         |            |
  | d     | West   |         |            |
  | b     | Middle |         |            |
  | e     | Middle |         |            |
  | c     | East   |         |            |
  | f     | East   |         |            |
  | g     | South  |         |            |
  | q     | South  |         | checkpoint |
  | r     | Steppe | KZ      | checkpoint |

  | link | hours | mode | wait |
  | ha   | 1     | road |      |
  | hk   | 8     | road |      |
  | kf   | 2     | road |      |
  | ab   | 1     | road |      |
  | bc   | 1     | road |      |
  | ad   | 3     | road |      |
  | be   | 2     | road |      |
  | cf   | 2     | road |      |
  | de   | 1     | road |      |
  | ef   | 1     | road |      |
  | eg   | 2     | road |      |
  | gq   | 1     | road |      |
  | qr   | 1     | road | 1    |
`;
const net = load(file);

/** A box in degrees, as a GeoJSON Polygon (counter-clockwise). */
const box = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
});

describe('selecting links by area', () => {
  it('a polygon: a north–south strip between A and B, up to just north of A, cuts A–B and D–E, not H–K two rows further north', () => {
    const [aLon, aLat] = at(net, 'a');
    const [bLon] = at(net, 'b');
    const [, gLat] = at(net, 'g');
    const strip = box(aLon + 0.3 * (bLon - aLon), gLat - 0.1, aLon + 0.6 * (bLon - aLon), aLat + 0.01);
    expect(selectLinks(net, { polygons: [strip] }).sort()).toEqual(['a-b', 'd-e']);
    // As a Feature and in a FeatureCollection, the same.
    expect(selectLinks(net, { polygons: [{ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: strip, properties: {} }] }] }).sort()).toEqual(['a-b', 'd-e']);
  });

  it('a radius: 2 km around the middle of B–C catches B–C alone; 4.2 km reaches B and C (4 columns, 4.08 km) and so every link at them, not the lines two rows north and south (H–K, E–F: 4.45 km)', () => {
    const [bLon, bLat] = at(net, 'b');
    const [cLon] = at(net, 'c');
    const middle: [number, number] = [(bLon + cLon) / 2, bLat];
    expect(selectLinks(net, { within: [{ km: 2, around: middle }] })).toEqual(['b-c']);
    expect(selectLinks(net, { within: [{ km: 4.2, around: middle }] }).sort()).toEqual(['a-b', 'b-c', 'b-e', 'c-f']);
    expect(selectLinks(net, { within: [{ km: 4.5, around: middle }] }).sort()).toEqual(['a-b', 'b-c', 'b-e', 'c-f', 'e-f', 'h-k']);
    // Around a place: every link touching it lies within any radius of it; 1 km of B reaches nothing else.
    expect(selectLinks(net, { within: [{ km: 1, around: 'b' }] }).sort()).toEqual(['a-b', 'b-c', 'b-e']);
  });

  it('a region: the links with an end in it; a crossing counts in the regions on both sides', () => {
    expect(selectLinks(net, { regions: ['Middle'] }).sort()).toEqual(['a-b', 'b-c', 'b-e', 'd-e', 'e-f', 'e-g']);
    expect(selectLinks(net, { regions: ['south'] }).sort()).toEqual(['e-g', 'g-q', 'q-r']);
    expect(selectLinks(net, { regions: ['Steppe'] })).toEqual(['q-r']);
  });

  it("a country's crossings: the links with a checkpoint and an end in the country", () => {
    expect(selectLinks(net, { crossings: ['KZ'] })).toEqual(['q-r']);
    expect(selectLinks(net, { crossings: ['RU'] })).toEqual(['q-r']);
  });

  it('the union of the selectors', () => {
    expect(selectLinks(net, { links: ['a-d'], regions: ['Steppe'], within: [{ km: 1, around: 'c' }] }).sort()).toEqual(['a-d', 'b-c', 'c-f', 'q-r']);
  });

  it('refuses, with a code, a selector that matches nothing or names nothing', () => {
    const far: [number, number] = [80, 50];
    expect(() => selectLinks(net, { within: [{ km: 10, around: far }] })).toThrow(/no link matches the area "within 10 km of 50, 80 \(lat, lon\)"/);
    expect(() => selectLinks(net, { polygons: [box(70, 40, 71, 41)] })).toThrow(/no link matches the area "polygon 1"/);
    expect(() => selectLinks(net, { crossings: ['CN'] })).toThrow(/no link matches crossings of "CN"/);
    expect(() => selectLinks(net, { crossings: ['XX'] })).toThrow(/"XX" is not an ISO 3166-1 alpha-2 country code/);
    for (const bad of [{ crossings: ['CN'] }, { crossings: ['XX'] }]) {
      expect(() => selectLinks(net, bad)).toThrow(LinkSelectionError);
    }
    expect(() => selectLinks(net, { regions: ['Midle'] })).toThrow(UnknownRegionError);
    expect(() => selectLinks(net, { regions: ['Midle'] })).toThrow(/did you mean "Middle"/);
    expect(() => selectLinks(net, { within: [{ km: 5, around: 'Semey' }] })).toThrow(UnknownPlaceError);
    expect(() => selectLinks(net, { within: [{ km: -5, around: 'b' }] })).toThrow(/within.km must be a positive number/);
    expect(() => selectLinks(net, { within: [{ km: 5, around: [200, 10] }] })).toThrow(/within.around must be a place name or a \[longitude, latitude\] point/);
  });

  it('a polygon that is not one is a DataError listing every problem with its path', () => {
    const bad = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } },
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } },
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] } },
        { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 95], [0, 0]]]] } },
      ],
    };
    let error: unknown;
    try {
      readPolygons(bad, 'area.geojson');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidPolygonError);
    expect((error as InvalidPolygonError).code).toBe('INVALID_FILE');
    expect((error as InvalidPolygonError).problems).toEqual([
      '$.features[0].geometry: type is "LineString", not Polygon or MultiPolygon',
      '$.features[1].geometry.coordinates[0]: the ring is not closed (its last position must repeat the first)',
      '$.features[2].geometry.coordinates[0]: a ring needs at least 4 positions, got 3',
      '$.features[3].geometry.coordinates[0][0][2]: [1,95] is not a [longitude, latitude] position',
    ]);
    expect(() => selectLinks(net, { polygons: [bad as never] })).toThrow(InvalidPolygonError);
  });

  it('removeLinks closes a whole area: closing region Middle sends A–C round by H', () => {
    const result = removeLinks(net, { regions: ['Middle'] }, { ods: [{ from: 'a', to: 'c' }, { from: 'd', to: 'a' }] });
    expect(result.removed.sort()).toEqual(['a-b', 'b-c', 'b-e', 'd-e', 'e-f', 'e-g']);
    expect(result.rows.map((r) => [r.effect, r.extra])).toEqual([['detour', 11], ['unchanged', 0]]);
  });
});

describe('grid cells', () => {
  it('puts a link in every cell its line meets, and a line on a cell edge in both cells', () => {
    // Cells of 0.1°: lon 60.0–60.1 holds columns 0–6, lat rows of 0.02° each.
    const cells = linksByGridCell(net, 0.1);
    const cellsOf = (id: string) => [...cells.values()].filter((c) => c.links.includes(id)).map((c) => `${c.cell.west},${c.cell.south}`).sort();
    // A–B runs from column 0 to 8 (lon 60 to 60.114) at lat 50.08: cells 60 and 60.1.
    expect(at(net, 'a')).toEqual([60, 50.08]);
    expect(at(net, 'b')[0]).toBeCloseTo(60 + 8 / 70, 9);
    // …and it starts on lon 60, the east edge of cell 59.9, which it touches there.
    expect(cellsOf('a-b')).toEqual(['59.9,50', '60,50', '60.1,50']);
    // A–D runs down lon 60, the west edge of cell 60 and the east edge of cell 59.9.
    expect(cellsOf('a-d')).toEqual(['59.9,50', '60,50']);
  });
});

/** The area scan done the slow way: each area's links cut from the file, every pair routed afresh. */
function bruteForce(file: NetworkFile, areas: Map<string, string[]>, ods: { from: string; to: string; demand: number }[]) {
  const full = load(file);
  const before = ods.map((od) => route(full, od.from, od.to));
  return [...areas].map(([area, links]) => {
    const without = load({ ...file, features: file.features.filter((f) => !links.includes(f.properties.id)) });
    let disconnectedDemand = 0;
    let weightedExtra = 0;
    let pairsUsing = 0;
    ods.forEach((od, i) => {
      if (!before[i].found) return;
      if (before[i].links.some((l) => links.includes(l))) pairsUsing++;
      const after = route(without, od.from, od.to);
      if (!after.found) disconnectedDemand += od.demand;
      else weightedExtra += od.demand * (after.totals.weight - before[i].totals.weight);
    });
    return { area, disconnectedDemand, weightedExtra, pairsUsing };
  });
}

/** Each region's links by the definition: a link with an end in the region. */
function regionLinks(file: NetworkFile): Map<string, string[]> {
  const region = new Map(file.features.filter((f) => f.properties.type === 'place').map((f) => [f.properties.id, (f.properties as { region?: string }).region]));
  const areas = new Map<string, string[]>();
  for (const f of file.features) {
    if (f.properties.type !== 'link') continue;
    for (const r of new Set([region.get(f.properties.from), region.get(f.properties.to)])) {
      if (r) areas.set(r, [...(areas.get(r) ?? []), f.properties.id]);
    }
  }
  return areas;
}

const compareToBruteForce = (result: ac.AreaCriticalityResult, brute: ReturnType<typeof bruteForce>) => {
  const expected = brute.filter((b) => result.ranking.some((r) => r.area === b.area));
  expect(result.ranking.map((r) => r.area).sort()).toEqual(expected.map((b) => b.area).sort());
  for (const b of expected) {
    const r = result.ranking.find((x) => x.area === b.area)!;
    expect([r.area, r.pairsUsing, r.disconnectedDemand]).toEqual([b.area, b.pairsUsing, b.disconnectedDemand]);
    expect(r.weightedExtra).toBeCloseTo(b.weightedExtra, 9);
  }
  // Most critical first: disconnected demand, then weighted extra.
  const order = [...result.ranking].sort((x, y) => y.disconnectedDemand - x.disconnectedDemand || y.weightedExtra - x.weightedExtra || x.area.localeCompare(y.area));
  expect(result.ranking.map((r) => r.area)).toEqual(order.map((r) => r.area));
};

describe('areaCriticality', () => {
  const ods = [
    { from: 'a', to: 'c', demand: 5 }, { from: 'c', to: 'a', demand: 1 }, { from: 'd', to: 'f', demand: 2 },
    { from: 'a', to: 'g', demand: 3 }, { from: 'a', to: 'r', demand: 4 },
  ];

  it('by region on the drawn network: cut-off demand first, then the demand-weighted extra hours', () => {
    const result = areaCriticality(net, { ods });
    expect(result.kind).toBe('regions');
    expect(result.candidates).toBe(6);
    // West isolates A and D: all 15 of demand cut off. East isolates C and F (8). Middle cuts A–G and A–R (7) and sends
    // A–C, C–A and D–F round by H and K (13 h for 2, 14 h for 2): 5 × 11 + 1 × 11 + 2 × 12 = 90. South cuts the same 7, no detour.
    // Steppe cuts A–R (4); nobody uses H's and K's links.
    expect(result.ranking.map((r) => [r.area, r.disconnectedDemand, r.weightedExtra, r.pairsUsing])).toEqual([
      ['West', 15, 0, 5], ['East', 8, 0, 3], ['Middle', 7, 90, 5], ['South', 7, 0, 2], ['Steppe', 4, 0, 1], ['North', 0, 0, 0],
    ]);
    compareToBruteForce(result, bruteForce(file, regionLinks(file), ods));
  });

  it('by region on random networks equals removing each region and routing every pair afresh', () => {
    const random = prng(15);
    for (let trial = 0; trial < 25; trial++) {
      const raw = randomNetwork(random, 12, 24);
      const names = ['North', 'South', 'East', 'West'];
      for (const f of raw.features) {
        if (f.properties.type === 'place' && random() < 0.85) f.properties.region = names[Math.floor(random() * names.length)];
      }
      const network = load(raw);
      const pairs = Array.from({ length: 10 }, () => ({ from: `p${Math.floor(random() * 12)}`, to: `p${Math.floor(random() * 12)}`, demand: 1 + Math.floor(random() * 5) })).filter((od) => od.from !== od.to);
      compareToBruteForce(areaCriticality(network, { ods: pairs }), bruteForce(raw, regionLinks(raw), pairs));
    }
  });

  it('by grid cell and by areas of your own, the same as closing those links', () => {
    const grid = areaCriticality(net, { ods, areas: { grid: 0.1 } });
    expect(grid.kind).toBe('grid');
    const cells = new Map([...linksByGridCell(net, 0.1).values()].map((c) => [`${c.cell.west},${c.cell.south}`, c.links]));
    compareToBruteForce(grid, bruteForce(file, cells, ods));
    const own = areaCriticality(net, { ods, areas: [{ id: 'crossing', selection: { crossings: ['KZ'] } }, { id: 'top row', selection: ['a-b', 'b-c'] }] });
    // The top row closed: A–C and C–A go by D, E and F (7 h for 2), A–G and A–R by D (6 h for 5); D–F keeps its road.
    expect(own.ranking.map((r) => [r.area, r.links, r.disconnectedDemand, r.weightedExtra])).toEqual([['crossing', ['q-r'], 4, 0], ['top row', ['a-b', 'b-c'], 0, 5 * 5 + 1 * 5 + 3 * 1 + 4 * 1]]);
    compareToBruteForce(own, bruteForce(file, new Map([['crossing', ['q-r']], ['top row', ['a-b', 'b-c']]]), ods));
  });

  it('refuses areas it cannot scan', () => {
    expect(() => areaCriticality(net, { areas: { grid: 0 } })).toThrow(/grid size must be a number of degrees in \(0, 90\]/);
    expect(() => areaCriticality(net, { areas: [{ id: 'x', selection: ['a-b'] }, { id: 'x', selection: ['b-c'] }] })).toThrow(/area id "x" is given twice/);
    expect(() => areaCriticality(net, { areas: 'counties' as never })).toThrow(/areas must be 'regions'/);
  });
});
