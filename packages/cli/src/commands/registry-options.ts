/**
 * `berth server` options for the ECR registry: its port, the host its repository URIs name, and
 * how often lifecycle policies and the blob collector run (AWS: within 24 h; tests set seconds).
 */
import { InvalidArgumentError, type Command } from 'commander';

import type { RegistryConfig } from '@berth/server';

export const DEFAULT_REGISTRY_PORT = 7471;

export interface RegistryFlags {
  registryPort: number;
  registryHost?: string;
  ecrLifecycleInterval: number;
  registryGcInterval: number;
  registryGcGrace: number;
}

/** A TCP port number (0: the system picks a free one). */
export const portNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('Not a port number.');
  return n;
};

const positiveSeconds = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError('Not a positive whole number of seconds.');
  return n;
};

const hostAndPort = (value: string): string => {
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(value))
    throw new InvalidArgumentError('A registry host is a host name or address, with an optional :port.');
  return value;
};

export const addRegistryOptions = (command: Command): Command =>
  command
    .option(
      '--registry-port <port>',
      'port the ECR registry (docker login/push/pull) listens on (0 picks a free one)',
      portNumber,
      DEFAULT_REGISTRY_PORT,
    )
    .option(
      '--registry-host <host[:port]>',
      'the registry host repository URIs name (default: localhost:<registry port>, which Docker trusts without TLS)',
      hostAndPort,
    )
    .option(
      '--ecr-lifecycle-interval <seconds>',
      'how often ECR lifecycle policies are applied',
      positiveSeconds,
      3600,
    )
    .option(
      '--registry-gc-interval <seconds>',
      'how often the registry removes blobs no image references',
      positiveSeconds,
      600,
    )
    .option(
      '--registry-gc-grace <seconds>',
      'how long an unreferenced blob is kept (a push in progress references its layers only at the end)',
      positiveSeconds,
      3600,
    );

export const registryConfigFrom = (flags: RegistryFlags, directory: string): RegistryConfig => ({
  directory,
  port: flags.registryPort,
  ...(flags.registryHost === undefined ? {} : { advertisedHost: flags.registryHost }),
  lifecycleIntervalMs: flags.ecrLifecycleInterval * 1000,
  gcIntervalMs: flags.registryGcInterval * 1000,
  gcGraceMs: flags.registryGcGrace * 1000,
});
