// Start-up (issue 16): shortcuts on the path of `steppenet route` that must not
// change an answer — transliterate's return for text without Cyrillic, the
// place index's word starts made on the first search, a network's graphology
// graph made on first use.
import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import { PlaceIndex, type PlaceEntry } from '../src/places/place-index.js';
import { CYRILLIC_BLOCK, CYRILLIC_LETTERS, transliterate } from '../src/places/transliterate.js';

describe('transliterate returns text without Cyrillic as it is (NFC)', () => {
  it('every letter of the table, and its capital, is in the Cyrillic block', () => {
    expect(CYRILLIC_LETTERS.length).toBe(42);
    for (const letter of CYRILLIC_LETTERS) {
      expect(CYRILLIC_BLOCK.test(letter)).toBe(true);
      expect(CYRILLIC_BLOCK.test(letter.toUpperCase())).toBe(true);
    }
  });

  it('no code point outside the block lower-cases into a letter of the table (so the per-letter loop would keep it too)', () => {
    const table = new Set(CYRILLIC_LETTERS);
    const intoTable: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (CYRILLIC_BLOCK.test(ch)) continue;
      if (table.has(ch.toLowerCase())) intoTable.push(cp.toString(16));
    }
    expect(intoTable).toEqual([]);
  });

  it('keeps Latin, accented and other text, composed to NFC; transliterates as soon as one Cyrillic letter is there', () => {
    expect(transliterate('Pavlodar')).toBe('Pavlodar');
    expect(transliterate('O\u0308skemen')).toBe('Öskemen'); // decomposed Ö comes back composed, as before
    expect(transliterate('Ust-Kamenogorsk (KZ) 2')).toBe('Ust-Kamenogorsk (KZ) 2');
    expect(transliterate('Aqtöbe ʹ')).toBe('Aqtöbe ʹ');
    expect(transliterate('Omsk Омск')).toBe('Omsk Omsk');
    expect(transliterate('и\u0306')).toBe('y'); // й decomposed: NFC makes it one letter of the table
  });
});

describe('the place index makes the word starts on its first search', () => {
  const places: PlaceEntry[] = [
    { id: 'ust-kamenogorsk', name: 'Ust-Kamenogorsk', aliases: ['Oskemen', 'Өскемен'], kind: 'city', country: 'KZ', region: 'East Kazakhstan' },
    { id: 'st-ozinki', name: 'Ozinki', aliases: [], kind: 'station', country: 'RU', region: 'Saratov Oblast' },
    { id: 'omsk', name: 'Omsk', aliases: ['Омск'], kind: 'city', country: 'RU', region: 'Omsk Oblast' },
  ];

  it('a resolve, then a search by the start of a word, finds what a search on a fresh index finds', () => {
    const used = new PlaceIndex(places);
    expect(used.resolve('Omsk').id).toBe('omsk');
    expect(used.resolve('oskemen').id).toBe('ust-kamenogorsk');
    const fresh = new PlaceIndex(places);
    expect(used.search('Kamenogorsk')).toEqual(fresh.search('Kamenogorsk'));
    expect(used.search('Kamenogorsk').map((m) => [m.place.id, m.how])).toEqual([['ust-kamenogorsk', 'fuzzy']]);
    expect(used.search('Ozinki station').map((m) => m.place.id)).toEqual(['st-ozinki']);
  });

  it('an unknown name still gets the suggestions of the fuzzy scan (which makes the word starts)', () => {
    expect(() => new PlaceIndex(places).resolve('Kamenogorsk')).toThrow(/Ust-Kamenogorsk/);
  });

  it('a name with no letters or digits is still refused when the index is made', () => {
    expect(() => new PlaceIndex([{ ...places[0]!, aliases: ['--'] }])).toThrow(/no letters or digits/);
  });
});

describe('a network makes its graphology graph on first use', () => {
  it('with every place as a node and every link direction as an edge, keyed as before, and keeps it', () => {
    const net = loadNetwork();
    const graph = net.graph;
    expect(net.graph).toBe(graph);
    expect(graph.order).toBe(net.places.length);
    const directions = net.links.reduce((n, l) => n + (l.properties.oneway ? 1 : 2), 0);
    expect(graph.size).toBe(directions);
    const link = net.links.find((l) => !l.properties.oneway)!.properties;
    expect(graph.source(link.id)).toBe(link.from);
    expect(graph.target(`${link.id}~back`)).toBe(link.from);
    expect(graph.getEdgeAttributes(link.id)).toMatchObject({ link: link.id, direction: 'forward', mode: link.mode, km: link.km, status: link.status });
    const place = net.places[0]!;
    expect(graph.getNodeAttributes(place.properties.id)).toMatchObject({ id: place.properties.id, lon: place.geometry.coordinates[0], lat: place.geometry.coordinates[1] });
  });
});

describe('a network resolves an exact id or name without making the place index, and answers as the index does', () => {
  const net = loadNetwork();
  const index = new PlaceIndex(net.places.map((f) => ({ ...f.properties, aliases: f.properties.aliases ?? [] })));
  const answer = (resolve: () => { properties: { id: string } } | PlaceEntry) => {
    try {
      const r = resolve();
      return 'properties' in r ? r.properties.id : r.id;
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
  };
  const texts = net.places.flatMap((f) => [f.properties.id, f.properties.name, ...(f.properties.aliases ?? [])]);
  const queries = [...texts, ...texts.map((t) => t.toUpperCase()), ...texts.map((t) => t.normalize('NFD')), 'Aksu', 'Ozinki', 'Omks', 'Atlantis', 'x'.repeat(201)];

  it('for every id, name and alias of the bundled network, upper-cased, decomposed, and names shared by several places', () => {
    const differ = queries.filter((q) => answer(() => net.resolvePlace(q)) !== answer(() => index.resolve(q)));
    expect(differ).toEqual([]);
    expect(texts.length).toBeGreaterThan(1000);
  });

  it('the names several places share are still decided by the index: a town over its station, two facilities ambiguous', () => {
    expect(answer(() => net.resolvePlace('Orsk'))).toBe('orsk');
    expect(answer(() => net.resolvePlace('Орск'))).toBe('orsk'); // also the checkpoint's alias: the city wins
    expect(answer(() => net.resolvePlace('Ozinki'))).toMatch(/^UnknownPlaceError: "Ozinki" is ambiguous: st-ozinki .*cp-ozinki/);
    expect(answer(() => net.resolvePlace('cp-ozinki'))).toBe('cp-ozinki');
  });
});
