import { loadNetwork } from '../../model/load-network.js';
import { serve } from '../../server/serve.js';
import { NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { usageLine, type CommandSpec } from '../option-spec.js';
import { UsageError } from '../usage-error.js';

const spec = {
  name: 'serve',
  arguments: [],
  options: {
    port: { type: 'string', value: 'N', default: '5000', description: 'the TCP port to listen on' },
    host: { type: 'string', value: 'HOST', default: '127.0.0.1', description: 'the address to listen on (0.0.0.0: every interface)' },
    cors: { type: 'string', value: 'ORIGIN', defaultText: 'none (no CORS headers)', description: 'let browser pages from this origin call the API' },
    ...SCENARIO_OPTION, ...NETWORK_OPTION,
  },
} as const satisfies CommandSpec;
const usage = usageLine(spec);

export const serveCommand: Command = {
  ...spec,
  summary: 'an HTTP API (OSRM-compatible route, table, nearest; /v1/route; /openapi.json) until Ctrl-C',
  usage,
  async run(args) {
    const port = positiveNumber(args, 'port', usage, { integer: true });
    if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`, usage);
    const host = String(args.values.host);
    const cors = typeof args.values.cors === 'string' ? args.values.cors : undefined;
    const scenario = typeof args.values.scenario === 'string' ? args.values.scenario : undefined;
    // The scenario is applied by the server, which keeps the network without it for requests that name another.
    const network = loadNetwork(typeof args.values.network === 'string' ? args.values.network : undefined);
    try {
      await serve({ network, port, host, ...(scenario ? { scenario } : {}), ...(cors ? { cors } : {}) });
    } catch (e) {
      // The address named cannot be had (taken, privileged, not this machine's): choose another.
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new UsageError(`cannot listen on ${host}:${port}: ${(e as Error).message}`, usage, { cause: e });
      throw e;
    }
    return 0;
  },
};
