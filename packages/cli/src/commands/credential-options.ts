/**
 * Who a client command signs as, and for which region: the options and environment shared by
 * `berth agent` and the commands that call the control plane's APIs (`berth usage`).
 */
import type { Command } from 'commander';

import type { AgentCredentials } from '@berth/agent';

import { DEFAULT_REGION } from '../defaults.js';

export interface CredentialFlags {
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export const addCredentialOptions = (command: Command): Command =>
  command
    .option(
      '--region <region>',
      'region to sign requests for',
      process.env.AWS_DEFAULT_REGION ?? DEFAULT_REGION,
    )
    .option('--access-key-id <id>', 'access key id (env BERTH_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID)')
    .option(
      '--secret-access-key <secret>',
      'secret access key (env BERTH_SECRET_ACCESS_KEY or AWS_SECRET_ACCESS_KEY)',
    );

/** The key pair from flags, else BERTH_*, else AWS_* environment; an error names `commandName`. */
export const credentialsFrom = (flags: CredentialFlags, commandName: string): AgentCredentials => {
  const accessKeyId = flags.accessKeyId ?? process.env.BERTH_ACCESS_KEY_ID ?? process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey =
    flags.secretAccessKey ?? process.env.BERTH_SECRET_ACCESS_KEY ?? process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(
      `${commandName} needs credentials: --access-key-id/--secret-access-key or BERTH_ACCESS_KEY_ID/BERTH_SECRET_ACCESS_KEY`,
    );
  }
  return { accessKeyId, secretAccessKey };
};
