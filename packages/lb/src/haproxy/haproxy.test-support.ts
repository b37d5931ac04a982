/**
 * Helpers of the HAProxy integration tests: a temp directory, free loopback ports, tiny
 * node:http backends that answer with their name (and a slow path), a hand-written config, and a
 * client loop that counts failures.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const makeTempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'berth-lb-'));
export const removeTempDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });

export interface TinyBackend {
  readonly name: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Answers `name` on every path; /slow?ms=N answers after N ms. */
export const startTinyBackend = (name: string): Promise<TinyBackend> =>
  new Promise((resolve) => {
    const server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const delay = url.pathname === '/slow' ? Number(url.searchParams.get('ms') ?? '1000') : 0;
      setTimeout(() => response.end(name), delay);
    });
    server.keepAliveTimeout = 1000;
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({
        name,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });

export interface TestConfigOptions {
  readonly frontendPort: number;
  readonly backend: string;
  /** `server` lines of the backend, without leading spaces. */
  readonly servers?: readonly string[];
  /** Extra frontend lines, e.g. to tell configurations apart. */
  readonly frontendExtra?: readonly string[];
}

export const testConfig = (options: TestConfigOptions): string =>
  [
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 20s',
    '  timeout server 20s',
    `frontend ls_test`,
    `  bind 127.0.0.1:${options.frontendPort}`,
    ...(options.frontendExtra ?? []).map((line) => `  ${line}`),
    `  default_backend ${options.backend}`,
    `backend ${options.backend}`,
    '  balance roundrobin',
    ...(options.servers ?? []).map((line) => `  ${line}`),
    '',
  ].join('\n');

export interface HttpReply {
  readonly status: number;
  readonly body: string;
  readonly headers: http.IncomingHttpHeaders;
}

export const get = (port: number, path = '/', timeoutMs = 10_000): Promise<HttpReply> =>
  new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path, agent: false, signal: AbortSignal.timeout(timeoutMs) },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });

export interface ClientLoop {
  /** Bodies of successful replies, in order. */
  readonly bodies: string[];
  readonly failures: string[];
  stop(): Promise<void>;
}

/** Sends requests one after another until stopped; any non-200 or error is a failure. */
export const startClientLoop = (port: number): ClientLoop => {
  const bodies: string[] = [];
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const reply = await get(port);
        if (reply.status === 200) bodies.push(reply.body);
        else failures.push(`HTTP ${reply.status}`);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  })();
  return {
    bodies,
    failures,
    stop: async () => {
      running = false;
      await loop;
    },
  };
};

/** Waits until `check` holds, polling; fails with `what` after the deadline. */
export const eventually = async (
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
