/** Typed arrays that grow as they fill: the same array if it holds `needed` entries, else a copy of at least twice the room. */
export function grownUint32(array: Uint32Array, needed: number): Uint32Array {
  if (needed <= array.length) return array;
  const next = new Uint32Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

export function grownInt32(array: Int32Array, needed: number): Int32Array {
  if (needed <= array.length) return array;
  const next = new Int32Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

export function grownFloat64(array: Float64Array, needed: number): Float64Array {
  if (needed <= array.length) return array;
  const next = new Float64Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}
