/**
 * Cyrillic → Latin transliteration for place names of the Kazakhstan–Russia
 * border area: the Russian alphabet plus the nine Kazakh letters.
 *
 * One fixed, readable scheme (simplified BGN/PCGN, the one road signs and
 * most English-language maps use): х → kh, ц → ts, ж → zh, ю → yu, я → ya,
 * й/ы → y, soft and hard signs dropped. It is for display and as the first
 * step of `normalizeName`; the spelling variants other schemes produce
 * (h, c, ju, ia, …) are collapsed there, not here.
 */

/** Lower-case Cyrillic letter → Latin. Upper case is derived (see `transliterate`). */
const CYRILLIC_TO_LATIN: ReadonlyMap<string, string> = new Map([
  // Russian
  ['а', 'a'], ['б', 'b'], ['в', 'v'], ['г', 'g'], ['д', 'd'], ['е', 'e'],
  ['ё', 'yo'], ['ж', 'zh'], ['з', 'z'], ['и', 'i'], ['й', 'y'], ['к', 'k'],
  ['л', 'l'], ['м', 'm'], ['н', 'n'], ['о', 'o'], ['п', 'p'], ['р', 'r'],
  ['с', 's'], ['т', 't'], ['у', 'u'], ['ф', 'f'], ['х', 'kh'], ['ц', 'ts'],
  ['ч', 'ch'], ['ш', 'sh'], ['щ', 'shch'], ['ъ', ''], ['ы', 'y'], ['ь', ''],
  ['э', 'e'], ['ю', 'yu'], ['я', 'ya'],
  // Kazakh letters, to the nearest Russian-scheme letter (as Kazakh names
  // appear in Russian-derived Latin spellings: Өскемен → Oskemen, Қостанай → Kostanay).
  ['ә', 'a'], ['ғ', 'g'], ['қ', 'k'], ['ң', 'n'], ['ө', 'o'], ['ұ', 'u'],
  ['ү', 'u'], ['һ', 'h'], ['і', 'i'],
]);

/** The lower-case letters the table transliterates (tests/normalize-name.test.ts checks they and their capitals lie in CYRILLIC_BLOCK). */
export const CYRILLIC_LETTERS: readonly string[] = [...CYRILLIC_TO_LATIN.keys()];

/** The Cyrillic block, U+0400–U+04FF: every key of CYRILLIC_TO_LATIN and its capital. */
export const CYRILLIC_BLOCK = /[\u0400-\u04ff]/;

function isUpperCaseLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLowerCaseLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * Transliterates the Cyrillic letters of `s` to Latin; every other character
 * is kept as it is. Case follows the source: "Щучинск" → "Shchuchinsk",
 * "ЩУЧИНСК" → "SHCHUCHINSK".
 */
export function transliterate(s: string): string {
  // NFC first, so that a decomposed й (и + combining breve) is one letter.
  const nfc = s.normalize('NFC');
  // No letter of the table, in either case, lies outside the Cyrillic block, and no character outside it lower-cases
  // into the table (tests/normalize-name.test.ts checks every code point): text without Cyrillic comes back as it is,
  // without the per-letter loop (most names and every id; start-up, issue 16).
  if (!CYRILLIC_BLOCK.test(nfc)) return nfc;
  const chars = Array.from(nfc);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    const latin = CYRILLIC_TO_LATIN.get(lower);
    if (latin === undefined) {
      out += ch;
    } else if (lower === ch || latin.length === 0) {
      out += latin;
    } else if (latin.length > 1 && (isUpperCaseLetter(chars[i + 1]) || (isUpperCaseLetter(chars[i - 1]) && !isLowerCaseLetter(chars[i + 1])))) {
      // Inside an all-capitals word a digraph is all capitals too: ЖЕЗҚАЗҒАН → ZHEZKAZGAN.
      out += latin.toUpperCase();
    } else {
      out += latin[0]!.toUpperCase() + latin.slice(1);
    }
  }
  return out;
}
