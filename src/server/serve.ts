import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from './app.js';

export interface ServeOptions extends ServerOptions {
  port: number;
  host: string;
}

/**
 * Builds the server and listens until SIGINT or SIGTERM; then stops taking
 * connections, lets the requests under way finish, and resolves. `onListening`
 * gets the server once it listens (its address, or close() to stop it).
 */
export async function serve(options: ServeOptions, onListening?: (app: FastifyInstance) => void): Promise<void> {
  const app = await buildServer(options);
  const closed = new Promise<void>((resolve) => app.addHook('onClose', (_instance, done) => (resolve(), done())));
  const stop = (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'shutting down');
    void app.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await app.listen({ port: options.port, host: options.host });
    onListening?.(app);
    await closed;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
