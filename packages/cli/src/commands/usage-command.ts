/**
 * `berth usage`: the Fargate usage of a cluster (vCPU-seconds, GB-seconds and estimated cost per
 * task, and totals) from the control plane's admin API, signed with the same credentials as
 * `berth agent`.
 */
import { Command } from 'commander';

import { ControlPlaneClient } from '@berth/agent';
import type { GetUsageReportRequest } from '@berth/ecs';

import { addCredentialOptions, credentialsFrom, type CredentialFlags } from './credential-options.js';
import { fetchUsageReport } from './usage-client.js';
import { formatUsageReport } from './usage-table.js';

interface UsageFlags extends CredentialFlags {
  endpoint: string;
  cluster?: string;
  service?: string;
  task?: string;
  json?: boolean;
}

const requestFrom = (flags: UsageFlags): GetUsageReportRequest => ({
  ...(flags.cluster !== undefined ? { cluster: flags.cluster } : {}),
  ...(flags.service !== undefined ? { serviceName: flags.service } : {}),
  ...(flags.task !== undefined ? { task: flags.task } : {}),
});

export const usageCommand = (): Command =>
  addCredentialOptions(
    new Command('usage')
      .description('Show Fargate usage (vCPU-seconds, GB-seconds, estimated cost) of a cluster')
      .requiredOption('--endpoint <url>', 'the Berth control plane, e.g. http://127.0.0.1:7470')
      .option('--cluster <name>', 'cluster name or ARN (default: default)')
      .option('--service <name>', 'only the tasks of this service')
      .option('--task <id>', 'only this task (id or ARN)')
      .option('--json', 'print the raw GetUsageReport response'),
  ).action(async (flags: UsageFlags) => {
    const client = new ControlPlaneClient(
      flags.endpoint,
      credentialsFrom(flags, 'berth usage'),
      flags.region,
    );
    const report = await fetchUsageReport(client, requestFrom(flags));
    process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatUsageReport(report));
  });
