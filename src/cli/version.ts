import { readFileSync } from 'node:fs';
import { bundledPath } from '../io/bundled-files.js';

/** The version in the package's package.json, read at run time (from src/ under tsx or vitest, and from dist/). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(bundledPath('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
