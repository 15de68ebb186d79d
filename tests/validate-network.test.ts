import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../src/model/load-network.js';
import { NetworkValidationError } from '../src/model/network-validation-error.js';
import { validateNetwork } from '../src/model/validate-network.js';
import { link, place, tinyNetwork } from './fixtures/tiny-network.js';

/** The problems as "feature field" strings, easy to compare by eye. */
function problemsOf(file: unknown): string[] {
  return validateNetwork(file).map((p) => `${p.feature} ${p.field}`);
}

// Loosely typed on purpose: the tests write values the schema forbids.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = { properties: Record<string, any>; geometry: { coordinates: any } };

/** The tiny network with one feature edited. */
function withEdit(id: string, edit: (f: Editable) => void) {
  const file = tinyNetwork();
  const feature = file.features.find((f) => f.properties.id === id)!;
  edit(feature as unknown as Editable);
  return file;
}

describe('validateNetwork', () => {
  it('accepts the tiny fixture network', () => {
    expect(problemsOf(tinyNetwork())).toEqual([]);
  });

  it.each([
    ['a duplicate id', () => { const f = tinyNetwork(); f.features.push(place('omsk', 'RU')); return f; }, ['omsk id']],
    ['a link to an unknown place', () => withEdit('omsk-olkhovka', (f) => { f.properties.to = 'nowhere'; }), ['omsk-olkhovka to']],
    ['an unknown mode', () => withEdit('omsk-olkhovka', (f) => { (f.properties as { mode: string }).mode = 'air'; }), ['omsk-olkhovka mode']],
    ['an unknown status', () => withEdit('omsk-olkhovka', (f) => { (f.properties as { status: string }).status = 'closed'; }), ['omsk-olkhovka status']],
    ['an unknown kind', () => withEdit('pavlodar', (f) => { (f.properties as { kind: string }).kind = 'airport'; }), ['pavlodar kind']],
    ['a zero km', () => withEdit('omsk-olkhovka', (f) => { f.properties.km = 0; }), ['omsk-olkhovka km']],
    ['a missing km (not silently 1)', () => withEdit('omsk-olkhovka', (f) => { delete (f.properties as { km?: number }).km; }), ['omsk-olkhovka km']],
    ['a km given as text', () => withEdit('omsk-olkhovka', (f) => { (f.properties as { km: unknown }).km = '192'; }), ['omsk-olkhovka km']],
    ['a latitude out of range', () => withEdit('omsk', (f) => { f.geometry.coordinates = [73.368, 154.989] as never; }), ['omsk geometry.coordinates']],
    ['a country that disagrees with the position', () => withEdit('omsk', (f) => { f.properties.country = 'KZ'; }),
      // Omsk labelled KZ also makes its road to Olkhovka an unmarked border crossing and its rail crossing KZ–KZ.
      ['omsk country', 'omsk-olkhovka checkpoint', 'omsk-pavlodar-rail checkpoint']],
    ['a checkpoint link within one country', () => withEdit('pavlodar', (f) => { f.properties.country = 'RU'; f.geometry.coordinates = [73.368, 54.0] as never; }),
      // pavlodar moved into Russia: its links' geometry no longer ends there, and its rail crossing joins RU to RU.
      ['urlyutobe-pavlodar checkpoint', 'urlyutobe-pavlodar geometry.coordinates[1]', 'omsk-pavlodar-rail checkpoint', 'omsk-pavlodar-rail geometry.coordinates[1]']],
    ['a border link without a checkpoint', () => withEdit('olkhovka-urlyutobe', (f) => { delete f.properties.checkpoint; }), ['olkhovka-urlyutobe checkpoint']],
    ['geometry that does not start at its place', () => withEdit('omsk-olkhovka', (f) => { f.geometry.coordinates[0] = [73.0, 55.0]; }), ['omsk-olkhovka geometry.coordinates[0]']],
    ['a feature without sources', () => withEdit('pavlodar', (f) => { f.properties.sources = []; }), ['pavlodar sources']],
    ['a misspelt property', () => withEdit('omsk-olkhovka', (f) => { (f.properties as unknown as Record<string, unknown>).kmsource = 'published'; }), ['omsk-olkhovka kmsource']],
    ['a link whose mode its place does not serve', () => withEdit('omsk-olkhovka', (f) => { f.properties.mode = 'rail'; }), ['omsk-olkhovka to']],
    ['a negative checkpoint wait', () => withEdit('olkhovka-urlyutobe', (f) => { f.properties.checkpoint!.waitHours.backward = -1; }), ['olkhovka-urlyutobe checkpoint.waitHours.backward']],
  ])('reports %s', (_what, make, expected) => {
    expect(problemsOf(make()).sort()).toEqual([...expected].sort());
  });

  // The checkpoint fields of the freight model: regime, capacity units by mode, truck share.
  const cp = (edit: (c: Record<string, unknown>) => void) => withEdit('olkhovka-urlyutobe', (f) => edit(f.properties.checkpoint));
  const railCp = (edit: (c: Record<string, unknown>) => void) => withEdit('omsk-pavlodar-rail', (f) => edit(f.properties.checkpoint));
  it.each([
    ['a bilateral regime', cp((c) => { c.regime = 'bilateral'; }), []],
    ['a simplified regime', cp((c) => { c.regime = 'simplified'; }), []],
    ['road capacity in trucks', cp((c) => { c.capacityPerDay = 500; c.capacityUnit = 'trucks'; }), []],
    ['road capacity in vehicles with a truck share', cp((c) => { c.capacityPerDay = 1190; c.capacityUnit = 'vehicles'; c.truckShare = 0.4; }), []],
    ['observed traffic as the capacity figure', cp((c) => { c.capacityPerDay = 300; c.capacityUnit = 'trucks'; c.capacityObserved = true; }), []],
    ['rail capacity in train pairs', railCp((c) => { c.capacityPerDay = 12; c.capacityUnit = 'train-pairs'; }), []],
    ['rail capacity in trains', railCp((c) => { c.capacityPerDay = 24; c.capacityUnit = 'trains'; }), []],
    ['a unit whose figure is unknown (capacityPerDay left out, never 0)', railCp((c) => { c.capacityUnit = 'train-pairs'; }), []],
  ])('accepts %s', (_what, file, expected) => {
    expect(problemsOf(file)).toEqual(expected);
  });

  it.each([
    ['an unknown regime', cp((c) => { c.regime = 'trilateral'; }), ['olkhovka-urlyutobe checkpoint.regime']],
    ['a KZ–RU road capacity in vehicles without a truck share', cp((c) => { c.capacityPerDay = 750; c.capacityUnit = 'vehicles'; }), ['olkhovka-urlyutobe checkpoint.truckShare']],
    ['a truck share above 1', cp((c) => { c.capacityPerDay = 750; c.capacityUnit = 'vehicles'; c.truckShare = 40; }), ['olkhovka-urlyutobe checkpoint.truckShare']],
    ['a truck share of 0', cp((c) => { c.capacityPerDay = 750; c.capacityUnit = 'vehicles'; c.truckShare = 0; }), ['olkhovka-urlyutobe checkpoint.truckShare']],
    ['a truck share on a capacity in trucks', cp((c) => { c.capacityPerDay = 300; c.capacityUnit = 'trucks'; c.truckShare = 0.4; }), ['olkhovka-urlyutobe checkpoint.truckShare']],
    ['observed traffic flagged without a figure', cp((c) => { delete c.capacityPerDay; c.capacityObserved = true; }), ['olkhovka-urlyutobe checkpoint.capacityObserved']],
    ['capacityObserved that is not true or false', cp((c) => { c.capacityPerDay = 300; c.capacityUnit = 'trucks'; (c as Record<string, unknown>).capacityObserved = 'yes'; }), ['olkhovka-urlyutobe checkpoint.capacityObserved']],
    ['a road crossing counted in trains', cp((c) => { c.capacityPerDay = 10; c.capacityUnit = 'trains'; }), ['olkhovka-urlyutobe checkpoint.capacityUnit']],
    ['a rail crossing counted in trucks', railCp((c) => { c.capacityPerDay = 10; c.capacityUnit = 'trucks'; }), ['omsk-pavlodar-rail checkpoint.capacityUnit']],
    ['an unknown unit', railCp((c) => { c.capacityPerDay = 10; c.capacityUnit = 'wagons'; }), ['omsk-pavlodar-rail checkpoint.capacityUnit']],
    ['a capacity without its unit', cp((c) => { c.capacityPerDay = 300; }), ['olkhovka-urlyutobe checkpoint.capacityUnit']],
    ['a zero capacity', cp((c) => { c.capacityPerDay = 0; c.capacityUnit = 'trucks'; }), ['olkhovka-urlyutobe checkpoint.capacityPerDay']],
  ])('reports %s', (_what, file, expected) => {
    expect(problemsOf(file).sort()).toEqual([...expected].sort());
  });

  it('reports every checkpoint problem at once, nothing coerced', () => {
    const file = cp((c) => { c.regime = 'open'; c.capacityPerDay = '500'; c.capacityUnit = 'vehicles'; c.truckShare = 1.5; });
    expect(validateNetwork(file).map((p) => `${p.feature} ${p.field}: ${p.message}`).sort()).toEqual([
      'olkhovka-urlyutobe checkpoint.capacityPerDay: must be a finite number > 0, got "500"',
      'olkhovka-urlyutobe checkpoint.regime: must be one of multilateral | bilateral | simplified, got "open"',
      'olkhovka-urlyutobe checkpoint.truckShare: must be a share of trucks > 0 and <= 1, got 1.5',
    ]);
  });

  it('lists every problem of a file with several, each with feature id and field', () => {
    const file = tinyNetwork();
    file.features.push(place('omsk', 'RU'));
    const [, , , pavlodar, omskOlkhovka, , urlyutobePavlodar] = file.features;
    (pavlodar.properties as { kind: string }).kind = 'village';
    (omskOlkhovka.properties as { km: number }).km = -5;
    (urlyutobePavlodar.properties as { to: string }).to = 'semey';
    file.features.push(link('omsk-omsk2', 'omsk', 'cp-olkhovka', { status: 'gone' as never, sources: [] }));
    expect(problemsOf(file).sort()).toEqual([
      'omsk id',
      'omsk-olkhovka km',
      'omsk-omsk2 sources',
      'omsk-omsk2 status',
      'pavlodar kind',
      'urlyutobe-pavlodar to',
    ]);
  });

  it('rejects something that is not a FeatureCollection', () => {
    expect(problemsOf({ type: 'Feature' })).toEqual(['(collection) type']);
    expect(problemsOf(null)).toEqual(['(collection) type']);
  });
});

describe('loadNetwork', () => {
  it('throws a NetworkValidationError listing every problem', () => {
    const file = withEdit('omsk-olkhovka', (f) => { f.properties.km = 0; f.properties.from = 'tomsk'; });
    let error: unknown;
    try { loadNetwork(file); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(NetworkValidationError);
    const problems = (error as NetworkValidationError).problems.map((p) => `${p.feature} ${p.field}`).sort();
    expect(problems).toEqual(['omsk-olkhovka from', 'omsk-olkhovka km']);
    expect((error as Error).message).toContain('unknown place "tomsk"');
  });

  it('reports an unreadable file and bad JSON as problems, not crashes', () => {
    expect(() => loadNetwork('/nonexistent/network.geojson')).toThrow(NetworkValidationError);
  });

  it('builds a MultiDirectedGraph: a two-way link is two directed edges with their own waits', () => {
    const net = loadNetwork(tinyNetwork());
    expect(net.graph.order).toBe(4);
    expect(net.graph.size).toBe(8);
    const forward = net.graph.getEdgeAttributes('olkhovka-urlyutobe');
    const backward = net.graph.getEdgeAttributes('olkhovka-urlyutobe~back');
    expect([forward.waitHours, backward.waitHours]).toEqual([3, 5]);
    expect(net.graph.source('olkhovka-urlyutobe~back')).toBe('cp-urlyutobe');
    // omsk and pavlodar are joined by a road path and a parallel rail link: both stay distinct.
    expect(net.graph.outEdges('omsk', 'pavlodar')).toEqual(['omsk-pavlodar-rail']);
  });

  it('keeps a oneway link as a single directed edge', () => {
    const file = withEdit('urlyutobe-pavlodar', (f) => { f.properties.oneway = true; });
    const net = loadNetwork(file);
    expect(net.graph.hasEdge('urlyutobe-pavlodar~back')).toBe(false);
    expect(net.graph.size).toBe(7);
  });

  it('answers the query helpers', () => {
    const net = loadNetwork(tinyNetwork());
    expect(net.linksWhere({ mode: 'rail' }).map((l) => l.properties.id)).toEqual(['omsk-pavlodar-rail']);
    expect(net.linksWhere({ tag: 'a-320' }).map((l) => l.properties.id)).toEqual(['urlyutobe-pavlodar']);
    expect(net.checkpoints({ sector: 'west-siberia', mode: 'road' }).map((l) => l.properties.id)).toEqual(['olkhovka-urlyutobe']);
    expect(net.checkpoints({ sector: 'altai' })).toEqual([]);
    expect(net.placesWhere({ region: 'Pavlodar Region' }).map((p) => p.properties.id)).toEqual(['pavlodar']);
  });
});
