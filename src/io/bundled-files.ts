import { fileURLToPath } from 'node:url';

// src/io and dist/io sit at the same depth, so one relative path serves both
// the TypeScript sources (tests) and the compiled package (CLI).
const ROOT = new URL('../../', import.meta.url);

/** Absolute path of a file shipped with the package, e.g. "networks/kz-ru.geojson". */
export function bundledPath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}

export const BUNDLED_NETWORK = 'networks/kz-ru.geojson';

/** The freight demand shipped with the package: tonnes a year between places of the bundled network, every row sourced. */
export const BUNDLED_FREIGHT_DEMAND = 'networks/demand/freight-demand.csv';
