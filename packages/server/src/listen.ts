import { createServer, type NianbaoServer, type ServerOptions } from './app.js';

/** Where and how {@link serve} listens, beside the service's own options. */
export interface ServeOptions extends ServerOptions {
  /** TCP port; 0 picks a free one. @default 8080 */
  readonly port?: number;
  /** Address to bind. @default 127.0.0.1 (use 0.0.0.0 in a container) */
  readonly host?: string;
  /** Stop gracefully on SIGTERM and SIGINT. @default true */
  readonly handleSignals?: boolean;
}

/** A listening service. */
export interface RunningService {
  readonly server: NianbaoServer;
  /** The address it listens on, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** Resolves once the service has stopped (after a signal or {@link RunningService.stop}). */
  readonly stopped: Promise<void>;
  /** Stops gracefully: no new connections, requests in flight finish, workers end. */
  stop(): Promise<void>;
}

/**
 * Creates the service, waits for its workers to be warm, listens, and (by default) stops gracefully on SIGTERM or
 * SIGINT: what `nianbao serve` and the `nianbao-server` bin run.
 */
export async function serve(options: ServeOptions = {}): Promise<RunningService> {
  const server = await createServer(options);
  const url = await server.app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  let finish: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= server.close().then(() => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      finish();
    });
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    server.app.log.info({ signal }, 'stopping: finishing the requests in flight');
    void stop();
  };
  if (options.handleSignals !== false) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { server, url, stopped, stop };
}
