import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { backendName, serverName, type ServerPlan, type TargetGroupPlan } from '../model/lb-model.js';
import { locateHaproxy } from './haproxy-binary.js';
import { HaproxySupervisor } from './haproxy-process.js';
import { processAlive } from './process-liveness.js';
import { RuntimeApiError } from './runtime-api.js';
import { ServerSyncDriver } from './server-sync-driver.js';
import { statDeltas } from './stat-counter-deltas.js';
import {
  eventually,
  freePort,
  get,
  makeTempDir,
  removeTempDir,
  startClientLoop,
  startTinyBackend,
  testConfig,
  type ClientLoop,
  type TinyBackend,
} from './haproxy.test-support.js';

const targetGroupId = 'rt';
const backend = backendName(targetGroupId);

describe('runtime API and server sync on a real HAProxy', () => {
  let dir: string;
  let port: number;
  let supervisor: HaproxySupervisor;
  let driver: ServerSyncDriver;
  let targets: TinyBackend[];
  let loop: ClientLoop | undefined;
  const server = (target: TinyBackend, state: ServerPlan['state'] = 'ready', weight = 100): ServerPlan => ({
    name: serverName('127.0.0.1', target.port),
    address: '127.0.0.1',
    port: target.port,
    state,
    weight,
  });
  const group = (servers: readonly ServerPlan[]): TargetGroupPlan => ({
    id: targetGroupId,
    name: 'rt',
    algorithm: 'round_robin',
    servers,
  });
  /** The bodies the loop saw since `from`, as a set. */
  const seenSince = (from: number): Set<string> => new Set(loop?.bodies.slice(from));
  const config = (version: string): string =>
    testConfig({
      frontendPort: port,
      backend,
      frontendExtra: [`http-response set-header X-Config ${version}`],
    });

  beforeAll(async () => {
    const binary = await locateHaproxy();
    dir = await makeTempDir();
    port = await freePort();
    targets = await Promise.all(['a', 'b', 'c'].map(startTinyBackend));
    supervisor = new HaproxySupervisor({ binary, directory: dir });
    await supervisor.start(config('v1'));
    driver = new ServerSyncDriver(supervisor.runtimeApi);
  });

  afterAll(async () => {
    await loop?.stop();
    const master = supervisor.masterPid;
    await supervisor.stop().catch(() => undefined);
    if (master !== undefined && processAlive(master)) process.kill(master, 'SIGKILL');
    await Promise.all(targets.map((t) => t.close()));
    await removeTempDir(dir);
  });

  it('adds and enables a server; requests reach it', async () => {
    const [a] = targets as [TinyBackend];
    const result = await driver.syncTargetGroup(group([server(a)]));
    expect(result.commands.map((c) => c.kind)).toEqual(['add-server', 'enable-server']);
    const observed = await supervisor.runtimeApi.showServersState(backend);
    expect(observed.map((s) => [s.name, s.state, s.weight])).toEqual([[server(a).name, 'ready', 100]]);
    expect((await get(port)).body).toBe('a');
    loop = startClientLoop(port);
  });

  it('adds, drains and deletes servers while the client loop sees no failure', async () => {
    const [a, b, c] = targets as [TinyBackend, TinyBackend, TinyBackend];
    await driver.syncTargetGroup(group([server(a), server(b)]));
    let from = loop?.bodies.length ?? 0;
    await eventually('both a and b to answer', () => seenSince(from).size === 2);

    await driver.syncTargetGroup(group([server(a, 'drain'), server(b)]));
    // The one request in flight when a was drained may still finish on a: that is what drain means.
    from = (loop?.bodies.length ?? 0) + 1;
    await eventually('a few requests after draining a', () => (loop?.bodies.length ?? 0) > from + 10);
    expect(seenSince(from)).toEqual(new Set(['b']));

    await driver.syncTargetGroup(group([server(b), server(c, 'ready', 50)]));
    from = loop?.bodies.length ?? 0;
    await eventually('c to answer', () => seenSince(from).has('c'));
    expect(seenSince(from).has('a')).toBe(false);
    const names = (await supervisor.runtimeApi.showServersState(backend)).map((s) => [s.name, s.weight]);
    expect(names).toEqual([
      [server(b).name, 100],
      [server(c).name, 50],
    ]);
    expect(loop?.failures).toEqual([]);
  });

  it('reports counters through show stat', async () => {
    const [, b] = targets as [TinyBackend, TinyBackend];
    const rows = await supervisor.runtimeApi.showStat();
    const row = rows.find((r) => r.pxname === backend && r.svname === server(b).name);
    expect(row?.type).toBe('server');
    expect(row?.hrsp_2xx).toBeGreaterThan(0);
    const front = rows.find((r) => r.type === 'frontend' && r.pxname === 'ls_test');
    expect(front?.req_tot).toBeGreaterThan(0);
  });

  it('re-applies servers after a reload, which drops dynamic servers (and restarts the counters)', async () => {
    const [, b, c] = targets as [TinyBackend, TinyBackend, TinyBackend];
    await loop?.stop();
    loop = undefined;
    const before = await supervisor.runtimeApi.statSample();
    await supervisor.reload(config('v2'));
    expect(await supervisor.runtimeApi.showServersState(backend)).toEqual([]);
    const [result] = await driver.syncAll([group([server(b), server(c, 'ready', 50)])]);
    expect(result?.commands.filter((cmd) => cmd.kind === 'add-server')).toHaveLength(2);
    const reply = await get(port);
    expect([reply.status, reply.headers['x-config']]).toEqual([200, 'v2']);
    // The new worker counts from zero: its one request is the interval's one request.
    const after = await supervisor.runtimeApi.statSample();
    expect(after.workerPid).toBeGreaterThan(0);
    expect(after.workerPid).not.toBe(before.workerPid);
    const front = statDeltas(before, after)?.find((d) => d.type === 'frontend' && d.pxname === 'ls_test');
    expect(front?.counts.req_tot).toBe(1);
  });

  it('speaks the typed helpers and surfaces HAProxy refusals', async () => {
    const [a, b] = targets as [TinyBackend, TinyBackend];
    const api = supervisor.runtimeApi;
    const name = server(b).name;
    await api.setServerWeight(backend, name, 7);
    await api.setServerAddress(backend, name, '127.0.0.1', a.port);
    await api.setServerState(backend, name, 'maint');
    await api.shutdownSessions(backend, name);
    const observed = (await api.showServersState(backend)).find((s) => s.name === name);
    expect(observed).toMatchObject({ weight: 7, port: a.port, state: 'maint' });
    await api.deleteServer(backend, name);
    await expect(api.enableServer(backend, name)).rejects.toThrow(RuntimeApiError);
    await expect(api.enableServer(backend, name)).rejects.toThrow(/No such server/);
    await expect(api.showServersState('tg_missing')).rejects.toThrow(/Can't find backend/);
    await api.addServer(backend, 'x1', '127.0.0.1', b.port, 1);
    await expect(api.deleteServer(backend, 'x1')).resolves.toBeUndefined();
  });
});
