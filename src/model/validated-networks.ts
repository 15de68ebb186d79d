import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ValidateOptions } from './validate-network.js';

/**
 * Networks validated when the package was built, so that each CLI call need
 * not validate the bundled network again (~0.1 s of its start-up, issue 16).
 * `npm run build` validates the bundled network with the compiled code and,
 * if it passes, writes the SHA-256 of its text to validated-networks.json
 * next to this module in dist/ (scripts/validated-networks.mjs). A file whose
 * text has that digest is the same text, so it passes again; any other file,
 * or any file under other validation options, is validated as always. Under
 * src/ (tests, tsx) there is no record, and every file is validated.
 */
export const VALIDATED_NETWORKS_RECORD = new URL('./validated-networks.json', import.meta.url);

interface ValidatedRecord {
  sha256: string[];
}

export const networkDigest = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Whether this text passed validation with the default options when the package was built. */
export function validatedAtBuild(text: string, options: ValidateOptions, record: URL = VALIDATED_NETWORKS_RECORD): boolean {
  if (options.checkCountries !== undefined || options.countryToleranceKm !== undefined) return false;
  let digests: unknown;
  try {
    digests = (JSON.parse(readFileSync(record, 'utf8')) as ValidatedRecord).sha256;
  } catch {
    return false;
  }
  return Array.isArray(digests) && digests.includes(networkDigest(text));
}

/** Writes the record of the texts given (each already validated by the caller). */
export function writeValidatedRecord(texts: string[], record: URL = VALIDATED_NETWORKS_RECORD): void {
  const content: ValidatedRecord = { sha256: texts.map(networkDigest) };
  writeFileSync(record, JSON.stringify(content, null, 2) + '\n');
}
