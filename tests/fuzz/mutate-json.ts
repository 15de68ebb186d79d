// Mutations of valid JSON documents (network files, scenarios) for the fuzz
// suite: fields deleted, values of the wrong type, huge/NaN/negative numbers,
// __proto__/constructor/prototype keys, deep nesting, duplicated elements.
// A case is a list of mutations applied in turn to a fresh copy of a valid
// document, so fast-check shrinks a failure to the fewest mutations.
import fc from 'fast-check';

type Json = unknown;
type Container = Record<string, unknown> | unknown[];
type Path = (string | number)[];

/** A copy built from own keys that keeps an own `__proto__` key as an own key (a literal or structuredClone may not). */
export function copyOwn<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyOwn) as T;
  const copy = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, { value: copyOwn((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return copy as T;
}

/** Sets `obj[key]` as an own data property, even for `__proto__`. */
function defineOwn(obj: Container, key: string | number, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Values that reach a prototype when merged naively (made by JSON.parse, so `__proto__` is an own key). */
const HOSTILE_JSON = [
  '{"__proto__": {"polluted": true, "oneway": true}}',
  '{"constructor": {"prototype": {"polluted": true, "regionCentre": true}}}',
  '{"prototype": {"polluted": true}}',
  '{"a": {"__proto__": {"isAdmin": true}}}',
];

const NUMBERS = [0, -0, -1, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 1, NaN, Infinity, -Infinity, 3.4e38, 1e-320, 0.5];

/** Numbers likely to break arithmetic: huge, tiny, negative, NaN, infinite, plus any double. */
export const weirdNumber: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(...NUMBERS), fc.double(), fc.integer());

/** Any value of the wrong kind for some field: JSON and non-JSON numbers, strings, empty or hostile containers. */
export const weirdValue: fc.Arbitrary<Json> = fc.oneof(
  weirdNumber,
  fc.constantFrom<Json>(null, true, false, '', ' ', '-', '0', 'true', 'x'.repeat(300), '🚂🚂', 'Омск', '\u0000', '__proto__'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('[]', '{}', '[null]', '[[]]', '[""]', '{"id": 1}', ...HOSTILE_JSON).map((text) => JSON.parse(text) as Json),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Keys to add: the ones that reach a prototype, the formats' own field names (in the wrong place), misspellings. */
export function keyPool(formatKeys: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'),
    fc.constantFrom(...formatKeys),
    fc.constantFrom(...formatKeys).map((k) => k.slice(0, -1) + k.slice(-1).repeat(2)),
    fc.string({ maxLength: 8 }),
  );
}

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'number'; at: number; value: number }
  | { kind: 'add-key'; at: number; key: string; value: Json }
  | { kind: 'duplicate'; at: number; element: number }
  | { kind: 'nest'; at: number; depth: number; inObjects: boolean };

export function mutation(formatKeys: readonly string[]): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at }),
    fc.record({ kind: fc.constant('replace' as const), at, value: weirdValue }),
    fc.record({ kind: fc.constant('number' as const), at, value: weirdNumber }),
    fc.record({ kind: fc.constant('add-key' as const), at, key: keyPool(formatKeys), value: weirdValue }),
    fc.record({ kind: fc.constant('duplicate' as const), at, element: fc.nat() }),
    // 65 is just past the loaders' depth limit; 2,000 is deep enough to overflow a naive recursion's stack in places.
    fc.record({ kind: fc.constant('nest' as const), at, depth: fc.constantFrom(3, 65, 2000), inObjects: fc.boolean() }),
  );
}

/** Every path in `doc`, parents before children; the root is []. */
function paths(doc: Json): { path: Path; value: Json }[] {
  const out: { path: Path; value: Json }[] = [];
  const visit = (value: Json, path: Path, depth: number) => {
    out.push({ path, value });
    // Mutations never need to reach inside runaway nesting they made themselves.
    if (typeof value !== 'object' || value === null || depth > 20) return;
    const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const key of keys) visit((value as Record<string | number, unknown>)[key], [...path, key], depth + 1);
  };
  visit(doc, [], 0);
  return out;
}

function parentOf(doc: Json, path: Path): Container {
  let node = doc as Container;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key] as Container;
  return node;
}

function nested(value: Json, depth: number, inObjects: boolean): Json {
  let v = value;
  for (let i = 0; i < depth; i++) v = inObjects ? { a: v } : [v];
  return v;
}

/**
 * Applies mutations to a copy of `doc` (a tree: values `doc` shares, such as
 * a fixture's constants, are never changed) and returns it. A mutation that
 * does not apply (delete on the root, no number left to change) is skipped.
 */
export function applyMutations(doc: Json, mutations: readonly Mutation[]): Json {
  let root = copyOwn(doc);
  for (const m of mutations) {
    const all = paths(root);
    const pick = <T>(list: T[]): T | undefined => (list.length ? list[m.at % list.length] : undefined);
    const set = (path: Path, value: Json) => (path.length === 0 ? (root = value) : defineOwn(parentOf(root, path), path[path.length - 1]!, value));
    switch (m.kind) {
      case 'delete': {
        const target = pick(all.filter((p) => p.path.length > 0));
        if (!target) break;
        const parent = parentOf(root, target.path);
        const key = target.path[target.path.length - 1]!;
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      }
      case 'replace':
        set(pick(all)!.path, copyOwn(m.value));
        break;
      case 'number': {
        const target = pick(all.filter((p) => typeof p.value === 'number'));
        if (target) set(target.path, m.value);
        break;
      }
      case 'add-key': {
        const target = pick(all.filter((p) => typeof p.value === 'object' && p.value !== null && !Array.isArray(p.value)));
        if (target) defineOwn(target.value as Container, m.key, copyOwn(m.value));
        break;
      }
      case 'duplicate': {
        const target = pick(all.filter((p) => Array.isArray(p.value) && p.value.length > 0));
        if (target) {
          const list = target.value as unknown[];
          list.push(copyOwn(list[m.element % list.length]));
        }
        break;
      }
      case 'nest': {
        const target = pick(all)!;
        set(target.path, nested(target.value, m.depth, m.inObjects));
        break;
      }
    }
  }
  return root;
}

/**
 * One to `max` mutations. A property applies them itself (applyMutations on a
 * fresh copy of a named base document), so a failure prints as the short list
 * of mutations, not as the (possibly 2,000-deep) document.
 */
export function mutations(formatKeys: readonly string[], max = 5): fc.Arbitrary<Mutation[]> {
  return fc.array(mutation(formatKeys), { minLength: 1, maxLength: max });
}
