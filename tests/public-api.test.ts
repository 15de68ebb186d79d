import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as main from 'steppenet';
import * as core from 'steppenet/core';
import * as errors from '../src/errors/index.js';

// What users may import: the two entry points, as the README's "What is public" lists them.
// (Types are checked by the API reports in etc/, which `npm test` compares with the code.)

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The names in backticks on the bullet lines of the README's block for one entry point. */
function namesListedFor(entry: 'steppenet' | 'steppenet/core'): string[] {
  const section = readme.slice(readme.indexOf('### What is public'), readme.indexOf('### Load, route, explain'));
  const start = section.indexOf(`**\`${entry}\`**`);
  expect(start, `README lists ${entry}`).toBeGreaterThanOrEqual(0);
  const end = entry === 'steppenet' ? section.indexOf('**`steppenet/core`**') : section.length;
  const bullets = section.slice(start, end).split(/\n(?=- )/).filter((b) => b.startsWith('- ')).join('\n');
  return [...bullets.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1]);
}

// Helpers of the implementation, never part of the API (a rename of one must not break users).
const INTERNALS = [
  'checkNode', 'checkOptions', 'searchLimit', 'notFound', 'finishPath', 'pathFromParents', 'edgesFromParents', 'nodesAlong', 'pathCost',
  'IndexedMinHeap', 'HeapItemError', 'mulberry32', 'hilbertIndex', 'greatCircleKm', 'haversineKm',
  'landmarkBytes', 'contractionHierarchyBytes', 'shortcutCount', 'graphFingerprint', 'clusterShortcuts', 'crc32', 'CH_FILE_VERSION',
  'serializeContractionHierarchy', 'deserializeContractionHierarchy',
  'edgeKey', 'bundledPath', 'mergeProperties', 'withScenario', 'regimeAllows', 'regimeRefusal', 'describePlace', 'damerauDistance', 'fuzzyThreshold',
  'makeQuery', 'routeCompiled', 'resolveAvoid', 'countryCode', 'weightOf', 'DriverClock', 'checkpointPassable',
  'resolveOdPairs', 'selectLinks', 'linkName', 'edgesTouchingCountry', 'ThroughEdgeSetQuery', 'AlternativeRoutes', 'DisjointRouteFinder',
];

describe('public API', () => {
  it('the entry points name every export (no export *), so no internal becomes public by accident', () => {
    for (const file of ['../src/index.ts', '../src/core/index.ts']) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/export \*/);
    }
  });

  it('exports none of the known internals from either entry point', () => {
    const exported = new Set([...Object.keys(main), ...Object.keys(core)]);
    expect(INTERNALS.filter((name) => exported.has(name))).toEqual([]);
  });

  it('steppenet exports exactly the names the README lists for it', () => {
    expect(Object.keys(main).sort()).toEqual(namesListedFor('steppenet').sort());
  });

  it('steppenet/core exports exactly the names the README lists for it', () => {
    expect(Object.keys(core).sort()).toEqual(namesListedFor('steppenet/core').sort());
  });

  it('the main entry does not re-export the core (only the error model is on both)', () => {
    const errorModel = new Set(Object.keys(errors));
    expect(Object.keys(main).filter((name) => name in core && !errorModel.has(name))).toEqual([]);
  });
});
