/**
 * The counting sort behind every CSR (compressed sparse row) layout in the
 * core: items 0..itemCount-1, each with a key in 0..keyCount-1 (or < 0 to
 * leave it out), grouped by key in O(keyCount + itemCount). The items of key k
 * are order[first[k] .. first[k+1]-1], in increasing item order.
 */
export interface KeyGroups {
  /** Length keyCount + 1; first[keyCount] is the number of items kept. */
  first: Uint32Array;
  order: Uint32Array;
}

export function groupByKey(keyCount: number, itemCount: number, keyOf: (item: number) => number): KeyGroups {
  const first = new Uint32Array(keyCount + 1);
  const keys = new Int32Array(itemCount);
  for (let i = 0; i < itemCount; i++) {
    const k = keyOf(i);
    keys[i] = k;
    if (k >= 0) first[k + 1]++;
  }
  for (let k = 0; k < keyCount; k++) first[k + 1] += first[k];
  const order = new Uint32Array(first[keyCount]);
  const fill = first.slice(0, keyCount);
  for (let i = 0; i < itemCount; i++) {
    const k = keys[i];
    if (k >= 0) order[fill[k]++] = i;
  }
  return { first, order };
}
