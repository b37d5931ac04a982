/**
 * `berth gc`: removes what Berth agents that are no longer running left on this host — containers
 * and volumes carrying Berth's ownership labels whose owner holds no live claim in the host
 * registry — and deletes stale claims. Nothing without Berth's labels is touched; running agents'
 * containers never are.
 */
import { Command } from 'commander';

import { collectGarbage, DockerRuntime, HostRegistry } from '@berth/agent';

import { stderrLog } from '../logger.js';

interface GcFlags {
  dryRun?: boolean;
  owner: string[];
  dockerSocket?: string;
  runDir?: string;
  stopTimeout: number;
  quiet?: boolean;
}

export const gcCommand = (): Command =>
  new Command('gc')
    .description('Remove the containers and volumes left by Berth agents that are no longer running')
    .option('--dry-run', 'list what would be removed, remove nothing')
    .option(
      '--owner <arn>',
      'only what this agent (container instance or managed host ARN) left; repeatable',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--stop-timeout <seconds>', 'SIGTERM → SIGKILL grace for containers still running', Number, 10)
    .option('--docker-socket <path>', 'Docker Engine socket (default: /var/run/docker.sock)')
    .option('--run-dir <dir>', 'the host registry of running agents (default: BERTH_RUN_DIR or /run/berth)')
    .option('--quiet', 'no log lines on stderr')
    .action(async (flags: GcFlags) => {
      const runtime = new DockerRuntime(flags.dockerSocket ? { socketPath: flags.dockerSocket } : {});
      const report = await collectGarbage(runtime, new HostRegistry(flags.runDir), {
        dryRun: flags.dryRun === true,
        stopTimeoutSeconds: flags.stopTimeout,
        ...(flags.owner.length > 0 ? { owners: new Set(flags.owner) } : {}),
        log: stderrLog('gc', flags.quiet),
      });
      const verb = flags.dryRun ? 'would remove' : 'removed';
      const lines = [
        `${verb} ${report.containers.length} containers and ${report.volumes.length} volumes of ${report.owners.length} agents no longer running`,
        ...report.containers.map((c) => `  ${c.id.slice(0, 12)} ${c.name} (${c.state})`),
        ...(flags.dryRun ? [] : [`deleted ${report.staleClaims} stale agent claims`]),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
