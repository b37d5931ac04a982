/**
 * The transport of HAProxy's CLI over a UNIX socket (node:net), for both the worker's admin
 * socket and the master CLI: one command per connection (write, half-close, read to EOF), or a
 * pipelined session in prompt mode where each reply ends with the "\n> " prompt. Every call has
 * a named deadline.
 */
import net from 'node:net';

export class HaproxySocketError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HaproxySocketError';
  }
}

export interface SocketCallOptions {
  /** Names the call in the timeout error, e.g. "runtime-api show servers state". */
  readonly name: string;
  readonly timeoutMs: number;
}

/** Sends one command on a fresh connection and returns HAProxy's whole reply. */
export const sendSocketCommand = (
  socketPath: string,
  command: string,
  options: SocketCallOptions,
): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.createConnection({ path: socketPath, allowHalfOpen: true });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new HaproxySocketError(`${options.name} timed out after ${options.timeoutMs} ms on ${socketPath}`),
      );
    }, options.timeoutMs);
    socket.once('connect', () => socket.end(`${command}\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('end', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new HaproxySocketError(`${options.name} failed on ${socketPath}: ${error.message}`));
    });
  });

const PROMPT = '\n> ';

/** A pipelined CLI session in prompt mode: commands go one after another on one connection. */
export class RuntimeSession {
  readonly #socket: net.Socket;
  readonly #timeoutMs: number;
  #buffer = '';
  #waiter: ((reply: string) => void) | undefined;
  #failure: Error | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(socket: net.Socket, timeoutMs: number) {
    this.#socket = socket;
    this.#timeoutMs = timeoutMs;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.#buffer += chunk;
      if (this.#buffer.endsWith(PROMPT) && this.#waiter !== undefined) {
        const reply = this.#buffer.slice(0, -PROMPT.length);
        this.#buffer = '';
        this.#waiter(reply);
      }
    });
    socket.on('error', (error) => (this.#failure = error));
    socket.on('close', () => (this.#failure ??= new HaproxySocketError('the runtime session was closed')));
  }

  static async open(socketPath: string, options: SocketCallOptions): Promise<RuntimeSession> {
    const socket = net.createConnection({ path: socketPath });
    const session = new RuntimeSession(socket, options.timeoutMs);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', (e) =>
        reject(new HaproxySocketError(`${options.name} failed on ${socketPath}: ${e.message}`)),
      );
    });
    await session.send('prompt', options.name);
    return session;
  }

  /** Sends one command after the ones before it and returns its reply (prompt removed). */
  send(command: string, name = `runtime session '${command}'`): Promise<string> {
    const run = this.#queue.then(() => this.#exchange(command, name));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.#socket.end('quit\n');
    this.#socket.destroy();
  }

  #exchange(command: string, name: string): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.#failure !== undefined) {
        reject(new HaproxySocketError(`${name}: ${this.#failure.message}`));
        return;
      }
      const timer = setTimeout(() => {
        this.#waiter = undefined;
        this.#socket.destroy();
        reject(new HaproxySocketError(`${name} timed out after ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      this.#waiter = (reply) => {
        clearTimeout(timer);
        this.#waiter = undefined;
        resolve(reply);
      };
      this.#socket.write(`${command}\n`);
    });
  }
}
