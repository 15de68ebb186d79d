import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPath } from '../src/io/bundled-files.js';

// Road checkpoint posts (`cp-*` places) stand where a source put them or at an
// estimated position whose note says so ("Approximate …"). networks/README.md
// states how many are estimated; this keeps that figure true when a post is
// moved to a published position (networks/notes/crossings.md lists what was
// searched).
interface Feature {
  geometry: { type: string };
  properties: { id?: string; kind?: string; note?: string; sources?: unknown[] };
}
const file = JSON.parse(readFileSync(bundledPath('networks/kz-ru.geojson'), 'utf8')) as {
  features: Feature[];
};
const posts = file.features.filter(
  (f) => f.geometry.type === 'Point' && f.properties.id?.startsWith('cp-'),
);
const estimated = posts.filter((f) => /approximat/i.test(f.properties.note ?? ''));

describe('road checkpoint positions', () => {
  it('every cp-* place is a checkpoint with a source', () => {
    expect(posts.length).toBeGreaterThan(0);
    for (const f of posts) {
      expect(f.properties.kind, f.properties.id).toBe('checkpoint');
      expect(f.properties.sources?.length, f.properties.id).toBeGreaterThan(0);
    }
  });

  it('networks/README.md states the number of estimated positions', () => {
    const readme = readFileSync(bundledPath('networks/README.md'), 'utf8').replace(/\s+/g, ' ');
    const m = /\*\*(\d+) of the (\d+) road checkpoint posts are at estimated positions\*\*/.exec(readme);
    expect(m, 'networks/README.md: "**N of the M road checkpoint posts are at estimated positions**"').not.toBeNull();
    expect([Number(m?.[1]), Number(m?.[2])]).toEqual([estimated.length, posts.length]);
  });
});
