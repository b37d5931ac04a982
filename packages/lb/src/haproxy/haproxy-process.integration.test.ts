import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { locateHaproxy, validateHaproxyConfig, type HaproxyBinary } from './haproxy-binary.js';
import { HaproxyConfigRejectedError, HaproxySupervisor } from './haproxy-process.js';
import { processAlive } from './process-liveness.js';
import {
  freePort,
  get,
  makeTempDir,
  removeTempDir,
  startClientLoop,
  startTinyBackend,
  testConfig,
  type TinyBackend,
} from './haproxy.test-support.js';

// A real HAProxy 2.6 (Debian's `haproxy` package) is required: locateHaproxy fails the suite
// with the package to install when it is missing.
describe('HaproxySupervisor on a real HAProxy', () => {
  let binary: HaproxyBinary;
  let dir: string;
  let backend: TinyBackend;
  let port: number;
  let supervisor: HaproxySupervisor;
  const started = new Set<number>();
  const config = (version: string, extra: readonly string[] = []): string =>
    testConfig({
      frontendPort: port,
      backend: 'tg_p',
      servers: [`server t_a 127.0.0.1:${backend.port}`],
      frontendExtra: [`http-response set-header X-Config ${version}`, ...extra],
    });

  beforeAll(async () => {
    binary = await locateHaproxy();
    dir = await makeTempDir();
    backend = await startTinyBackend('a');
    port = await freePort();
    supervisor = new HaproxySupervisor({ binary, directory: dir });
  });

  afterAll(async () => {
    await supervisor.stop().catch(() => undefined);
    for (const pid of started) if (processAlive(pid)) process.kill(pid, 'SIGKILL');
    await backend.close();
    await removeTempDir(dir);
  });

  it('finds Debian HAProxy 2.6 and returns its own message for a bad configuration', async () => {
    expect(binary.version).toMatch(/^2\.6\./);
    await expect(locateHaproxy({ path: '/nonexistent/haproxy' })).rejects.toThrow(/apt-get install haproxy/);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${dir}/bad.cfg`, 'frontend f\n  bogus_keyword\n');
    const result = await validateHaproxyConfig(binary, [`${dir}/bad.cfg`]);
    expect(result.valid).toBe(false);
    expect(!result.valid && result.message).toMatch(/unknown keyword 'bogus_keyword'/);
  });

  it('refuses to start from an invalid configuration, starting nothing', async () => {
    await expect(supervisor.start('frontend f\n  bogus_keyword\n')).rejects.toThrow(
      HaproxyConfigRejectedError,
    );
    expect(existsSync(supervisor.layout.pidFile)).toBe(false);
  });

  it('starts detached and serves', async () => {
    const result = await supervisor.start(config('v1'));
    started.add(result.masterPid);
    expect(result.adopted).toBe(false);
    // Detached: its own session and process group, so killing Berth's group leaves it serving.
    const group = (pid: number | 'self'): string =>
      readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[2] ?? '';
    expect(group(result.masterPid)).not.toBe(group('self'));
    const reply = await get(port);
    expect([reply.status, reply.body, reply.headers['x-config']]).toEqual([200, 'a', 'v1']);
  });

  it('reloads seamlessly: in-flight slow requests survive, a client loop sees no failure', async () => {
    const before = await supervisor.showProc();
    const loop = startClientLoop(port);
    const slow = [get(port, '/slow?ms=1500'), get(port, '/slow?ms=1200')];
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await supervisor.reload(config('v2'));
    const current = after.workers.find((w) => w.reloads === 0);
    expect(current).toBeDefined();
    expect(before.workers.map((w) => w.pid)).not.toContain(current?.pid);
    expect((await get(port)).headers['x-config']).toBe('v2');
    for (const reply of await Promise.all(slow)) expect([reply.status, reply.body]).toEqual([200, 'a']);
    await loop.stop();
    expect(loop.failures).toEqual([]);
    expect(loop.bodies.length).toBeGreaterThan(0);
  });

  it('keeps the old configuration serving when a reload is refused', async () => {
    await expect(supervisor.reload(config('v3', ['bogus_keyword']))).rejects.toThrow(
      /unknown keyword 'bogus_keyword'/,
    );
    expect((await get(port)).headers['x-config']).toBe('v2');
  });

  it('detects a reload that passes -c but fails to load (a port in use), old config still serving', async () => {
    const holder = await startTinyBackend('holder');
    try {
      const refused = supervisor.reload(config('v3', [`bind 127.0.0.1:${holder.port}`]));
      await expect(refused).rejects.toThrow(HaproxyConfigRejectedError);
      expect((await get(port)).headers['x-config']).toBe('v2');
      await supervisor.reload(config('v2'));
      expect((await get(port)).headers['x-config']).toBe('v2');
    } finally {
      await holder.close();
    }
  });

  it('a second supervisor adopts the running HAProxy without dropping a request', async () => {
    const loop = startClientLoop(port);
    const second = new HaproxySupervisor({ binary, directory: dir });
    const result = await second.start(config('v2'));
    expect(result).toEqual({ adopted: true, masterPid: supervisor.masterPid });
    await second.reload(config('v4'));
    expect((await get(port)).headers['x-config']).toBe('v4');
    await loop.stop();
    expect(loop.failures).toEqual([]);
    supervisor = second;
  });

  it('stops, leaving no HAProxy process and no socket', async () => {
    const proc = await supervisor.showProc();
    const pids = [proc.masterPid, ...proc.workers.map((w) => w.pid)];
    await supervisor.stop();
    for (const pid of pids) expect(processAlive(pid), `pid ${pid}`).toBe(false);
    expect(existsSync(supervisor.layout.masterSocket)).toBe(false);
    expect(existsSync(supervisor.layout.pidFile)).toBe(false);
    await expect(get(port, '/', 1000)).rejects.toThrow();
  });
});
