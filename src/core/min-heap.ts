import { InternalError } from '../errors/steppenet-error.js';

/**
 * An indexed binary min-heap of integer items 0..capacity-1 keyed by numbers,
 * stored in typed arrays, with decrease-key. Items are node ids in the
 * shortest-path queries; `positionOf` lets a query find and lower an item's key
 * in O(log n) instead of pushing duplicates.
 *
 * Keys are stored in heap order next to the items, so sifting reads one
 * contiguous array instead of jumping through node-indexed memory.
 */
export class HeapItemError extends InternalError {
  constructor(
    readonly functionName: string,
    readonly item: number,
    detail: string,
  ) {
    super(`IndexedMinHeap.${functionName}: item ${item} ${detail}`);
  }
}

export class IndexedMinHeap {
  /** Heap slot -> item. */
  private readonly items: Int32Array;
  /** Heap slot -> key of the item in that slot. */
  private readonly keys: Float64Array;
  /** Item -> heap slot, or -1 when the item is not in the heap. */
  private readonly slotOf: Int32Array;
  private count = 0;

  constructor(readonly capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.slotOf = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  isEmpty(): boolean {
    return this.count === 0;
  }

  contains(item: number): boolean {
    return this.slotOf[item] >= 0;
  }

  /** Key of an item in the heap (undefined behaviour if it is not in the heap; check `contains`). */
  keyOf(item: number): number {
    return this.keys[this.slotOf[item]];
  }

  /** Smallest key, Infinity when empty. */
  minKey(): number {
    return this.count === 0 ? Infinity : this.keys[0];
  }

  /** Item with the smallest key, -1 when empty. */
  peek(): number {
    return this.count === 0 ? -1 : this.items[0];
  }

  /** Empties the heap in O(size), not O(capacity). */
  clear(): void {
    const items = this.items;
    const slotOf = this.slotOf;
    for (let i = 0; i < this.count; i++) slotOf[items[i]] = -1;
    this.count = 0;
  }

  /** Adds an item that is not in the heap. */
  push(item: number, key: number): void {
    if (this.slotOf[item] !== -1) {
      if (!(Number.isInteger(item) && item >= 0 && item < this.capacity)) throw new HeapItemError('push', item, `is outside 0..${this.capacity - 1}`);
      throw new HeapItemError('push', item, 'is already in the heap');
    }
    this.siftUp(this.count++, item, key);
  }

  /** Lowers the key of an item in the heap; a key that is not lower is an error. */
  decreaseKey(item: number, key: number): void {
    const slot = this.slotOf[item];
    if (!(slot >= 0)) throw new HeapItemError('decreaseKey', item, 'is not in the heap');
    if (!(key <= this.keys[slot])) {
      throw new HeapItemError('decreaseKey', item, `has key ${this.keys[slot]}; ${key} is not lower`);
    }
    this.siftUp(slot, item, key);
  }

  /** Pushes the item, or lowers its key if it is already in the heap (callers only call it with a lower key). */
  pushOrDecrease(item: number, key: number): void {
    const slot = this.slotOf[item];
    this.siftUp(slot >= 0 ? slot : this.count++, item, key);
  }

  /** Removes and returns the item with the smallest key; -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const items = this.items;
    const top = items[0];
    this.slotOf[top] = -1;
    const last = --this.count;
    if (last > 0) this.siftDown(0, items[last], this.keys[last]);
    return top;
  }

  /** Moves a hole at `slot` up until `key` fits, then stores item there. */
  private siftUp(slot: number, item: number, key: number): void {
    const items = this.items;
    const keys = this.keys;
    const slotOf = this.slotOf;
    while (slot > 0) {
      const parent = (slot - 1) >> 1;
      const parentKey = keys[parent];
      if (parentKey <= key) break;
      const parentItem = items[parent];
      items[slot] = parentItem;
      keys[slot] = parentKey;
      slotOf[parentItem] = slot;
      slot = parent;
    }
    items[slot] = item;
    keys[slot] = key;
    slotOf[item] = slot;
  }

  /** Moves a hole at `slot` down until `key` fits, then stores item there. */
  private siftDown(slot: number, item: number, key: number): void {
    const items = this.items;
    const keys = this.keys;
    const slotOf = this.slotOf;
    const count = this.count;
    for (;;) {
      let child = 2 * slot + 1;
      if (child >= count) break;
      let childKey = keys[child];
      const right = child + 1;
      if (right < count && keys[right] < childKey) {
        child = right;
        childKey = keys[right];
      }
      if (key <= childKey) break;
      const childItem = items[child];
      items[slot] = childItem;
      keys[slot] = childKey;
      slotOf[childItem] = slot;
      slot = child;
    }
    items[slot] = item;
    keys[slot] = key;
    slotOf[item] = slot;
  }
}
