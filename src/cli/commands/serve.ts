import { DataError } from '../cli-errors.js';
import { NETWORK_OPTION, positiveNumber, SCENARIO_OPTION, type Command } from '../command.js';
import { loadNetwork } from '../../model/load-network.js';
import { UsageError } from '../usage-error.js';
import { serve } from '../../server/serve.js';

const usage = 'steppenet serve [--port 5000] [--host 127.0.0.1] [--network FILE] [--scenario current|historical|planned|FILE] [--cors ORIGIN]';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'an HTTP API (OSRM-compatible route, table, nearest; /openapi.json) until Ctrl-C',
  usage,
  options: { port: { type: 'string' }, host: { type: 'string' }, cors: { type: 'string' }, ...SCENARIO_OPTION, ...NETWORK_OPTION },
  positionals: [0, 0],
  async run(args) {
    const port = positiveNumber(args, 'port', 5000, usage, { integer: true });
    if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`, usage);
    const host = typeof args.values.host === 'string' ? args.values.host : '127.0.0.1';
    const cors = typeof args.values.cors === 'string' ? args.values.cors : undefined;
    const scenario = typeof args.values.scenario === 'string' ? args.values.scenario : undefined;
    // The scenario is applied by the server, which keeps the network without it for requests that name another.
    const network = loadNetwork(typeof args.values.network === 'string' ? args.values.network : undefined);
    try {
      await serve({ network, port, host, ...(scenario ? { scenario } : {}), ...(cors ? { cors } : {}) });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new DataError(`cannot listen on ${host}:${port}: ${(e as Error).message}`);
      throw e;
    }
    return 0;
  },
};
