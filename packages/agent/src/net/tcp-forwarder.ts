/**
 * A TCP forwarder from `<listen host>:<port>` (default `127.0.0.1:<free port>`) to a target. The
 * agent forwards the control plane's registry on loopback, so Docker on a host other than the
 * control plane's pulls from a loopback registry (trusted without daemon config), and its API on
 * the task endpoint address, so code in containers reaches Berth's APIs. It listens lazily, once;
 * each connection is piped both ways to the target and torn down when either side ends or fails.
 * Errors are logged, never thrown at the agent.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

/** Connecting to the target must take no longer (Docker then sees the connection drop). */
export const FORWARD_CONNECT_TIMEOUT_MS = 10_000;

export interface ForwardTarget {
  readonly hostname: string;
  readonly port: number;
}

type Log = (message: string, fields?: Record<string, unknown>) => void;

export interface ListenOptions {
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** What the log lines call it; default `registry forwarder`. */
  readonly name?: string;
  /** What the log lines call the side that connects; default `docker`. */
  readonly clientSide?: string;
}

export class TcpForwarder {
  private server: Server | undefined;
  private listening: Promise<number> | undefined;
  private readonly sockets = new Set<Socket>();
  private closed = false;

  constructor(
    readonly target: ForwardTarget,
    private readonly log: Log,
    private readonly listenOn: ListenOptions = {},
  ) {}

  private get name(): string {
    return this.listenOn.name ?? 'registry forwarder';
  }

  /** The port it forwards (listening on first use). */
  port(): Promise<number> {
    if (this.closed) return Promise.reject(new Error(`the ${this.name} is closed`));
    this.listening ??= this.listen().catch((error: unknown) => {
      this.listening = undefined;
      throw error;
    });
    return this.listening;
  }

  /** Stops listening and ends every forwarded connection. */
  async close(): Promise<void> {
    this.closed = true;
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server?.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private listen(): Promise<number> {
    const server = createServer((client) => this.forward(client));
    server.on('error', (error) => this.log(`${this.name} error`, { error: String(error) }));
    return new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listenOn.port ?? 0, this.listenOn.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        if (this.closed || address === null || typeof address === 'string') {
          server.close();
          reject(new Error(`the ${this.name} is closed`));
          return;
        }
        this.server = server;
        this.log(`${this.name} listening`, {
          address: address.address,
          port: address.port,
          target: `${this.target.hostname}:${this.target.port}`,
        });
        resolve(address.port);
      });
    });
  }

  private forward(client: Socket): void {
    const upstream = connect({ host: this.target.hostname, port: this.target.port });
    this.track(client);
    this.track(upstream);
    upstream.setTimeout(FORWARD_CONNECT_TIMEOUT_MS, () =>
      upstream.destroy(new Error(`no connection within ${FORWARD_CONNECT_TIMEOUT_MS} ms`)),
    );
    upstream.once('connect', () => upstream.setTimeout(0));
    const fail = (side: string) => (error: Error) => {
      this.log(`${this.name} connection failed`, { side, error: String(error) });
      client.destroy();
      upstream.destroy();
    };
    client.on('error', fail(this.listenOn.clientSide ?? 'docker'));
    upstream.on('error', fail('target'));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }
}
