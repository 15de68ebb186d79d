// The record of networks validated at build time (start-up, issue 16): only the very text recorded, under the default options, skips validation.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatedAtBuild, writeValidatedRecord } from '../src/model/validated-networks.js';
import { BUNDLED_NETWORK, bundledPath } from '../src/io/bundled-files.js';

const dir = mkdtempSync(join(tmpdir(), 'steppenet-validated-'));
const record = pathToFileURL(join(dir, 'validated-networks.json'));
const text = readFileSync(bundledPath(BUNDLED_NETWORK), 'utf8');

describe('validatedAtBuild', () => {
  it('knows the text recorded, under the default options only', () => {
    writeValidatedRecord([text], record);
    expect(validatedAtBuild(text, {}, record)).toBe(true);
    expect(validatedAtBuild(text, { checkCountries: false }, record)).toBe(false);
    expect(validatedAtBuild(text, { countryToleranceKm: 1 }, record)).toBe(false);
  });

  it('does not know a text changed by one character', () => {
    writeValidatedRecord([text], record);
    expect(validatedAtBuild(text.replace('"Omsk"', '"Omsk "'), {}, record)).toBe(false);
    expect(validatedAtBuild(text + ' ', {}, record)).toBe(false);
  });

  it('knows nothing without a record, or with one it cannot read', () => {
    expect(validatedAtBuild(text, {}, pathToFileURL(join(dir, 'none.json')))).toBe(false);
    writeFileSync(record, '{"sha256": ');
    expect(validatedAtBuild(text, {}, record)).toBe(false);
    writeFileSync(record, '{"sha256": "not a list"}');
    expect(validatedAtBuild(text, {}, record)).toBe(false);
  });

  it('has no record under src/, so that tests validate every network', () => {
    expect(validatedAtBuild(text, {})).toBe(false);
  });
});
