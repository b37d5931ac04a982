/**
 * `berth reclaim-spot`: takes FARGATE_SPOT capacity back, as AWS does when it needs it. The
 * cluster's spot tasks stop with stopCode SpotInterruption after the server's warning period
 * (`berth server --spot-warning-seconds`); services replace them.
 */
import { Command, InvalidArgumentError } from 'commander';

import { ControlPlaneClient } from '@berth/agent';
import { ADMIN_TARGET_PREFIX, type ReclaimSpotRequest } from '@berth/ecs';

import { addCredentialOptions, credentialsFrom, type CredentialFlags } from './credential-options.js';

interface ReclaimSpotFlags extends CredentialFlags {
  endpoint: string;
  cluster?: string;
  count?: number;
}

const CALL_TIMEOUT_MS = 30_000;

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Not a positive integer.');
  return n;
};

export const reclaimSpotCommand = (): Command =>
  addCredentialOptions(
    new Command('reclaim-spot')
      .description("Interrupt a cluster's FARGATE_SPOT tasks (stopCode SpotInterruption)")
      .requiredOption('--endpoint <url>', 'the Berth control plane, e.g. http://127.0.0.1:7470')
      .option('--cluster <name>', 'cluster name or ARN (default: default)')
      .option('--count <n>', 'reclaim only the oldest n spot tasks', positive),
  ).action(async (flags: ReclaimSpotFlags) => {
    const client = new ControlPlaneClient(
      flags.endpoint,
      credentialsFrom(flags, 'berth reclaim-spot'),
      flags.region,
    );
    const request: ReclaimSpotRequest = {
      ...(flags.cluster !== undefined ? { cluster: flags.cluster } : {}),
      ...(flags.count !== undefined ? { count: flags.count } : {}),
    };
    const { reclaimedTaskArns } = await client.call<{ reclaimedTaskArns: string[] }>(
      `${ADMIN_TARGET_PREFIX}.ReclaimSpotCapacity`,
      request,
      CALL_TIMEOUT_MS,
    );
    process.stdout.write(
      [`Reclaimed ${reclaimedTaskArns.length} FARGATE_SPOT task(s)`, ...reclaimedTaskArns, ''].join('\n'),
    );
  });
