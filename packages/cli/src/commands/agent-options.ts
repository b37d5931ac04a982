/** Options shared by `berth server` (its embedded agent) and `berth agent`. */
import { InvalidArgumentError, Option, type Command } from 'commander';

import { STATS_DEFAULTS, type AgentConfig } from '@berth/agent';
import type { Attribute } from '@berth/wire/ecs';

import type { Log } from '../logger.js';
import { PULL_BEHAVIORS } from '../defaults.js';

export interface AgentFlags {
  availabilityZone?: string;
  instanceType: string;
  attribute: Attribute[];
  cpu?: number;
  memory?: number;
  reservedMemory: number;
  imagePullBehavior: (typeof PULL_BEHAVIORS)[number];
  dockerSocket?: string;
  containerStopTimeout: number;
  taskCleanupWait: number;
  autoScalingGroup?: string;
  awsvpcCidr?: string;
  strictUlimits?: boolean;
  statsInterval: number;
  taskEndpointAddress?: string;
  taskEndpointPort?: number;
}

const integer = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('Not a non-negative integer.');
  return n;
};

export const positiveInteger = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('Not a positive integer.');
  return n;
};

const attribute = (value: string, previous: Attribute[]): Attribute[] => {
  const [name = '', ...rest] = value.split('=');
  if (!name) throw new InvalidArgumentError('Expected name=value.');
  return [...previous, rest.length > 0 ? { name, value: rest.join('=') } : { name }];
};

/** A group name must be a valid ECS attribute value: it travels as the `berth.auto-scaling-group` attribute. */
const groupName = (value: string): string => {
  if (!/^[a-zA-Z0-9_.\-/:@ ]{1,128}$/.test(value)) {
    throw new InvalidArgumentError('Expected 1-128 letters, numbers, or _ . - / : @ and spaces.');
  }
  return value;
};

export const addAgentOptions = (command: Command): Command =>
  command
    .option('--availability-zone <zone>', 'ecs.availability-zone of this instance (default: <region>a)')
    .option('--instance-type <type>', 'ecs.instance-type of this instance', 'berth.host')
    .option('--attribute <name=value>', 'a custom attribute (repeatable)', attribute, [])
    .option('--cpu <units>', 'CPU units to offer (default: cores × 1024)', integer)
    .option('--memory <mib>', 'memory MiB to offer (default: all)', integer)
    .option('--reserved-memory <mib>', 'memory MiB kept back from tasks (ECS_RESERVED_MEMORY)', integer, 0)
    .addOption(
      new Option('--image-pull-behavior <behavior>', 'ECS_IMAGE_PULL_BEHAVIOR')
        .choices(PULL_BEHAVIORS)
        .default('prefer-cached'),
    )
    .option('--container-stop-timeout <seconds>', 'ECS_CONTAINER_STOP_TIMEOUT', integer, 30)
    .option(
      '--task-cleanup-wait <seconds>',
      "ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION: how long a STOPPED task's containers are kept",
      integer,
      3 * 60 * 60,
    )
    .option(
      '--awsvpc-cidr <cidr>',
      'the address block awsvpc tasks get addresses from (default: a free /22 of 127.1.0.0/16)',
    )
    .option(
      '--strict-ulimits',
      "pass ulimits as given: a task asking for more than the host allows fails (default: grant the host's maximum)",
    )
    .option(
      '--stats-interval <seconds>',
      "how often RUNNING tasks' CPU and memory use is sampled for the AWS/ECS metrics",
      positiveInteger,
      STATS_DEFAULTS.intervalSeconds,
    )
    .option(
      '--task-endpoint-address <ip>',
      'where containers reach the task metadata and credentials endpoint (added to lo; default 169.254.170.2)',
    )
    .option(
      '--task-endpoint-port <port>',
      "the task metadata and credentials endpoint's port; the API forwarder takes the next one (default: any free ports)",
      integer,
    )
    .option('--docker-socket <path>', 'Docker Engine socket (default: /var/run/docker.sock)')
    .option(
      '--auto-scaling-group <name>',
      'the Auto Scaling group this instance joins: capacity providers with this group name place tasks here',
      groupName,
    );

export const agentConfigFrom = (
  flags: AgentFlags,
  base: {
    endpoint: string;
    credentials: AgentConfig['credentials'];
    region: string;
    cluster: string;
    stateDir: string;
    log: Log;
  },
): AgentConfig => ({
  ...base,
  host: {
    availabilityZone: flags.availabilityZone ?? `${base.region}a`,
    instanceType: flags.instanceType,
    reservedMemoryMiB: flags.reservedMemory,
    ...(flags.cpu !== undefined ? { cpuUnits: flags.cpu } : {}),
    ...(flags.memory !== undefined ? { memoryMiB: flags.memory } : {}),
    customAttributes: flags.attribute,
    ...(flags.autoScalingGroup ? { autoScalingGroup: flags.autoScalingGroup } : {}),
  },
  engine: {
    imagePullBehavior: flags.imagePullBehavior,
    containerStopTimeoutSeconds: flags.containerStopTimeout,
    taskCleanupWaitSeconds: flags.taskCleanupWait,
  },
  stats: { intervalSeconds: flags.statsInterval },
  ...(flags.dockerSocket ? { dockerSocket: flags.dockerSocket } : {}),
  ...(flags.awsvpcCidr !== undefined ? { awsvpcCidr: flags.awsvpcCidr } : {}),
  ...(flags.strictUlimits ? { strictUlimits: true } : {}),
  taskEndpoint: {
    ...(flags.taskEndpointAddress !== undefined ? { address: flags.taskEndpointAddress } : {}),
    ...(flags.taskEndpointPort !== undefined
      ? { port: flags.taskEndpointPort, forwarderPort: flags.taskEndpointPort + 1 }
      : {}),
  },
});
