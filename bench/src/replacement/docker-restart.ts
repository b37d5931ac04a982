/**
 * The peer: Docker's own restart policy. Each round creates a fresh container (`docker run -d
 * --restart=always`, same image, 32 MiB, port 80 on a dynamic loopback port) so Docker's
 * restart back-off (100 ms, doubling after quick exits) starts from scratch every time, kills its
 * process, and times until `docker inspect` shows it running again with a new StartedAt, then
 * until the published port answers HTTP. The container is removed after each round.
 */
import type { BenchConfig } from '../config.js';
import { benchLabel, docker } from '../docker-cli.js';
import { waitForHttp } from '../net.js';
import type { StartSample, Starter } from '../start-latency.js';

import { killProcess, pollUntil } from './container-kill.js';

const POLL_MS = 20;
const TIMEOUT_MS = 60_000;
const INSPECT =
  '{{.State.Running}}|{{.State.StartedAt}}|{{.State.FinishedAt}}|{{.State.Pid}}|{{with index .NetworkSettings.Ports "80/tcp"}}{{(index . 0).HostPort}}{{end}}';

interface Inspected {
  readonly running: boolean;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly pid: number;
  readonly hostPort: number;
}

const inspect = async (id: string): Promise<Inspected> => {
  const [running, startedAt = '', finishedAt = '', pid, port] = (
    await docker(['inspect', '-f', INSPECT, id])
  ).split('|');
  return { running: running === 'true', startedAt, finishedAt, pid: Number(pid), hostPort: Number(port) };
};

/** Milliseconds from the kill to what Docker recorded, per round (warm-up first). */
export interface DockerRestartTimeline {
  /** State.FinishedAt: Docker saw the process exit. */
  readonly exitedMs: number;
  /** State.StartedAt of the restarted container. */
  readonly startedMs: number;
}

export interface DockerRestartStarter extends Starter {
  readonly timelines: DockerRestartTimeline[];
}

export const dockerRestartStarter = (config: BenchConfig): DockerRestartStarter => {
  const timelines: DockerRestartTimeline[] = [];
  const start = async (): Promise<StartSample> => {
    const id = await docker([
      'run',
      '-d',
      '--restart=always',
      '--memory',
      '32m',
      '-p',
      '127.0.0.1::80',
      '--label',
      benchLabel,
      config.testImage,
    ]);
    try {
      const first = await pollUntil(
        `container ${id} running`,
        async () => {
          const state = await inspect(id);
          return state.running && state.pid > 0 ? state : undefined;
        },
        POLL_MS,
        TIMEOUT_MS,
      );
      const kill = killProcess(first.pid);
      const again = await pollUntil(
        `container ${id} restarted`,
        async () => {
          const state = await inspect(id);
          return state.running && state.startedAt !== first.startedAt ? state : undefined;
        },
        POLL_MS,
        TIMEOUT_MS,
      );
      const runningMs = performance.now() - kill.began;
      timelines.push({
        exitedMs: Date.parse(again.finishedAt) - kill.wallMs,
        startedMs: Date.parse(again.startedAt) - kill.wallMs,
      });
      const answered = again.hostPort > 0 && (await waitForHttp(again.hostPort, kill.began + TIMEOUT_MS));
      return { runningMs, httpMs: answered ? performance.now() - kill.began : undefined };
    } finally {
      await docker(['rm', '-f', id]);
    }
  };
  return { system: 'docker restart policy', start, timelines };
};
