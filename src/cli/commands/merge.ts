import { readFileSync } from 'node:fs';
import { mergeCriticality, type CriticalityResult } from '../../analysis/link-criticality.js';
import { mergeAreaCriticality, type AreaCriticalityResult } from '../../analysis/area-criticality.js';
import { NETWORK_OPTION, SCENARIO_OPTION, type Command } from '../command.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { OUTPUT_OPTIONS, outputOptions, printAreaCriticality, printCriticality } from './critical.js';
import { usageLine, type CommandSpec } from '../option-spec.js';

const spec = {
  name: 'merge',
  arguments: [{ name: 'shard.json', variadic: true, description: 'the output of each shard: steppenet critical [--by-region | --grid SIZEdeg] --shard I/N --format json' }],
  options: { ...SCENARIO_OPTION, ...NETWORK_OPTION, ...OUTPUT_OPTIONS },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

/**
 * Puts the shards of a criticality scan back together: each file is the JSON
 * of `steppenet critical --shard I/N --format json` (of links, or of areas
 * with --by-region or --grid), run anywhere (other processes or machines);
 * the result equals the scan run whole.
 */
export const mergeCommand: Command = {
  ...spec,
  summary: 'merge the shards of a criticality scan (critical [--by-region | --grid] --shard I/N --format json) into one ranking',
  usage,
  run(args, io) {
    const output = outputOptions(args, usage);
    const parts = args.positionals.map((file): CriticalityResult | AreaCriticalityResult => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, usage);
      }
      let part: unknown;
      try {
        part = JSON.parse(text);
      } catch {
        throw new UsageError(`${file} is not JSON: give the output of steppenet critical --shard I/N --format json`, usage);
      }
      const p = part as Partial<CriticalityResult> | null;
      if (!p || typeof p !== 'object' || !Array.isArray(p.ranking) || typeof p.candidates !== 'number' || typeof p.by !== 'string') {
        throw new UsageError(`${file} is not a criticality result: give the output of steppenet critical --shard I/N --format json`, usage);
      }
      return p as CriticalityResult | AreaCriticalityResult;
    });
    // A ShardError (shards of different scans, one missing) is an InputError: exit 2 with the usage line.
    const areaParts = parts.filter((p): p is AreaCriticalityResult => 'kind' in p);
    if (areaParts.length === 0) return printCriticality(mergeCriticality(parts as CriticalityResult[]), openNetwork(args), output, io);
    if (areaParts.length !== parts.length) throw new UsageError('shards of a scan of links and of a scan of areas (--by-region, --grid) mixed', usage);
    return printAreaCriticality(mergeAreaCriticality(areaParts), openNetwork(args), output, io);
  },
};
