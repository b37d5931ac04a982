/**
 * `berth agent`: join this host to a cluster as an EC2-style container instance, or (`--managed`)
 * to the pool of managed capacity that runs FARGATE tasks.
 */
import { join } from 'node:path';

import { Command } from 'commander';

import { Agent } from '@berth/agent';

import { DEFAULT_DATA_DIR } from '../defaults.js';
import { stderrLog } from '../logger.js';

import { addAgentOptions, agentConfigFrom, type AgentFlags } from './agent-options.js';
import { addCredentialOptions, credentialsFrom, type CredentialFlags } from './credential-options.js';
import { onShutdown } from './shutdown.js';

interface AgentCommandFlags extends AgentFlags, CredentialFlags {
  endpoint: string;
  cluster: string;
  managed?: boolean;
  stateDir: string;
  quiet?: boolean;
}

export const agentCommand = (): Command =>
  addAgentOptions(
    addCredentialOptions(
      new Command('agent')
        .description(
          'Run a Berth agent that joins this host to a cluster (or, with --managed, to the FARGATE capacity)',
        )
        .requiredOption('--endpoint <url>', 'the Berth control plane, e.g. http://127.0.0.1:7470')
        .option('--cluster <name>', 'the cluster to join', 'default')
        .option('--managed', 'offer this host as managed (FARGATE) capacity to every cluster instead'),
    )
      .option(
        '--state-dir <dir>',
        "the agent's state (its identity across restarts)",
        join(DEFAULT_DATA_DIR, 'agent'),
      )
      .option('--quiet', 'no log lines on stderr'),
  ).action(async (flags: AgentCommandFlags) => {
    const agent = new Agent(
      agentConfigFrom(flags, {
        endpoint: flags.endpoint,
        credentials: credentialsFrom(flags, 'berth agent'),
        region: flags.region,
        cluster: flags.cluster,
        ...(flags.managed ? { managed: true } : {}),
        stateDir: flags.stateDir,
        log: stderrLog('agent', flags.quiet),
      }),
    );
    const arn = await agent.start();
    process.stdout.write(`Berth agent registered ${arn}\n`);
    onShutdown(async () => {
      await agent.stop({ stopTasks: false });
    });
  });
