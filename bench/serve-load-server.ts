/**
 * The server of bench/serve-load.ts, in its own process so that the load
 * generator does not share its event loop: the bundled network, no logs,
 * 127.0.0.1 on a free port, which it sends to its parent.
 */
import { loadNetwork } from '../src/model/load-network.js';
import { buildServer } from '../src/server/app.js';

const app = await buildServer({ network: loadNetwork(), logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('disconnect', () => void app.close().then(() => process.exit(0)));
