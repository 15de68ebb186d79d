import { readFileSync } from 'node:fs';
import { mergeCriticality, type CriticalityResult } from '../../analysis/link-criticality.js';
import { mergeAreaCriticality, type AreaCriticalityResult } from '../../analysis/area-criticality.js';
import { NETWORK_OPTION, SCENARIO_OPTION, type CliIO, type Command, type ParsedArgs } from '../command.js';
import { openNetwork } from '../open-network.js';
import { UsageError } from '../usage-error.js';
import { OUTPUT_OPTIONS, outputOptions, printAreaCriticality, printCriticality } from './critical.js';
import { usageLine, type CommandSpec } from '../option-spec.js';
import { isBatchShard, mergeBatchShards, printMergedBatch, readBatchShard, type BatchShardFile } from '../batch-shard.js';

const spec = {
  name: 'merge',
  arguments: [{ name: 'shard.json', variadic: true, description: 'the output of each shard: steppenet critical [--by-region | --grid SIZEdeg] --shard I/N --format json, or steppenet batch FILE --shard I/N --format json' }],
  options: { ...SCENARIO_OPTION, ...NETWORK_OPTION, ...OUTPUT_OPTIONS },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

/**
 * Puts the shards of a criticality scan back together: each file is the JSON
 * of `steppenet critical --shard I/N --format json` (of links, or of areas
 * with --by-region or --grid), run anywhere (other processes or machines);
 * the result equals the scan run whole.
 *
 * Or the shards of a batch (`steppenet batch FILE --shard I/N --format
 * json`): merged, they print what `steppenet batch FILE` prints in one
 * process, byte for byte: --format csv (the default for a batch) or json,
 * or geojson for what its --geojson FILE holds; each failed row on stderr,
 * and exit code 1 when some row failed. The kind of the shards is read from
 * the files; kinds cannot be mixed.
 */
export const mergeCommand: Command = {
  ...spec,
  summary: 'merge the shards of a criticality scan (critical [--by-region | --grid] --shard I/N --format json) into one ranking, or of a batch (batch FILE --shard I/N --format json)',
  usage,
  run(args, io) {
    const output = outputOptions(args, usage);
    const batchParts: { file: string; shard: BatchShardFile }[] = [];
    const parts = args.positionals.flatMap((file): (CriticalityResult | AreaCriticalityResult)[] => {
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
        throw new UsageError(`${file} is not JSON: give the output of steppenet critical --shard I/N --format json (or of steppenet batch FILE --shard I/N --format json)`, usage);
      }
      if (isBatchShard(part)) {
        batchParts.push({ file, shard: readBatchShard(file, part, usage) });
        return [];
      }
      const p = part as Partial<CriticalityResult> | null;
      if (!p || typeof p !== 'object' || !Array.isArray(p.ranking) || typeof p.candidates !== 'number' || typeof p.by !== 'string') {
        throw new UsageError(`${file} is neither a criticality result nor a batch shard: give the output of steppenet critical --shard I/N --format json or of steppenet batch FILE --shard I/N --format json`, usage);
      }
      return [p as CriticalityResult | AreaCriticalityResult];
    });
    if (batchParts.length) {
      if (parts.length) throw new UsageError(`shards of a batch (${batchParts[0].file}) and of a criticality scan (${args.positionals.find((f) => !batchParts.some((b) => b.file === f))}) mixed`, usage);
      return mergeBatch(batchParts, args, output.format, io);
    }
    // A ShardError (shards of different scans, one missing) is an InputError: exit 2 with the usage line.
    const areaParts = parts.filter((p): p is AreaCriticalityResult => 'kind' in p);
    if (areaParts.length === 0) return printCriticality(mergeCriticality(parts as CriticalityResult[]), openNetwork(args), output, io);
    if (areaParts.length !== parts.length) throw new UsageError('shards of a scan of links and of a scan of areas (--by-region, --grid) mixed', usage);
    return printAreaCriticality(mergeAreaCriticality(areaParts), openNetwork(args), output, io);
  },
};

/** Batch shards: printed as batch prints its rows; the options that only criticality rankings take are refused. */
function mergeBatch(parts: { file: string; shard: BatchShardFile }[], args: ParsedArgs, format: ReturnType<typeof outputOptions>['format'], io: CliIO): number {
  const given = (['top', 'network', 'scenario'] as const).filter((o) => args.values[o] !== undefined);
  if (given.length) throw new UsageError(`${given.map((o) => `--${o}`).join(', ')}: not for batch shards (they carry their rows as routed; --top ranks a criticality scan)`, usage);
  // A batch has no table: merge's default, --format table, prints its CSV as batch does by default.
  return printMergedBatch(mergeBatchShards(parts), format === 'table' ? 'csv' : format, io);
}
