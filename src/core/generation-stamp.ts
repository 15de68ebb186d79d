/**
 * "Has node v been touched in this run?" without clearing an array per run:
 * each run bumps a generation number and a node belongs to the run whose
 * number it carries. Clearing happens once every 2^32 − 1 runs. Before the
 * first next() no node is marked.
 */
export class GenerationStamp {
  private readonly stamp: Uint32Array;
  private generation = 1;

  constructor(size: number) {
    this.stamp = new Uint32Array(size);
  }

  /** Starts a new run (nothing is marked) and returns this. */
  next(): this {
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 0;
    }
    this.generation++;
    return this;
  }

  /** Number of the current run: changes with every next() (it repeats only after 2^32 − 2 runs). */
  get run(): number {
    return this.generation;
  }

  has(v: number): boolean {
    return this.stamp[v] === this.generation;
  }

  mark(v: number): void {
    this.stamp[v] = this.generation;
  }

  /** Takes v out of the current run again. */
  unmark(v: number): void {
    this.stamp[v] = 0;
  }
}
