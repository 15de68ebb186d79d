import { MODES } from '../model/types.js';
import { ROAD_CLASS_NAMES, type CostOverrides, type RoadClass } from '../routing/cost-model.js';
import type { ParsedArgs } from './command.js';
import { UsageError } from './usage-error.js';

/**
 * The freight time model's parameters on the command line, shared by every
 * command that routes: --speed, --speed-cap, --wait-scale, --drivers, --no-rest, --weekly-rest, --month,
 * --value-of-time, --tariff.
 */
export const COST_OPTIONS = {
  speed: {
    type: 'string', value: 'road=60|motorway=80,rail=35,river=10', defaultText: 'the cost model\'s speeds',
    description: 'force speeds in km/h: road (every road class), a road class (motorway, trunk, primary, secondary, local), rail, river',
  },
  'speed-cap': {
    type: 'string', value: 'KZ=51.1,RU=60|KZ=none', defaultText: 'KZ=51.1 (measured, CAREC CPMM)',
    description: 'cap the default truck speed of every road class in a country, km/h by ISO country code; none lifts a cap',
  },
  'wait-scale': { type: 'string', value: 'FACTOR', defaultText: '1', description: 'multiply every checkpoint wait' },
  drivers: { type: 'string', value: '1|2', defaultText: '1', description: 'drivers per truck (2: multi-manning, the crew swaps at the wheel)' },
  'no-rest': { type: 'boolean', description: 'no drivers\' hours (AETR breaks and daily rests) on road legs' },
  'weekly-rest': {
    type: 'string', value: 'HOURS', defaultText: '45 (regular); 24 reduced, 0 none',
    description: 'the AETR weekly rest, taken instead of the daily rest that would let the driving run past 144 h after the last one (Art. 8(6))',
  },
  month: {
    type: 'string', value: '1-12', defaultText: 'none: river seasons ignored, all-year waits',
    description: 'the month of travel: river reaches out of season are closed; December–February take the winter waits',
  },
  'value-of-time': { type: 'string', value: 'USD/t-h', defaultText: '1', description: 'value of time per tonne-hour, for --by generalized' },
  tariff: { type: 'string', value: 'rail=0.035,road=0.07,river=0.03', defaultText: 'rail 0.035, road 0.07, river 0.03', description: 'tariffs in USD per tonne-km, by mode' },
} as const;

/** Reads the cost options into the `cost` and `month` of a routing query; a bad value is a UsageError naming the option. */
export function costOptions(args: ParsedArgs, usage: string): { cost?: CostOverrides; month?: number } {
  const cost: CostOverrides = {};
  const v = args.values;
  const number = (name: string, text: string, { positive = false, min = 0 } = {}) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < min || (positive && n <= 0)) {
      throw new UsageError(`--${name} must be a ${positive ? 'positive' : 'non-negative'} number, got "${text}"`, usage);
    }
    return n;
  };
  const pairs = (name: string, text: string) => text.split(',').map((s) => s.trim()).filter(Boolean).map((pair) => {
    const [key, value, ...rest] = pair.split('=');
    if (value === undefined || rest.length) throw new UsageError(`--${name} takes key=value pairs, got "${pair}"`, usage);
    return [key.trim(), value.trim()] as const;
  });

  if (typeof v.speed === 'string') {
    const road: Partial<Record<RoadClass, number>> = {};
    const override: NonNullable<CostOverrides['speedOverride']> = {};
    for (const [key, value] of pairs('speed', v.speed)) {
      const kmh = number('speed', value, { positive: true });
      if (key === 'road') for (const c of ROAD_CLASS_NAMES) road[c] = kmh;
      else if ((ROAD_CLASS_NAMES as readonly string[]).includes(key)) road[key as RoadClass] = kmh;
      else if (key === 'rail' || key === 'river') override[key] = kmh;
      else throw new UsageError(`--speed: unknown key "${key}" (road, ${ROAD_CLASS_NAMES.join(', ')}, rail, river)`, usage);
    }
    cost.speedOverride = { ...override, ...(Object.keys(road).length ? { road } : {}) };
  }
  if (typeof v['speed-cap'] === 'string') {
    const caps: Record<string, number> = {};
    for (const [key, value] of pairs('speed-cap', v['speed-cap'])) {
      const country = key.toUpperCase();
      if (!/^[A-Z]{2}$/.test(country)) throw new UsageError(`--speed-cap: "${key}" is not a two-letter country code (KZ, RU, …)`, usage);
      caps[country] = value.toLowerCase() === 'none' ? Infinity : number('speed-cap', value, { positive: true });
    }
    cost.roadSpeedCapKmh = caps;
  }
  if (typeof v.tariff === 'string') {
    const tariff: NonNullable<CostOverrides['tariffPerTonneKm']> = {};
    for (const [key, value] of pairs('tariff', v.tariff)) {
      if (!(MODES as readonly string[]).includes(key)) throw new UsageError(`--tariff: unknown mode "${key}" (${MODES.join(', ')})`, usage);
      tariff[key as (typeof MODES)[number]] = number('tariff', value);
    }
    cost.tariffPerTonneKm = tariff;
  }
  if (typeof v['wait-scale'] === 'string') cost.waitScale = number('wait-scale', v['wait-scale']);
  if (typeof v['value-of-time'] === 'string') cost.valueOfTimePerTonneHour = number('value-of-time', v['value-of-time']);
  if (typeof v.drivers === 'string') {
    if (v.drivers !== '1' && v.drivers !== '2') throw new UsageError(`--drivers must be 1 or 2, got "${v.drivers}"`, usage);
    cost.drivers = Number(v.drivers) as 1 | 2;
  }
  if (v['no-rest'] === true) cost.drivingRules = false;
  if (typeof v['weekly-rest'] === 'string') {
    const hours = number('weekly-rest', v['weekly-rest']);
    if (hours !== 0 && hours < 24) throw new UsageError(`--weekly-rest must be 0 (none) or at least 24 hours (AETR Art. 8(6): 45 regular, 24 reduced), got "${v['weekly-rest']}"`, usage);
    cost.driverRules = { weeklyRestHours: hours };
  }
  let month: number | undefined;
  if (typeof v.month === 'string') {
    month = Number(v.month);
    if (!/^\d{1,2}$/.test(v.month.trim()) || month < 1 || month > 12) throw new UsageError(`--month must be a month number 1–12, got "${v.month}"`, usage);
  }
  return { ...(Object.keys(cost).length ? { cost } : {}), ...(month !== undefined ? { month } : {}) };
}
