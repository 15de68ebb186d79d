/**
 * The comparison key of a place name: two spellings of one name get the same
 * key, two different real names keep different keys.
 *
 *   1. Cyrillic (Russian and Kazakh letters) → Latin with `transliterate`.
 *   2. Lower case; NFKD and strip combining marks (Öskemen → oskemen, Aqtöbe → aqtobe).
 *   3. Collapse the spelling variants of the common transliteration schemes
 *      (the table below), so BGN, ISO-like, informal and Kazakh-Latin
 *      spellings meet on one form.
 *      The table also drops everything that is not a letter or digit:
 *      hyphens, spaces, apostrophes, dots, parentheses.
 *
 * The key is for comparing only; never show it to a user.
 */
import { transliterate } from './transliterate.js';

interface SpellingCollapse {
  readonly pattern: RegExp;
  readonly replacement: string | ((match: string, ...groups: string[]) => string);
  /** Why merging these spellings is safe for place names of the region. */
  readonly why: string;
}

/**
 * Start of a word: the start of the string, or right after a separator
 * (hyphen, space, apostrophe, …) or a modifier letter (ʹ ʺ ʼ, the ISO/BGN signs
 * for ь and ъ, after which BGN writes е as "ye": Podʺyezd = Podezd).
 */
const WORD_START = '(^|[^\\p{L}\\p{N}]|\\p{Lm})';

/**
 * Applied in order to the lower-case, mark-free Latin string. The word-start
 * rule comes before the separators are dropped, because it needs them.
 */
const SPELLING_COLLAPSES: readonly SpellingCollapse[] = [
  {
    pattern: /ı/gu,
    replacement: 'i',
    why: 'dotless ı (Kazakh Latin 2021, Turkish keyboards) is an i with no accent NFKD could strip',
  },
  {
    pattern: /q/gu,
    replacement: 'k',
    why: 'q only spells Kazakh қ (Qostanay = Kostanay); Russian and Kazakh names have no other q',
  },
  {
    // k+(h?) matches each run of k once (no backtracking: /k+h/ is quadratic on a long run of k); only a run before h goes.
    pattern: /k+(h?)/gu,
    replacement: (run: string, h: string) => (h ? 'h' : run),
    why: 'х is "kh" (BGN) or "h" (Kazakh, informal); a к before х or һ is too rare in names to matter, and taking it too keeps кх = қһ',
  },
  {
    pattern: /shch/gu,
    replacement: 'sch',
    why: 'щ is "shch" (BGN) or "sch"; "sch" otherwise spells сч, which is pronounced щ anyway',
  },
  {
    pattern: /ts/gu,
    replacement: 'c',
    why: 'ц is "ts" (BGN) or "c" (ISO, Polish); тс, the only other source of "ts", sounds like ц',
  },
  {
    pattern: /yo/gu,
    replacement: 'e',
    why: 'ё is "yo" or written е (Russian makes the dots optional); "yo" for йо/ьо is too rare to clash',
  },
  {
    pattern: new RegExp(`${WORD_START}[yji][eo]`, 'gu'),
    replacement: '$1e',
    why: 'word-initial е/ё is "e", "ye", "je", "ie", "jo" or "io" by scheme (Ekaterinburg = Yekaterinburg)',
  },
  {
    pattern: /[yj]/gu,
    replacement: 'i',
    why: 'й, ы and и are y, i or j by scheme (Semey = Semei, Krasnyj = Krasnyi); no two places of the region differ only there. (Kazakh Latin j for ж is lost: Jambyl needs an alias.)',
  },
  {
    pattern: /[^\p{L}\p{N}]+|\p{Lm}+/gu,
    replacement: '',
    why: 'hyphens, spaces, apostrophes (ISO ʹ for ь, Kazakh Latin 2018 a\'), dots and brackets vary freely: Ust-Kamenogorsk = Ust Kamenogorsk',
  },
  {
    pattern: /i{2,}/gu,
    replacement: 'i',
    why: 'ий/ия/ый give "iy", "ii", "iya", "ia" (Krasnyy = Krasny, Aleksandriya = Aleksandria); after the separators go, so Krasnyy Yar = Krasny-Iar',
  },
];

/** Returns the comparison key of a place name (see the module comment). */
export function normalizeName(s: string): string {
  let key = transliterate(s).toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '');
  // Cyrillic letters that NFC keeps whole but are not in the table become
  // table letters once their marks are gone (Ukrainian ї → і, Belarusian ў → у).
  key = transliterate(key).toLowerCase();
  for (const collapse of SPELLING_COLLAPSES) key = key.replace(collapse.pattern, collapse.replacement as string);
  return key;
}
