import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';

// The folders of src/ import one way, downwards (.dependency-cruiser.cjs has
// the layers); no file imports itself through others.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The rule violations in `dir`'s src/, as "rule: from → to". */
async function violations(dir: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
  // Paths relative to `dir`, as the rules see them (^src/...).
  const { output } = await cruise(['src'], { ...options, baseDir: dir, validate: true });
  return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('folder dependencies', () => {
  it('src/ follows the layers and has no import cycle', async () => {
    expect(await violations(root)).toEqual([]);
  }, 60_000);

  it('the check catches an import upwards, a folder in no layer and a cycle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steppenet-layers-'));
    const file = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    file('src/model/network.ts', "import { normalizeName } from '../places/normalize-name.js';\nexport const network = normalizeName;\n");
    file('src/places/normalize-name.ts', "import { MAX } from '../model/limits.js';\nexport const normalizeName = (s: string) => s.slice(0, MAX);\n");
    file('src/model/limits.ts', 'export const MAX = 200;\n');
    file('src/report/markdown.ts', "import { formatTable } from '../cli/format-table.js';\nexport const md = formatTable;\n");
    file('src/cli/format-table.ts', 'export const formatTable = (s: string) => s;\n');
    file('src/misc/helper.ts', "import { MAX } from '../model/limits.js';\nexport const helper = MAX;\n");
    file('src/core/a.ts', "import { b } from './b.js';\nexport const a = () => b;\n");
    file('src/core/b.ts', "import { a } from './a.js';\nexport const b = () => a;\n");
    expect((await violations(dir)).sort()).toEqual([
      'no-circular: src/core/a.ts → src/core/b.ts',
      'places-imports-only-below: src/places/normalize-name.ts → src/model/limits.ts',
      'report-imports-only-below: src/report/markdown.ts → src/cli/format-table.ts',
      'src-folder-in-no-layer: src/misc/helper.ts → src/model/limits.ts',
    ]);
  }, 60_000);
});
