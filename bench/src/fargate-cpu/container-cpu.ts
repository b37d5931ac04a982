/** CPU a container uses, from the Docker Engine's stats API: cores = Δ CPU time / Δ wall time. */
import { request } from 'node:http';

const DOCKER_SOCKET = '/var/run/docker.sock';

const totalUsageNs = (containerId: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(
      { socketPath: DOCKER_SOCKET, path: `/containers/${containerId}/stats?stream=false&one-shot=true` },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          try {
            const stats = JSON.parse(body) as { cpu_stats?: { cpu_usage?: { total_usage?: number } } };
            const usage = stats.cpu_stats?.cpu_usage?.total_usage;
            if (usage === undefined)
              reject(new Error(`no CPU usage for ${containerId}: ${body.slice(0, 200)}`));
            else resolve(usage);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });

/** Average cores the container used over `seconds`. */
export const measureCores = async (containerId: string, seconds: number): Promise<number> => {
  const usageBefore = await totalUsageNs(containerId);
  const before = process.hrtime.bigint();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const usageAfter = await totalUsageNs(containerId);
  const wallNs = Number(process.hrtime.bigint() - before);
  return (usageAfter - usageBefore) / wallNs;
};
