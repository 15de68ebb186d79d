import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, ERROR_CODES, httpError, InputError, InternalError, SteppenetError, SystemError } from '../src/errors/index.js';
import { NetworkValidationError } from '../src/model/network-validation-error.js';
import { UnknownRegionError } from '../src/model/regions.js';
import { StaleTreeError } from '../src/core/dijkstra.js';
import { OutputWriteError } from '../src/report/write-report.js';

const SRC = join(import.meta.dirname, '../src');

/** The CLI's entry points, which run on import. */
const ENTRY_POINTS = new Set(['cli/main.ts', 'cli/route-main.ts', 'cli/bin.cts'].map((f) => join(SRC, f)));

/** Every module of src (but the entry points). */
function sourceModules(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceModules(join(dir, e.name)) : e.name.endsWith('.ts') && !ENTRY_POINTS.has(join(dir, e.name)) ? [join(dir, e.name)] : [],
  );
}

/** Every error class exported by a module of src, as "file: Name". */
async function exportedErrorClasses(): Promise<Map<string, Function & { code?: unknown }>> {
  const classes = new Map<string, Function & { code?: unknown }>();
  for (const file of sourceModules()) {
    for (const [name, value] of Object.entries(await import(file))) {
      if (typeof value === 'function' && value.prototype instanceof Error) classes.set(`${relative(SRC, file)}: ${name}`, value);
    }
  }
  return classes;
}

describe('the error model', () => {
  it('every exported error class of src is a SteppenetError of one category, with a listed code', async () => {
    const classes = await exportedErrorClasses();
    expect(classes.size).toBeGreaterThan(40);
    const bases = [InputError, DataError, SystemError, InternalError];
    for (const [where, type] of classes) {
      if (type === SteppenetError) continue;
      expect(bases.filter((base) => type === base || type.prototype instanceof base), where).toHaveLength(1);
      expect(Object.keys(ERROR_CODES), where).toContain(type.code);
    }
  });

  it('every listed code is some class\'s code', async () => {
    const used = new Set([...(await exportedErrorClasses()).values()].map((type) => type.code));
    expect(Object.keys(ERROR_CODES).filter((code) => !used.has(code))).toEqual([]);
  });

  it('an error carries its class\'s name and code', () => {
    const error = new StaleTreeError('pathTo');
    expect(error).toBeInstanceOf(InternalError);
    expect(error).toMatchObject({ name: 'StaleTreeError', code: 'INTERNAL' });
    expect(String(error)).toMatch(/^StaleTreeError: ShortestPathTree\.pathTo: /);
    expect(new UnknownRegionError('Atyrau', [])).toMatchObject({ name: 'UnknownRegionError', code: 'UNKNOWN_NAME' });
  });

  it('maps an error to its HTTP status and code by category, and tells a 500 nothing internal', () => {
    const unknownRegion = new UnknownRegionError('Atyrau', ['Atyrau Region']);
    expect(httpError(unknownRegion)).toEqual({ status: 400, code: 'UNKNOWN_NAME', message: unknownRegion.message });
    const invalid = new NetworkValidationError([{ feature: 'omsk', field: 'name', message: 'missing name' }], 'net.geojson');
    expect(httpError(invalid)).toEqual({ status: 422, code: 'INVALID_NETWORK', message: invalid.message });
    expect(invalid.message).toContain('omsk name: missing name');
    expect(httpError(new OutputWriteError('cannot write /srv/out/report.md: no space left on the device'))).toEqual({ status: 500, code: 'WRITE_FAILED', message: 'internal error' });
    expect(httpError(new StaleTreeError('pathTo'))).toEqual({ status: 500, code: 'INTERNAL', message: 'internal error' });
    expect(httpError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({ status: 500, code: 'INTERNAL', message: 'internal error' });
    expect(httpError('a string thrown')).toEqual({ status: 500, code: 'INTERNAL', message: 'internal error' });
  });
});
