/** The `docker` CLI, and cleanup of exactly the containers this run is responsible for. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const docker = async (args: readonly string[]): Promise<string> =>
  (await run('docker', [...args], { timeout: 60_000 })).stdout.trim();

/** Label on every container the bench creates itself, so cleanup removes exactly those. */
export const benchLabel = `berth-bench.run=${process.pid}`;

/** Removes any container this run created itself and left behind (after a failure). */
export const removeBenchContainers = async (): Promise<void> => {
  const ids = (await docker(['ps', '-aq', '--filter', `label=${benchLabel}`])).split('\n').filter(Boolean);
  if (ids.length > 0) await docker(['rm', '-f', ...ids]);
};

/**
 * Removes containers Berth left behind for the tasks this run started (matched by their
 * `com.amazonaws.ecs.task-arn` label) and returns how many there were: a clean Berth shutdown
 * leaves none.
 */
export const removeTaskContainers = async (taskArns: ReadonlySet<string>): Promise<number> => {
  if (taskArns.size === 0) return 0;
  const listed = await docker([
    'ps',
    '-a',
    '--filter',
    'label=com.amazonaws.ecs.task-arn',
    '--format',
    '{{.ID}} {{.Label "com.amazonaws.ecs.task-arn"}}',
  ]);
  const ids = listed
    .split('\n')
    .map((line) => line.split(' '))
    .filter(([id, arn]) => id && arn && taskArns.has(arn))
    .map(([id]) => id ?? '');
  if (ids.length > 0) await docker(['rm', '-f', ...ids]);
  return ids.length;
};
