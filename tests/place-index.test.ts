import { describe, expect, it } from 'vitest';
import { normalizeName } from '../src/places/normalize-name.js';
import { PlaceIndex, PlaceIndexError, wordStarts, type PlaceEntry, type PlaceMatch } from '../src/places/place-index.js';
import { loadNetwork } from '../src/model/load-network.js';
import { UnknownPlaceError } from '../src/places/unknown-place-error.js';
import { mulberry32 } from './fixtures/prng.js';

const PLACES: readonly PlaceEntry[] = [
  { id: 'ust-kamenogorsk', name: 'Ust-Kamenogorsk', aliases: ['Oskemen', 'Öskemen', 'Өскемен', 'Усть-Каменогорск'], kind: 'city', country: 'KZ', region: 'East Kazakhstan Region' },
  { id: 'semey', name: 'Semey', aliases: ['Semipalatinsk', 'Semei', 'Семей', 'Семипалатинск'], kind: 'city', country: 'KZ', region: 'Abai Region' },
  { id: 'astana', name: 'Astana', aliases: ['Nur-Sultan', 'Akmola', 'Tselinograd', 'Akmolinsk', 'Астана'], kind: 'city', country: 'KZ' },
  { id: 'petropavlovsk', name: 'Petropavlovsk', aliases: ['Petropavl', 'Петропавл', 'Петропавловск', 'Qyzyljar'], kind: 'city', country: 'KZ', region: 'North Kazakhstan Region' },
  { id: 'omsk', name: 'Omsk', aliases: ['Омск'], kind: 'city', country: 'RU', region: 'Omsk Oblast' },
  { id: 'orsk', name: 'Orsk', aliases: ['Орск'], kind: 'city', country: 'RU', region: 'Orenburg Oblast' },
  { id: 'st-ozinki', name: 'Ozinki', aliases: ['Озинки'], kind: 'station', country: 'RU', region: 'Saratov Oblast' },
  { id: 'cp-ozinki', name: 'Ozinki', aliases: ['Озинки', 'Ozinki – Taskala'], kind: 'checkpoint', country: 'RU', region: 'Saratov Oblast' },
  { id: 'aktobe', name: 'Aktobe', aliases: ['Aqtöbe', 'Aktyubinsk', 'Актобе', 'Ақтөбе'], kind: 'city', country: 'KZ', region: 'Aktobe Region' },
  { id: 'kostanay', name: 'Kostanay', aliases: ['Qostanay', 'Kustanay', 'Kustanai', 'Қостанай'], kind: 'city', country: 'KZ', region: 'Kostanay Region' },
  // A town and its station share a name: the town is what a bare name means.
  { id: 'aksu', name: 'Aksu', aliases: ['Ақсу'], kind: 'city', country: 'KZ', region: 'Pavlodar Region' },
  { id: 'st-aksu', name: 'Aksu', aliases: [], kind: 'station', country: 'KZ', region: 'Pavlodar Region' },
  { id: 'aksay', name: 'Aksay', aliases: ['Ақсай', 'Aksai'], kind: 'city', country: 'KZ', region: 'West Kazakhstan Region' },
];

const index = new PlaceIndex(PLACES);

/** The error `fn` throws, checked to be an UnknownPlaceError. */
function unknownPlaceError(fn: () => unknown): UnknownPlaceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UnknownPlaceError);
    return error as UnknownPlaceError;
  }
  throw new Error('expected an UnknownPlaceError, but nothing was thrown');
}

describe('PlaceIndex.resolve: names analysts type', () => {
  const cases: readonly [query: string, id: string, how: PlaceMatch['how']][] = [
    ['Oskemen', 'ust-kamenogorsk', 'exact'],
    ['Өскемен', 'ust-kamenogorsk', 'exact'],
    ['Усть-Каменогорск', 'ust-kamenogorsk', 'exact'],
    ['ust kamenogorsk', 'ust-kamenogorsk', 'normalised'],
    ['UST-KAMENOGORSK', 'ust-kamenogorsk', 'exact'], // same letters ignoring case
    ['Оскемен', 'ust-kamenogorsk', 'normalised'], // Cyrillic without the Kazakh Ө
    ['oskemen', 'ust-kamenogorsk', 'exact'],
    ['Semipalatinsk', 'semey', 'exact'],
    ['Семипалатинск', 'semey', 'exact'],
    ['Nur-Sultan', 'astana', 'exact'],
    ['Nur Sultan', 'astana', 'normalised'],
    ['Целиноград', 'astana', 'normalised'],
    ['Petropavl', 'petropavlovsk', 'exact'],
    ['Qyzyljar', 'petropavlovsk', 'exact'],
    ['Актобе', 'aktobe', 'exact'],
    ['Aqtobe', 'aktobe', 'normalised'],
    ['Актюбинск', 'aktobe', 'normalised'],
    ['Kustanai', 'kostanay', 'exact'],
    ['Костанай', 'kostanay', 'normalised'],
    ['st-ozinki', 'st-ozinki', 'id'],
    ['cp-ozinki', 'cp-ozinki', 'id'],
    ['ST OZINKI', 'st-ozinki', 'normalised'], // the id's key
    ['Orsk', 'orsk', 'exact'],
    ['Omsk', 'omsk', 'exact'],
    ['Aksay', 'aksay', 'exact'],
  ];
  for (const [query, id, how] of cases) {
    it(`"${query}" → ${id} (${how})`, () => {
      expect(index.resolve(query).id).toBe(id);
      const best = index.search(query)[0]!;
      expect([best.place.id, best.how, best.distance]).toEqual([id, how, 0]);
    });
  }

  it('a town wins over a station of the same name', () => {
    expect(index.resolve('Aksu').id).toBe('aksu');
    expect(index.resolve('Aksu', { kinds: ['station'] }).id).toBe('st-aksu');
  });

  it('a station and a checkpoint of one name are ambiguous; the error lists both ids', () => {
    const error = unknownPlaceError(() => index.resolve('Ozinki'));
    expect(error.reason).toBe('ambiguous');
    expect(error.query).toBe('Ozinki');
    expect(error.suggestions.map((m) => m.place.id)).toEqual(['st-ozinki', 'cp-ozinki']); // station before checkpoint
    expect(error.message).toBe(
      '"Ozinki" is ambiguous: st-ozinki = Ozinki (station, RU, Saratov Oblast), ' +
        'cp-ozinki = Ozinki (checkpoint, RU, Saratov Oblast). Type the id to choose one.',
    );
    // Also in Cyrillic, where both match an alias exactly.
    expect(unknownPlaceError(() => index.resolve('Озинки')).reason).toBe('ambiguous');
  });

  it('the kinds option picks one of the ambiguous places', () => {
    expect(index.resolve('Ozinki', { kinds: ['checkpoint'] }).id).toBe('cp-ozinki');
    expect(index.resolve('ozinki', { kinds: ['station', 'city'] }).id).toBe('st-ozinki');
  });

  it('an exact spelling outranks a normalised one of another place', () => {
    // "Ozinki – Taskala" is only the checkpoint's alias; its key matches nothing else.
    expect(index.resolve('Ozinki – Taskala').id).toBe('cp-ozinki');
    expect(index.resolve('ozinki taskala').id).toBe('cp-ozinki');
  });
});

describe('PlaceIndex.resolve: unknown names', () => {
  it('a typo is not taken, but suggested first', () => {
    const error = unknownPlaceError(() => index.resolve('Petropavlosk'));
    expect(error.reason).toBe('unknown');
    expect(error.suggestions[0]!.place.id).toBe('petropavlovsk');
    expect(error.suggestions[0]!.how).toBe('fuzzy');
    expect(error.suggestions[0]!.distance).toBe(1); // petropavlosk → petropavlovsk: insert v
    expect(error.message).toBe('Unknown place "Petropavlosk". Did you mean: Petropavlovsk (city, KZ, North Kazakhstan Region)?');
  });

  it('a query one edit from two places is not guessed', () => {
    // "Onsk" is one edit from both Omsk and Orsk: a suggestion list, not a guess.
    const error = unknownPlaceError(() => index.resolve('Onsk'));
    expect(error.suggestions.map((m) => [m.place.id, m.distance])).toEqual([
      ['omsk', 1],
      ['orsk', 1],
    ]);
  });

  it('suggestions name the alias they were found by, and ids where names repeat', () => {
    const semey = unknownPlaceError(() => index.resolve('Semipalatinks'));
    expect(semey.message).toBe('Unknown place "Semipalatinks". Did you mean: Semey (via "Semipalatinsk"; city, KZ, Abai Region)?');
    const ozinki = unknownPlaceError(() => index.resolve('Ozinky station'));
    expect(ozinki.message).toBe(
      'Unknown place "Ozinky station". Did you mean: Ozinki [st-ozinki] (station, RU, Saratov Oblast), ' +
        'Ozinki [cp-ozinki] (checkpoint, RU, Saratov Oblast)?',
    );
  });

  it('part of a name finds the whole name', () => {
    // "kamenogorsk" is 3 edits from "ustkamenogorsk" (threshold 2) but begins its second word.
    // Orsk is not suggested: "orsk" ends the query, it does not begin a word of it.
    const error = unknownPlaceError(() => index.resolve('Kamenogorsk'));
    expect(error.suggestions.map((m) => [m.place.id, m.matched, m.distance])).toEqual([['ust-kamenogorsk', 'Ust-Kamenogorsk', 3]]);
  });

  it('nonsense gets no suggestions and a hint where to look', () => {
    const error = unknownPlaceError(() => index.resolve('Xwzqpt Blorf'));
    expect(error.reason).toBe('unknown');
    expect(error.suggestions).toEqual([]);
    expect(error.message).toBe(
      'Unknown place "Xwzqpt Blorf". No place has a similar name. List places by part of their name with `steppenet places <query>`.',
    );
  });

  it('an empty name is unknown, not a match of everything', () => {
    const error = unknownPlaceError(() => index.resolve('  - '));
    expect(error.suggestions).toEqual([]);
    expect(error.message).toContain('The name has no letters or digits.');
  });

  it('a place outside the kinds asked for is unknown, and the message says which kinds', () => {
    const omsk = unknownPlaceError(() => index.resolve('Omsk', { kinds: ['checkpoint'] }));
    expect(omsk.reason).toBe('unknown');
    expect(omsk.suggestions).toEqual([]);
    expect(omsk.message).toContain('Unknown place "Omsk" among places of kind checkpoint.');
    // "ozink" is inside "ozinki": only the checkpoint is suggested, not the station.
    const ozink = unknownPlaceError(() => index.resolve('Ozink', { kinds: ['checkpoint'] }));
    expect(ozink.suggestions.map((m) => m.place.id)).toEqual(['cp-ozinki']);
  });
});

describe('PlaceIndex.search', () => {
  it('returns every level, best first, one match per place', () => {
    // "Orsk": exact for orsk; Omsk is 1 edit away (o r s k / o m s k).
    expect(index.search('Orsk').map((m) => [m.place.id, m.how, m.distance])).toEqual([
      ['orsk', 'exact', 0],
      ['omsk', 'fuzzy', 1],
    ]);
    // "Aksu": the town (city) before its station, both exact; Aksay (aksai) is 2 edits
    // from aksu, over the threshold max(1, ⌊4/4⌋) = 1, so not listed.
    expect(index.search('Aksu').map((m) => [m.place.id, m.how])).toEqual([
      ['aksu', 'exact'],
      ['st-aksu', 'exact'],
    ]);
  });

  it('honours limit and kinds', () => {
    expect(index.search('Ozinki', { limit: 1 }).map((m) => m.place.id)).toEqual(['st-ozinki']);
    expect(index.search('Ozinki', { kinds: ['checkpoint'] }).map((m) => m.place.id)).toEqual(['cp-ozinki']);
  });

  it('never throws for odd query text', () => {
    for (const query of ['', ' ', '---', '()', '\u0301', '🙂', 'a'.repeat(200)]) expect(() => index.search(query)).not.toThrow();
    // Beyond MAX_NAME_LENGTH (200) a query is refused at once, naming the limit.
    expect(() => index.search('a'.repeat(201))).toThrow(/MAX_NAME_LENGTH/);
    expect(index.search('')).toEqual([]);
  });
});

describe('PlaceIndex: has, get and bad input', () => {
  it('has and get look up ids exactly', () => {
    expect(index.has('semey')).toBe(true);
    expect(index.has('Semey')).toBe(false);
    expect(index.get('orsk')?.name).toBe('Orsk');
    expect(index.get('nowhere')).toBeUndefined();
  });

  it('rejects a place list with duplicate ids or empty names', () => {
    const orsk = PLACES[5]!;
    expect(() => new PlaceIndex([orsk, { ...orsk }])).toThrow(PlaceIndexError);
    expect(() => new PlaceIndex([orsk, { ...orsk }])).toThrow('duplicate place id "orsk"');
    expect(() => new PlaceIndex([{ ...orsk, aliases: ['Орск', ' - '] }])).toThrow('place "orsk" has an alias with no letters or digits: " - "');
    expect(() => new PlaceIndex([{ ...orsk, id: '' }])).toThrow(PlaceIndexError);
    // A network place without aliases must be given [] (the file format makes them optional).
    const noAliases = { ...orsk, aliases: undefined } as unknown as PlaceEntry;
    expect(() => new PlaceIndex([noAliases])).toThrow('PlaceIndex: place "orsk" has no aliases array (give [] for none)');
  });

  it('rejects bad options by name', () => {
    expect(() => index.resolve('Orsk', { kinds: [] })).toThrow('PlaceIndex.resolve: options.kinds is empty');
    expect(() => index.search('Orsk', { kinds: ['citty'] })).toThrow('PlaceIndex.search: unknown kind "citty" in options.kinds');
    expect(() => index.search('Orsk', { limit: 0 })).toThrow('PlaceIndex.search: options.limit must be a positive integer, got 0');
    // A known kind no place in this list has is fine: it just matches nothing.
    expect(index.search('Orsk', { kinds: ['lock'] })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Randomized: the index against a slow, obvious reference (seeded PRNG).


/** Textbook dynamic-programming edit distance over UTF-16 code units, with swaps of neighbours (optimal string alignment). */
function referenceLevenshtein(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([]);
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) rows[i]![j] = i + j;
      else {
        const substitute = rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
        rows[i]![j] = Math.min(substitute, rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i]![j] = Math.min(rows[i]![j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

const KIND_ORDER = ['city', 'hub', 'port', 'station', 'junction', 'checkpoint', 'lock'];
const HOW_OF_LEVEL: PlaceMatch['how'][] = ['id', 'exact', 'exact', 'normalised', 'fuzzy'];

interface ReferenceMatch {
  place: PlaceEntry;
  level: number; // 0 id, 1 exact, 2 exact ignoring case, 3 normalised, 4 fuzzy
  distance: number;
  matched: string;
}

/** Keys of the text from each word on: "Ust-Kamenogorsk" → ustkamenogorsk, kamenogorsk. */
function wordSuffixes(text: string): string[] {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return words.map((_, i) => normalizeName(words.slice(i).join(' ')));
}

/** Each place's best match, by trying every rule on every text of every place. */
function referenceSearch(places: readonly PlaceEntry[], query: string, kinds?: readonly string[]): ReferenceMatch[] {
  const queryKey = normalizeName(query);
  const threshold = Math.max(1, Math.floor(queryKey.length / 4));
  const results: ReferenceMatch[] = [];
  for (const place of places) {
    if (kinds !== undefined && !kinds.includes(place.kind)) continue;
    const texts = [place.name, ...place.aliases];
    const candidates: ReferenceMatch[] = [];
    if (place.id === query) candidates.push({ place, level: 0, distance: 0, matched: place.id });
    for (const t of texts) if (t.normalize('NFC') === query.normalize('NFC')) candidates.push({ place, level: 1, distance: 0, matched: t });
    for (const t of texts) {
      if (t.normalize('NFC').toLowerCase() === query.normalize('NFC').toLowerCase()) candidates.push({ place, level: 2, distance: 0, matched: t });
    }
    if (queryKey !== '') {
      for (const t of [...texts, place.id]) {
        const key = normalizeName(t);
        if (key === queryKey) candidates.push({ place, level: 3, distance: 0, matched: t });
        const d = referenceLevenshtein(queryKey, key);
        const contains =
          (queryKey.length >= 3 && wordSuffixes(t).some((k) => k.startsWith(queryKey))) ||
          (key.length >= 4 && wordSuffixes(query).some((k) => k.startsWith(key)));
        if (d <= threshold || contains) candidates.push({ place, level: 4, distance: d, matched: t });
      }
    }
    // Best level, then smallest distance, then the first text in list order (stable sort).
    candidates.sort((a, b) => a.level - b.level || a.distance - b.distance);
    if (candidates.length > 0) results.push(candidates[0]!);
  }
  const rank = (p: PlaceEntry) => (KIND_ORDER.includes(p.kind) ? KIND_ORDER.indexOf(p.kind) : KIND_ORDER.length);
  results.sort(
    (a, b) =>
      a.level - b.level ||
      a.distance - b.distance ||
      rank(a.place) - rank(b.place) ||
      (a.place.name < b.place.name ? -1 : a.place.name > b.place.name ? 1 : 0) ||
      (a.place.id < b.place.id ? -1 : 1),
  );
  return results;
}

type ReferenceResolution = { id: string } | { reason: 'unknown' | 'ambiguous'; ids: string[] };

function referenceResolve(places: readonly PlaceEntry[], query: string, kinds?: readonly string[]): ReferenceResolution {
  const all = referenceSearch(places, query, kinds);
  const strict = all.filter((m) => m.level <= 3);
  if (strict.length === 0) return { reason: 'unknown', ids: all.slice(0, 5).map((m) => m.place.id) };
  const tied = strict.filter((m) => m.level === strict[0]!.level); // already in kind order
  if (tied.length === 1) return { id: tied[0]!.place.id };
  const first = tied[0]!.place;
  if ((first.kind === 'city' || first.kind === 'hub') && tied[1]!.place.kind !== first.kind) return { id: first.id };
  return { reason: 'ambiguous', ids: tied.map((m) => m.place.id) };
}

describe('PlaceIndex against a reference (randomized, seeded)', () => {
  const syllables = ['ak', 'su', 'kara', 'ozi', 'nki', 'pet', 'ro', 'sk', 'tau', 'kos', 'tan', 'ay', 'ye', 'kh', 'ts', 'ja', 'om', 'or',
    'ка', 'ра', 'су', 'ақ', 'өс', 'ке', 'мен', 'ей', 'ё', 'ый', 'щу', 'ць', 'ұл', 'ғ', 'і'];
  const separators = ['', '', '', '-', ' ', "'"];
  const kinds = [...KIND_ORDER, 'ferry']; // 'ferry': a kind outside the preference list ranks last

  function randomWord(rand: () => number): string {
    const count = 1 + Math.floor(rand() * 4);
    let word = '';
    for (let i = 0; i < count; i++) {
      if (i > 0) word += separators[Math.floor(rand() * separators.length)];
      word += syllables[Math.floor(rand() * syllables.length)];
    }
    return rand() < 0.5 ? word[0]!.toUpperCase() + word.slice(1) : word;
  }

  /** A place list in which names repeat across places, so ties and ambiguity happen. */
  function randomPlaces(rand: () => number, count: number): PlaceEntry[] {
    const names: string[] = [];
    const places: PlaceEntry[] = [];
    for (let p = 0; p < count; p++) {
      const reuse = names.length > 0 && rand() < 0.2;
      const name = reuse ? names[Math.floor(rand() * names.length)]! : randomWord(rand);
      names.push(name);
      const aliases: string[] = [];
      const aliasCount = Math.floor(rand() * 4);
      for (let a = 0; a < aliasCount; a++) aliases.push(rand() < 0.3 && names.length > 1 ? names[Math.floor(rand() * names.length)]! : randomWord(rand));
      places.push({ id: `p${p}-${normalizeName(name)}`, name, aliases, kind: kinds[Math.floor(rand() * kinds.length)]!, country: rand() < 0.5 ? 'KZ' : 'RU' });
    }
    return places;
  }

  /** A query: some place's text, perhaps mistyped or re-cased, or random syllables. */
  function randomQuery(rand: () => number, places: readonly PlaceEntry[]): string {
    if (rand() < 0.15) return randomWord(rand);
    const place = places[Math.floor(rand() * places.length)]!;
    const texts = [place.name, ...place.aliases, place.id];
    let q = texts[Math.floor(rand() * texts.length)]!;
    const edits = Math.floor(rand() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(rand() * (q.length + 1));
      const letter = 'aeikorsuyх'[Math.floor(rand() * 10)]!;
      const op = Math.floor(rand() * 3);
      q = op === 0 ? q.slice(0, at) + letter + q.slice(at) : op === 1 ? q.slice(0, at) + q.slice(at + 1) : q.slice(0, at) + letter + q.slice(at + 1);
    }
    if (rand() < 0.2) q = q.toUpperCase();
    return q;
  }

  it('search gives the same matches in the same order as the reference', () => {
    const rand = mulberry32(20240601);
    let compared = 0;
    let fuzzySeen = 0;
    for (let round = 0; round < 20; round++) {
      const places = randomPlaces(rand, 40);
      const index = new PlaceIndex(places);
      for (let q = 0; q < 60; q++) {
        const query = randomQuery(rand, places);
        const kindFilter = rand() < 0.3 ? KIND_ORDER.slice(0, 1 + Math.floor(rand() * KIND_ORDER.length)) : undefined;
        const expected = referenceSearch(places, query, kindFilter).map((m) => [m.place.id, HOW_OF_LEVEL[m.level], m.distance, m.matched]);
        const actual = index.search(query, { limit: 1000, kinds: kindFilter }).map((m) => [m.place.id, m.how, m.distance, m.matched]);
        expect([query, actual]).toEqual([query, expected]);
        compared++;
        if (expected.some((m) => m[1] === 'fuzzy')) fuzzySeen++;
      }
    }
    expect(compared).toBe(1200);
    expect(fuzzySeen).toBeGreaterThan(200); // the fuzzy path was really exercised
  });

  it('resolve agrees with the reference: the place, or the same error and candidates', () => {
    const rand = mulberry32(77);
    const outcomes = { resolved: 0, unknown: 0, ambiguous: 0 };
    for (let round = 0; round < 20; round++) {
      const places = randomPlaces(rand, 40);
      const index = new PlaceIndex(places);
      for (let q = 0; q < 60; q++) {
        const query = randomQuery(rand, places);
        const kindFilter = rand() < 0.3 ? KIND_ORDER.slice(0, 1 + Math.floor(rand() * KIND_ORDER.length)) : undefined;
        const expected = referenceResolve(places, query, kindFilter);
        let actual: ReferenceResolution;
        try {
          actual = { id: index.resolve(query, { kinds: kindFilter }).id };
          outcomes.resolved++;
        } catch (error) {
          if (!(error instanceof UnknownPlaceError)) throw error;
          actual = { reason: error.reason, ids: error.suggestions.map((m) => m.place.id) };
          outcomes[error.reason]++;
        }
        expect([query, actual]).toEqual([query, expected]);
      }
    }
    // Every outcome happened often enough to mean something.
    expect(Math.min(outcomes.resolved, outcomes.unknown, outcomes.ambiguous)).toBeGreaterThan(50);
  });
});

describe('word starts (the word-prefix match, linear in the text)', () => {
  it('"Ust-Kamenogorsk" has the key ustkamenogorsk with words at 0 and 3', () => {
    expect(wordStarts('Ust-Kamenogorsk')).toEqual({ key: 'ustkamenogorsk', starts: [0, 3] });
  });

  it("the words' keys joined are the name's own key for every name and alias of the bundled network but three, where the name's key merges an i across a word boundary", () => {
    const texts = loadNetwork().places.flatMap((p) => [p.properties.name, ...(p.properties.aliases ?? [])]);
    expect(texts.length).toBeGreaterThan(241);
    expect(texts.filter((t) => wordStarts(t).key !== normalizeName(t))).toEqual(['Kartaly I', 'Карталы I', 'Almaty I']);
    expect(wordStarts('Kartaly I')).toEqual({ key: 'kartalii', starts: [0, 7] });
  });

  it('a 200-character query of 100 one-letter words is matched at once', () => {
    const query = Array.from({ length: 100 }, () => 'a').join(' ').slice(0, 200);
    const index = new PlaceIndex([{ id: 'x', name: 'Aktobe', aliases: [], kind: 'city' }] as unknown as PlaceEntry[]);
    const started = performance.now();
    for (let i = 0; i < 100; i++) index.search(query);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
