import { afterEach, describe, expect, it, vi } from 'vitest';

// examples/table-and-batch.ts runs as a user would run it (tests/examples.test.ts checks the README quotes it).
describe('examples/table-and-batch.ts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the table (null with a reason), the snapped place and the batch with its bad row', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    await import('../examples/table-and-batch.js');
    expect(lines).toContain('Omsk → Semey: 109.4 h');
    expect(lines).toContain('Kostanay → Semey: null (Kostanay serves rail, road only; allowed modes: river)');
    expect(lines).toContain('54.98,73.37 snapped to Omsk, 1.0 km away');
    expect(lines.slice(-3)).toEqual([
      'line 2: 423 km',
      'line 3: UNKNOWN_PLACE: Unknown place "Omskk". Did you mean: Omsk (city, RU, Omsk Oblast)?',
      'line 4: 497 km',
    ]);
  });
});
