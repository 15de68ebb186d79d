import { describe, expect, it } from 'vitest';
import { HeapItemError, IndexedMinHeap } from '../src/core/min-heap.js';
import { mulberry32 } from './fixtures/prng.js';


/** The obvious reference: a plain list of [item, key], searched linearly. */
class ReferenceHeap {
  entries: Array<{ item: number; key: number }> = [];
  contains(item: number): boolean {
    return this.entries.some((e) => e.item === item);
  }
  push(item: number, key: number): void {
    this.entries.push({ item, key });
  }
  decrease(item: number, key: number): void {
    this.entries.find((e) => e.item === item)!.key = key;
  }
  minKey(): number {
    return this.entries.reduce((m, e) => Math.min(m, e.key), Infinity);
  }
  /** Removes one entry with the smallest key and returns that key. */
  popKey(): number {
    const k = this.minKey();
    this.entries.splice(
      this.entries.findIndex((e) => e.key === k),
      1,
    );
    return k;
  }
}

describe('IndexedMinHeap', () => {
  it('pops items in key order: push 5:3, 2:1, 7:2 pops 2, 7, 5', () => {
    const heap = new IndexedMinHeap(10);
    heap.push(5, 3);
    heap.push(2, 1);
    heap.push(7, 2);
    expect(heap.size).toBe(3);
    expect(heap.peek()).toBe(2);
    expect([heap.pop(), heap.pop(), heap.pop()]).toEqual([2, 7, 5]);
    expect(heap.pop()).toBe(-1);
    expect(heap.minKey()).toBe(Infinity);
  });

  it('decreaseKey moves an item to the front', () => {
    const heap = new IndexedMinHeap(4);
    heap.push(0, 10);
    heap.push(1, 20);
    heap.push(2, 30);
    heap.decreaseKey(2, 5);
    expect(heap.keyOf(2)).toBe(5);
    expect(heap.pop()).toBe(2);
    expect(heap.pop()).toBe(0);
  });

  it('rejects pushing an item twice, an item outside its capacity, and a key that does not decrease', () => {
    const heap = new IndexedMinHeap(3);
    heap.push(1, 1);
    expect(() => heap.push(1, 0)).toThrow(HeapItemError);
    expect(() => heap.push(3, 0)).toThrow(/outside 0..2/);
    expect(() => heap.decreaseKey(1, 2)).toThrow(/not lower/);
    expect(() => heap.decreaseKey(0, 0)).toThrow(/not in the heap/);
  });

  it('clear empties the heap so items can be pushed again', () => {
    const heap = new IndexedMinHeap(3);
    heap.push(0, 1);
    heap.push(1, 2);
    heap.clear();
    expect(heap.isEmpty()).toBe(true);
    expect(heap.contains(0)).toBe(false);
    heap.push(0, 9);
    expect(heap.pop()).toBe(0);
  });

  it('matches a linear-scan reference on 200 random push/decrease/pop sequences', () => {
    const random = mulberry32(20240611);
    let operations = 0;
    for (let round = 0; round < 200; round++) {
      const capacity = 1 + Math.floor(random() * 60);
      const heap = new IndexedMinHeap(capacity);
      const reference = new ReferenceHeap();
      const steps = Math.floor(random() * 400);
      for (let s = 0; s < steps; s++) {
        const r = random();
        const item = Math.floor(random() * capacity);
        // Integer keys in a small range, so ties are frequent.
        const key = Math.floor(random() * 20);
        if (r < 0.45) {
          if (reference.contains(item)) {
            const current = heap.keyOf(item);
            if (key < current) {
              heap.decreaseKey(item, key);
              reference.decrease(item, key);
            }
          } else {
            heap.push(item, key);
            reference.push(item, key);
          }
        } else if (r < 0.6) {
          // pushOrDecrease with a lower key behaves as push or decreaseKey.
          if (!reference.contains(item)) {
            heap.pushOrDecrease(item, key);
            reference.push(item, key);
          } else if (key < heap.keyOf(item)) {
            heap.pushOrDecrease(item, key);
            reference.decrease(item, key);
          }
        } else if (r < 0.98) {
          const expectedKey = reference.minKey();
          expect(heap.minKey()).toBe(expectedKey);
          if (expectedKey === Infinity) {
            expect(heap.pop()).toBe(-1);
          } else {
            const item2 = heap.pop();
            // The popped item must be one the reference holds with the smallest key.
            expect(reference.entries.find((e) => e.item === item2)?.key).toBe(expectedKey);
            reference.entries = reference.entries.filter((e) => e.item !== item2);
          }
        } else {
          heap.clear();
          reference.entries = [];
        }
        expect(heap.size).toBe(reference.entries.length);
        operations++;
      }
      // Drain: keys must come out sorted and match the reference exactly.
      const drained: number[] = [];
      while (!heap.isEmpty()) {
        drained.push(heap.minKey());
        heap.pop();
      }
      const expected: number[] = [];
      while (reference.entries.length > 0) expected.push(reference.popKey());
      expect(drained).toEqual(expected);
    }
    expect(operations).toBeGreaterThan(20000);
  });
});
