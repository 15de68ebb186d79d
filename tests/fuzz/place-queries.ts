// Place names as a user types them, for the CLI and library fuzz: real
// names, aliases and ids of the network, mistyped, in other scripts, or text
// that names no place at all.
import fc from 'fast-check';
import type { Network } from '../../src/model/network.js';

/** `text` with one typo: two letters swapped, one dropped, doubled or replaced, or the case changed. */
export function typo(text: string): fc.Arbitrary<string> {
  if (text.length === 0) return fc.constant(text);
  return fc.tuple(fc.nat({ max: text.length - 1 }), fc.constantFrom('swap', 'drop', 'double', 'replace', 'case'), fc.string({ minLength: 1, maxLength: 1 })).map(([i, kind, c]) => {
    switch (kind) {
      case 'swap':
        return i + 1 < text.length ? text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2) : text;
      case 'drop':
        return text.slice(0, i) + text.slice(i + 1);
      case 'double':
        return text.slice(0, i + 1) + text.slice(i);
      case 'replace':
        return text.slice(0, i) + c + text.slice(i + 1);
      default:
        return text.toUpperCase() === text ? text.toLowerCase() : text.toUpperCase();
    }
  });
}

/** Names, aliases and ids of the network's places. */
export function placeNames(network: Network): string[] {
  return network.places.flatMap((p) => [p.properties.name, p.properties.id, ...(p.properties.aliases ?? [])]);
}

/** A place query: a real name (often), mistyped, unicode, empty or long text, or a few names glued together. */
export function placeQuery(network: Network): fc.Arbitrary<string> {
  const names = fc.constantFrom(...placeNames(network));
  return fc.oneof(
    { weight: 4, arbitrary: names },
    { weight: 3, arbitrary: names.chain(typo) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '-', '---', '...', '0', '🚂', 'Ω', 'x'.repeat(201), 'omsk'.repeat(60), 'Omsk\u0000', ' Omsk ', 'OMSK') },
    { weight: 1, arbitrary: fc.array(names, { minLength: 2, maxLength: 3 }).map((n) => n.join(' ')) },
  );
}
