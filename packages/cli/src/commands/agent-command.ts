/** `berth agent`: join this host to a cluster as an EC2-style container instance. */
import { join } from 'node:path';

import { Command } from 'commander';

import { Agent } from '@berth/agent';

import { DEFAULT_DATA_DIR, DEFAULT_REGION } from '../defaults.js';
import { stderrLog } from '../logger.js';

import { addAgentOptions, agentConfigFrom, type AgentFlags } from './agent-options.js';
import { onShutdown } from './shutdown.js';

interface AgentCommandFlags extends AgentFlags {
  endpoint: string;
  cluster: string;
  region: string;
  stateDir: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  quiet?: boolean;
}

export const agentCommand = (): Command =>
  addAgentOptions(
    new Command('agent')
      .description('Run a Berth agent that joins this host to a cluster')
      .requiredOption('--endpoint <url>', 'the Berth control plane, e.g. http://127.0.0.1:7470')
      .option('--cluster <name>', 'the cluster to join', 'default')
      .option(
        '--region <region>',
        'region to sign requests for',
        process.env.AWS_DEFAULT_REGION ?? DEFAULT_REGION,
      )
      .option(
        '--state-dir <dir>',
        "the agent's state (its identity across restarts)",
        join(DEFAULT_DATA_DIR, 'agent'),
      )
      .option('--access-key-id <id>', 'access key id (env BERTH_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID)')
      .option(
        '--secret-access-key <secret>',
        'secret access key (env BERTH_SECRET_ACCESS_KEY or AWS_SECRET_ACCESS_KEY)',
      )
      .option('--quiet', 'no log lines on stderr'),
  ).action(async (flags: AgentCommandFlags) => {
    const accessKeyId = flags.accessKeyId ?? process.env.BERTH_ACCESS_KEY_ID ?? process.env.AWS_ACCESS_KEY_ID;
    const secretAccessKey =
      flags.secretAccessKey ?? process.env.BERTH_SECRET_ACCESS_KEY ?? process.env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw new Error(
        'berth agent needs credentials: --access-key-id/--secret-access-key or BERTH_ACCESS_KEY_ID/BERTH_SECRET_ACCESS_KEY',
      );
    }
    const agent = new Agent(
      agentConfigFrom(flags, {
        endpoint: flags.endpoint,
        credentials: { accessKeyId, secretAccessKey },
        region: flags.region,
        cluster: flags.cluster,
        stateDir: flags.stateDir,
        log: stderrLog('agent', flags.quiet),
      }),
    );
    const instance = await agent.start();
    process.stdout.write(`Berth agent registered ${instance.containerInstanceArn ?? ''}\n`);
    onShutdown(() => agent.stop({ stopTasks: false }));
  });
