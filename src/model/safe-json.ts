/**
 * Guards for JSON data from outside (network files, scenario files, objects
 * handed to the library) before anything copies or merges it.
 *
 * `JSON.parse('{"__proto__": {...}}')` makes `__proto__` an OWN property of the
 * parsed object; a naive merge then reads `target.__proto__` (which is
 * Object.prototype) and writes into it, changing every object in the process.
 * `constructor` and `prototype` lead to the same place (`x.constructor.prototype`).
 * So these keys are refused wherever they appear, and merges and copies iterate
 * own keys only and build fresh plain objects.
 */

/** Keys that could reach an object's prototype; never accepted in input data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Nesting deeper than this is refused: no field of the formats needs more than a few levels. */
export const MAX_JSON_DEPTH = 64;

/** How much of a runaway path a message shows. */
const SHOWN_LEVELS = 8;

export type JsonPath = readonly (string | number)[];

export interface JsonProblem {
  /** Where: object keys and array indices from the root. */
  path: JsonPath;
  message: string;
  /** True when the value cannot safely be inspected further (too deep, a cycle). */
  fatal: boolean;
}

const FORBIDDEN_MESSAGE = "forbidden key (__proto__, constructor and prototype could change every object's prototype)";

/** `a.b[0].c`, from path segments. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  return out;
}

/** `path.key` or `path[i]`, for building paths as strings. */
export function childPath(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The own property `key` of `obj`, never an inherited one. */
export function own(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/**
 * Every forbidden key in `value`, at any depth (own enumerable keys), plus
 * nesting deeper than MAX_JSON_DEPTH and cycles (which a library caller's
 * object could have). Recursion stops at the depth limit, so this never
 * overflows the stack.
 */
export function unsafeJson(value: unknown, root: JsonPath = []): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const ancestors = new Set<object>();
  const path: (string | number)[] = [...root];
  const visit = (v: unknown, depth: number): void => {
    if (typeof v !== 'object' || v === null) return;
    if (ancestors.has(v)) {
      problems.push({ path: [...path], message: 'refers back to an object that contains it (a cycle)', fatal: true });
      return;
    }
    if (depth >= MAX_JSON_DEPTH) {
      // Named by where the runaway nesting starts to look deep, not by its full path.
      const shown = Math.min(path.length, root.length + SHOWN_LEVELS);
      problems.push({ path: path.slice(0, shown), message: `nested more than ${MAX_JSON_DEPTH} levels deep (from here on)`, fatal: true });
      return;
    }
    ancestors.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        visit(v[i], depth + 1);
        path.pop();
      }
    } else {
      for (const key of Object.keys(v)) {
        path.push(key);
        if (FORBIDDEN_KEYS.has(key)) problems.push({ path: [...path], message: FORBIDDEN_MESSAGE, fatal: false });
        // Look inside anyway, so that every forbidden key is named at once.
        visit((v as Record<string, unknown>)[key], depth + 1);
        path.pop();
      }
    }
    ancestors.delete(v);
  };
  visit(value, 0);
  return problems;
}

/**
 * A deep copy of JSON data as fresh plain objects and arrays, built from own
 * keys; forbidden keys are left out. Call it on data `unsafeJson` passed
 * (its depth is bounded).
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!FORBIDDEN_KEYS.has(key)) copy[key] = cloneJson((value as Record<string, unknown>)[key]);
  }
  return copy as T;
}
