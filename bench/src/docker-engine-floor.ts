/**
 * The tighter floor: what any orchestrator must at least do, over the Docker Engine API
 * socket with no CLI process per call — create (64 MiB, port 80 on a dynamic loopback
 * port), start, inspect until State.Running, then poll the port until it answers HTTP.
 */
import { request } from 'node:http';

import type { BenchConfig } from './config.js';
import { benchLabel } from './docker-cli.js';
import { waitForHttp } from './net.js';
import { sleep, type StartSample, type Starter } from './start-latency.js';

const socketPath = (): string => {
  const host = process.env.DOCKER_HOST;
  return host?.startsWith('unix://') ? host.slice('unix://'.length) : '/var/run/docker.sock';
};

/** The few fields of Engine API answers the floor reads. */
interface EngineJson {
  readonly Id?: string;
  readonly State?: { readonly Running?: boolean };
  readonly NetworkSettings?: {
    readonly Ports?: Record<string, readonly { readonly HostPort?: string }[] | null>;
  };
}

const engine = (method: string, path: string, body?: unknown): Promise<EngineJson> =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        socketPath: socketPath(),
        method,
        path,
        timeout: 60_000,
        headers: payload
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 400) reject(new Error(`docker ${method} ${path}: ${status} ${text}`));
          else resolve(text ? (JSON.parse(text) as EngineJson) : {});
        });
      },
    );
    req.once('timeout', () => req.destroy(new Error(`docker ${method} ${path} timed out`)));
    req.once('error', reject);
    req.end(payload);
  });

const [labelKey = '', labelValue = ''] = benchLabel.split('=');

export const engineApiStarter = (config: BenchConfig): Starter => {
  const once = async (): Promise<StartSample> => {
    const start = performance.now();
    const created = await engine('POST', '/containers/create', {
      Image: config.testImage,
      Labels: { [labelKey]: labelValue },
      ExposedPorts: { '80/tcp': {} },
      HostConfig: {
        Memory: 64 * 1024 * 1024,
        PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      },
    });
    const id = created.Id ?? '';
    if (!id) throw new Error('docker create returned no id');
    try {
      await engine('POST', `/containers/${id}/start`);
      const deadline = start + 60_000;
      let inspected = await engine('GET', `/containers/${id}/json`);
      while (inspected.State?.Running !== true) {
        if (performance.now() > deadline) throw new Error(`container ${id} not running in 60 s`);
        await sleep(5);
        inspected = await engine('GET', `/containers/${id}/json`);
      }
      const runningMs = performance.now() - start;
      const hostPort = Number(inspected.NetworkSettings?.Ports?.['80/tcp']?.[0]?.HostPort ?? 0);
      const answered = hostPort > 0 && (await waitForHttp(hostPort, deadline));
      return { runningMs, httpMs: answered ? performance.now() - start : undefined };
    } finally {
      await engine('DELETE', `/containers/${id}?force=true`);
    }
  };
  return { system: 'Engine API create+start', start: once };
};
