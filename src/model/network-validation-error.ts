/** One thing wrong with a network file: which feature, which field, what. */
export interface ValidationProblem {
  /** The feature's id, or `#<index>` when it has none, or `(collection)`. */
  feature: string;
  field: string;
  message: string;
}

/** Thrown by the loader with every problem found, never just the first. */
export class NetworkValidationError extends Error {
  constructor(
    readonly problems: ValidationProblem[],
    readonly source = 'network',
  ) {
    super(
      `${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n` +
        problems.map((p) => `  - ${p.feature} ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'NetworkValidationError';
  }
}
