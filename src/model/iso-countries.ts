import { createRequire } from 'node:module';
// The library without its entry point, which loads all 80 locale files (~40 ms of every CLI call, issue 16):
// the codes need no locale, and the two name lookups register theirs on first use.
import countries from 'i18n-iso-countries/index.js';

/** Whether `code` is an ISO 3166-1 alpha-2 code. */
export const isAlpha2 = (code: string): boolean => countries.isValid(code);

/** The alpha-2 code of an ISO 3166-1 numeric code ("398" → KZ). */
export const numericToAlpha2 = (numeric: string): string | undefined => countries.numericToAlpha2(numeric);

let namesRegistered = false;

/** The alpha-2 code of a country's name in English or Russian ("Kazakhstan", "Казахстан"), if it is one. */
export function alpha2OfName(name: string): string | undefined {
  if (!namesRegistered) {
    const require = createRequire(import.meta.url);
    for (const lang of ['en', 'ru']) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`) as Parameters<typeof countries.registerLocale>[0]);
    namesRegistered = true;
  }
  return countries.getAlpha2Code(name, 'en') ?? countries.getAlpha2Code(name, 'ru');
}
