/**
 * The floor as a user would measure it: `docker run -d` (same image, 64 MiB, port 80
 * published on a dynamic loopback port), then `docker inspect` until State.Running, then
 * poll the port until it answers HTTP; `docker rm -f` before the next start.
 */
import type { BenchConfig } from './config.js';
import { benchLabel, docker } from './docker-cli.js';
import { waitForHttp } from './net.js';
import { sleep, type StartSample, type Starter } from './start-latency.js';

const INSPECT =
  '{{.State.Running}} {{with index .NetworkSettings.Ports "80/tcp"}}{{(index . 0).HostPort}}{{end}}';

export const dockerRunStarter = (config: BenchConfig): Starter => {
  const once = async (): Promise<StartSample> => {
    const start = performance.now();
    const id = await docker([
      'run',
      '-d',
      '--memory',
      '64m',
      '-p',
      '127.0.0.1::80',
      '--label',
      benchLabel,
      config.testImage,
    ]);
    try {
      const deadline = start + 60_000;
      let hostPort = 0;
      for (;;) {
        const [running, port] = (await docker(['inspect', '-f', INSPECT, id])).split(' ');
        if (running === 'true') {
          hostPort = Number(port);
          break;
        }
        if (performance.now() > deadline) throw new Error(`container ${id} not running in 60 s`);
        await sleep(20);
      }
      const runningMs = performance.now() - start;
      const answered = hostPort > 0 && (await waitForHttp(hostPort, deadline));
      return { runningMs, httpMs: answered ? performance.now() - start : undefined };
    } finally {
      await docker(['rm', '-f', id]);
    }
  };
  return { system: 'docker run (CLI)', start: once };
};
