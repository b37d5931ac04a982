/**
 * How the containers die. By default both systems lose theirs the same way: SIGKILL to the
 * container's main process, sent from the host — what a crash or the kernel's OOM killer looks
 * like — with the clock started just before the signal. Not `docker kill`: Docker marks a
 * container it killed itself as stopped by hand, and its restart policy then leaves it down
 * (checked on Docker 20.10), so the peer cannot be measured that way. Berth alone can also be
 * killed with `docker kill` (BENCH_REPLACEMENT_KILL=docker-kill; the clock then starts before the
 * CLI call and includes it).
 */
import { docker } from '../docker-cli.js';
import { sleep } from '../start-latency.js';

/** The host PID of a running container's main process. */
export const containerPid = async (id: string): Promise<number> => {
  const pid = Number(await docker(['inspect', '-f', '{{.State.Pid}}', id]));
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`container ${id} has no running process`);
  return pid;
};

/** Date.parse of the container's State.FinishedAt (when Docker saw its process exit), if it still exists. */
export const finishedAt = async (id: string): Promise<number | undefined> => {
  const text = await docker(['inspect', '-f', '{{.State.FinishedAt}}', id]).catch(() => '');
  const time = Date.parse(text);
  return Number.isFinite(time) && time > 0 ? time : undefined;
};

export interface Kill {
  /** performance.now() just before the signal: every latency is measured from here. */
  readonly began: number;
  /** Date.now() at the same moment, to compare with the timestamps the systems record. */
  readonly wallMs: number;
}

export const killProcess = (pid: number): Kill => {
  const kill = { began: performance.now(), wallMs: Date.now() };
  process.kill(pid, 'SIGKILL');
  return kill;
};

export type KillMode = 'signal' | 'docker-kill';

export const readKillMode = (): KillMode => {
  const raw = process.env.BENCH_REPLACEMENT_KILL ?? 'signal';
  if (raw !== 'signal' && raw !== 'docker-kill')
    throw new Error(`BENCH_REPLACEMENT_KILL must be signal or docker-kill, got ${raw}`);
  return raw;
};

/** Kills a running container the given way; the clock starts just before the kill. */
export const killContainer = async (id: string, mode: KillMode): Promise<Kill> => {
  if (mode === 'signal') return killProcess(await containerPid(id));
  const kill = { began: performance.now(), wallMs: Date.now() };
  await docker(['kill', id]);
  return kill;
};

/** Calls `check` every `intervalMs` until it returns a value; throws after `timeoutMs`. */
export const pollUntil = async <T>(
  what: string,
  check: () => Promise<T | undefined>,
  intervalMs: number,
  timeoutMs: number,
): Promise<T> => {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
};
