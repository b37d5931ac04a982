/** Loopback helpers: a free port, and "does this port answer HTTP yet". */
import { request } from 'node:http';
import { createServer } from 'node:net';

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** True when GET http://127.0.0.1:port/ gets any complete HTTP response (status irrelevant). */
export const answersHttp = (port: number, timeoutMs = 1_000): Promise<boolean> =>
  new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/', method: 'GET', agent: false, timeout: timeoutMs },
      (res) => {
        res.resume();
        res.once('end', () => resolve(true));
        res.once('error', () => resolve(false));
      },
    );
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });

/** Polls `answersHttp` every `intervalMs` until it holds; false once `deadlineMs` (absolute) passes. */
export const waitForHttp = async (port: number, deadlineMs: number, intervalMs = 5): Promise<boolean> => {
  while (performance.now() < deadlineMs) {
    if (await answersHttp(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
};
