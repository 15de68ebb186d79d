// Checks that a fuzz case left the built-in prototypes as they were: a
// polluted Object.prototype would change every object in the process (a
// scenario's `{"__proto__": {"oneway": true}}` made every link one-way).
const PROTOTYPES = { 'Object.prototype': Object.prototype, 'Array.prototype': Array.prototype, 'Function.prototype': Function.prototype };
const before = new Map(Object.entries(PROTOTYPES).map(([name, proto]) => [name, new Set(Reflect.ownKeys(proto))]));

/** Keys the issue names, probed the way a victim would see them. */
const PROBES = ['oneway', 'regionCentre', 'polluted', 'status', 'isAdmin'];

/**
 * Throws when any built-in prototype gained a key (or `({}).oneway` etc. is
 * defined), after removing the keys so that one bad case does not spoil the
 * rest of the run.
 */
export function expectPrototypesClean(): void {
  const added: string[] = [];
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    for (const key of Reflect.ownKeys(proto)) {
      if (before.get(name)!.has(key)) continue;
      added.push(`${name}.${String(key)}`);
      delete (proto as Record<PropertyKey, unknown>)[key];
    }
  }
  const probe = {} as Record<string, unknown>;
  const visible = PROBES.filter((key) => probe[key] !== undefined);
  if (added.length || visible.length) throw new Error(`prototype polluted: ${[...added, ...visible.map((k) => `({}).${k}`)].join(', ')}`);
}
