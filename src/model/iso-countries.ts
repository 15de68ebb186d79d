import { createRequire } from 'node:module';
import type Countries from 'i18n-iso-countries/index.js';

// The library without its entry point, which loads all 80 locale files (~40 ms of every CLI call, issue 16):
// the codes need no locale, and the two name lookups register theirs on first use. It is read (a CommonJS require)
// on the first question: a route on a network validated at build time asks none, and evaluating the library's
// tables is ~5 ms of its start-up.
const requireCjs = createRequire(import.meta.url);
let library: typeof Countries | undefined;
const countries = (): typeof Countries => (library ??= requireCjs('i18n-iso-countries/index.js') as typeof Countries);

/** Whether `code` is an ISO 3166-1 alpha-2 code. */
export const isAlpha2 = (code: string): boolean => countries().isValid(code);

/** The alpha-2 code of an ISO 3166-1 numeric code ("398" → KZ). */
export const numericToAlpha2 = (numeric: string): string | undefined => countries().numericToAlpha2(numeric);

let namesRegistered = false;

/** The alpha-2 code of a country's name in English or Russian ("Kazakhstan", "Казахстан"), if it is one. */
export function alpha2OfName(name: string): string | undefined {
  if (!namesRegistered) {
    for (const lang of ['en', 'ru']) countries().registerLocale(requireCjs(`i18n-iso-countries/langs/${lang}.json`) as Parameters<typeof Countries.registerLocale>[0]);
    namesRegistered = true;
  }
  return countries().getAlpha2Code(name, 'en') ?? countries().getAlpha2Code(name, 'ru');
}
