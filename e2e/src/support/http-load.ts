/**
 * A steady load of HTTP requests against one URL (keep-alive, a few in flight at once): counts
 * answers by status and by body, and every request that failed outright or was not a 200.
 */
import { Agent, request } from 'node:http';

export interface LoadReport {
  readonly sent: number;
  readonly ok: number;
  /** Requests that did not end in a 200: connection errors, timeouts, other statuses. */
  readonly failures: readonly string[];
  readonly bodies: ReadonlyMap<string, number>;
  readonly seconds: number;
}

export interface RunningLoad {
  /** Stops sending, waits for what is in flight, and reports. */
  stop(): Promise<LoadReport>;
  /** Bodies answered since the last call (to see which targets serve now). */
  recentBodies(): ReadonlySet<string>;
}

const once = (agent: Agent, url: URL): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request(url, { agent, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: body.trim() }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });

export const startLoad = (target: string, concurrency = 4): RunningLoad => {
  const url = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const bodies = new Map<string, number>();
  let recent = new Set<string>();
  const failures: string[] = [];
  let sent = 0;
  let ok = 0;
  let running = true;
  const began = Date.now();
  const worker = async (): Promise<void> => {
    while (running) {
      sent += 1;
      try {
        const { status, body } = await once(agent, url);
        if (status === 200) {
          ok += 1;
          bodies.set(body, (bodies.get(body) ?? 0) + 1);
          recent.add(body);
        } else failures.push(`HTTP ${status}: ${body.slice(0, 80)}`);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  const workers = Array.from({ length: concurrency }, () => worker());
  return {
    recentBodies: () => {
      const seen = recent;
      recent = new Set();
      return seen;
    },
    stop: async () => {
      running = false;
      await Promise.all(workers);
      agent.destroy();
      return { sent, ok, failures, bodies, seconds: (Date.now() - began) / 1000 };
    },
  };
};
