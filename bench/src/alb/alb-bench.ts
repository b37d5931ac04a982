/**
 * The ALB benchmark: one static nginx backend (two ports, two bodies), a `berth server
 * --in-memory --no-agent` serving an ALB listener to it, and nginx as a reverse proxy to the same
 * backend, loaded by wrk in rotating order round after round; then RegisterTargets → first request
 * served by the new target, round after round. Everything is started under one temp directory
 * (Berth gets it as TMPDIR, so its HAProxy's files are there too) and stopped in `finally`.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { RunningProcess } from '../child-process.js';
import type { BenchConfig } from '../config.js';
import { freePort } from '../net.js';
import { startBerth, type EcsEndpoint } from '../servers.js';

import {
  PROXY_SYSTEMS,
  proxyResults,
  registrationResults,
  type AlbResults,
  type AlbSettings,
  type ProxySystem,
  type RegistrationResults,
} from './alb-results.js';
import {
  createBerthListener,
  registrationRound,
  type BerthListener,
  type RegistrationRound,
} from './berth-alb.js';
import { berthHaproxyDirs, haproxyThreads, killLeftoverHaproxy } from './berth-haproxy.js';
import { backendConfig, proxyConfig, startNginx, type StaticSite } from './nginx.js';
import { getBody, runtimeCommand, timeEach } from './probes.js';
import { runWrk, type WrkRun } from './wrk.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Idle upstream connections per nginx worker (more than the bench's connections per worker). */
const NGINX_KEEPALIVE = 64;

/** Where every `berth server` on this host claims its listener block (agents' host registry). */
const berthRunDir = (): string => {
  if (process.env.BERTH_RUN_DIR) return process.env.BERTH_RUN_DIR;
  try {
    mkdirSync('/run/berth', { recursive: true });
    return '/run/berth';
  } catch {
    return join(tmpdir(), 'berth-run');
  }
};

interface Started {
  readonly tmp: string;
  backend?: RunningProcess;
  berth?: EcsEndpoint;
  proxy?: RunningProcess;
}

/** Stops what was started (proxy, Berth — which stops its HAProxy —, backend), then any leftover. */
const stopAll = async (started: Started, results: AlbResults): Promise<void> => {
  await started.proxy?.stop(5_000);
  await started.berth?.stop();
  await started.backend?.stop(5_000);
  const killed = killLeftoverHaproxy(started.tmp);
  if (killed > 0) results.notes.push(`berth left HAProxy running (${killed} processes); the bench killed it`);
  rmSync(started.tmp, { recursive: true, force: true });
};

const rotated = <T>(items: readonly T[], by: number): T[] =>
  items.map((_, i) => items[(i + by) % items.length]!);

/** Warm-up runs (not counted), then `rounds` rounds of every system, the order rotating. */
const measureProxies = async (
  urls: Readonly<Record<ProxySystem, string>>,
  settings: AlbSettings,
  signal: AbortSignal,
  progress: (text: string) => void,
): Promise<Record<ProxySystem, WrkRun[]>> => {
  const runs: Record<ProxySystem, WrkRun[]> = { direct: [], berth: [], nginx: [] };
  const warmup = { ...settings, seconds: settings.warmupSeconds };
  for (const system of PROXY_SYSTEMS) if (!signal.aborted) await runWrk(urls[system], warmup);
  for (let round = 0; round < settings.rounds && !signal.aborted; round++) {
    const order = rotated(PROXY_SYSTEMS, round);
    progress(`wrk round ${round + 1}/${settings.rounds}: ${order.join(', ')}`);
    for (const system of order) {
      if (signal.aborted) break;
      const run = await runWrk(urls[system], settings);
      runs[system].push(run);
      progress(
        `  ${system}: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms`,
      );
    }
  }
  // Only complete rounds, so that round i of each system is paired with round i of the others.
  const complete = Math.min(...PROXY_SYSTEMS.map((s) => runs[s].length));
  for (const system of PROXY_SYSTEMS) runs[system] = runs[system].slice(0, complete);
  return runs;
};

/** One warm-up round, then `count` measured rounds; the floors' pieces timed separately. */
const measureRegistration = async (
  listener: BerthListener,
  second: StaticSite,
  adminSocket: string,
  count: number,
  signal: AbortSignal,
): Promise<RegistrationResults> => {
  await registrationRound(listener, second);
  const rounds: RegistrationRound[] = [];
  for (let i = 0; i < count && !signal.aborted; i++) rounds.push(await registrationRound(listener, second));
  const runtime = await timeEach(20, () => runtimeCommand(adminSocket, 'show servers state'));
  const fresh = new Agent({ keepAlive: false });
  const check = await timeEach(20, () => getBody(fresh, '127.0.0.1', second.port));
  fresh.destroy();
  return registrationResults(rounds, runtime, check);
};

/** Runs the whole benchmark into `results`; whatever it started is gone when it returns. */
export const benchAlb = async (
  config: BenchConfig,
  settings: AlbSettings,
  results: AlbResults,
  signal: AbortSignal,
  progress: (text: string) => void,
): Promise<void> => {
  const started: Started = { tmp: mkdtempSync(join(tmpdir(), 'berth-bench-alb-')) };
  // nginx's workers run as `nobody` when the bench is root: the static files must be readable.
  chmodSync(started.tmp, 0o755);
  const onExit = (): void => void killLeftoverHaproxy(started.tmp);
  process.once('exit', onExit);
  try {
    const [portA, portB, proxyPort, listenerPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const first: StaticSite = { port: portA, body: `${'a'.repeat(120)} backend-1\n` };
    const second: StaticSite = { port: portB, body: `${'b'.repeat(120)} backend-2\n` };
    progress(`backend: nginx, 1 worker, static files on 127.0.0.1:${first.port} and :${second.port}`);
    const backendDir = join(started.tmp, 'backend');
    mkdirSync(backendDir, { recursive: true });
    started.backend = await startNginx(backendDir, backendConfig(backendDir, [first, second]), [
      first.port,
      second.port,
    ]);
    for (const site of [first, second]) {
      const answer = await getBody(new Agent(), '127.0.0.1', site.port);
      if (answer.body !== site.body)
        throw new Error(`backend :${site.port} answered ${answer.status}, not its file`);
    }
    progress('berth server --in-memory --no-agent; ALB, ip target group, HTTP listener');
    const berthTmp = join(started.tmp, 'berth');
    mkdirSync(berthTmp);
    started.berth = await startBerth(config, {
      agent: false,
      env: { ...process.env, TMPDIR: berthTmp, BERTH_RUN_DIR: berthRunDir() },
    });
    const listener = await createBerthListener(config, started.berth.endpoint, first, listenerPort);
    const haproxy = berthHaproxyDirs(berthTmp)[0];
    if (!haproxy) throw new Error(`no HAProxy directory under ${berthTmp}`);
    results.haproxyThreads = await haproxyThreads(haproxy.adminSocket);
    results.nginxWorkers = results.haproxyThreads;
    progress(
      `nginx reverse proxy: worker_processes ${results.nginxWorkers} (HAProxy's nbthread), keepalive ${NGINX_KEEPALIVE}`,
    );
    const proxyDir = join(started.tmp, 'proxy');
    const proxy = {
      port: proxyPort,
      upstreamPort: first.port,
      workers: results.nginxWorkers,
      keepalive: NGINX_KEEPALIVE,
    };
    started.proxy = await startNginx(proxyDir, proxyConfig(proxyDir, proxy), [proxy.port]);
    const check = await getBody(new Agent(), '127.0.0.1', proxy.port);
    if (check.body !== first.body) throw new Error(`nginx proxy answered ${check.status} with another body`);
    const urls: Record<ProxySystem, string> = {
      direct: `http://127.0.0.1:${first.port}/`,
      berth: `http://${listener.host}:${listener.port}/`,
      nginx: `http://127.0.0.1:${proxy.port}/`,
    };
    try {
      results.proxy = proxyResults(await measureProxies(urls, settings, signal, progress));
    } catch (error) {
      results.errors.throughput = signal.aborted ? 'interrupted' : message(error);
    }
    if (signal.aborted) return;
    progress(
      `registration: ${settings.registrations} + 1 warm-up rounds of RegisterTargets → first request served`,
    );
    try {
      results.registration = await measureRegistration(
        listener,
        second,
        haproxy.adminSocket,
        settings.registrations,
        signal,
      );
    } catch (error) {
      results.errors.registration = signal.aborted ? 'interrupted' : message(error);
    }
  } catch (error) {
    results.errors.setup = signal.aborted ? 'interrupted' : message(error);
  } finally {
    progress('cleaning up: nginx proxy, berth (and its HAProxy), backend, temp directory');
    await stopAll(started, results);
    process.removeListener('exit', onExit);
  }
};
