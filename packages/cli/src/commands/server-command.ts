/**
 * `berth server`: the control plane plus embedded agents for this host, on loopback: one joins the
 * cluster as a container instance, one offers the host as managed (FARGATE) capacity.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { Command, InvalidArgumentError } from 'commander';

import { Agent, HostRegistry, splitAddressBlock } from '@berth/agent';
import { DEFAULT_SPOT_WARNING_SECONDS } from '@berth/ecs';
import { startControlPlane, type AlarmWebhook } from '@berth/server';

import { resolveKeyPair } from '../credentials-file.js';
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_DATA_DIR,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_REGION,
} from '../defaults.js';
import { stderrLog } from '../logger.js';

import { addAgentOptions, agentConfigFrom, positiveInteger, type AgentFlags } from './agent-options.js';
import { collectAlarmWebhook } from './alarm-webhook-option.js';
import { claimLoadBalancerBlock } from './load-balancer-block.js';
import {
  addRegistryOptions,
  portNumber,
  registryConfigFrom,
  type RegistryFlags,
} from './registry-options.js';
import { onShutdown } from './shutdown.js';
import { addFargatePriceOptions, fargatePricesFrom, type FargatePriceFlags } from './usage-price-options.js';

interface ServerFlags extends AgentFlags, FargatePriceFlags, RegistryFlags {
  host: string;
  port: number;
  dataDir: string;
  inMemory?: boolean;
  rotateSecretsKey?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  accountId: string;
  region: string;
  agent: boolean;
  managed: boolean;
  cluster: string;
  stoppedTaskRetention: number;
  spotWarningSeconds: number;
  lbCidr?: string;
  lifecycleHookDir?: string;
  scalingCooldownCap?: number;
  targetTrackingAlarmPeriod: number;
  albMetricsInterval: number;
  alarmWebhook: AlarmWebhook[];
  quiet?: boolean;
}

/**
 * The embedded agents each need an address block of their own: a `--awsvpc-cidr` given to the
 * server is split in two halves, the first for the container instance, the second for the managed
 * capacity. Without one, each agent claims a free block itself.
 */
const awsvpcShare = (flags: ServerFlags, half: 0 | 1 | undefined): ServerFlags => {
  if (flags.awsvpcCidr === undefined || half === undefined) return flags;
  const halves = splitAddressBlock(flags.awsvpcCidr);
  if (!halves)
    throw new InvalidArgumentError(`--awsvpc-cidr ${flags.awsvpcCidr} cannot be split between two agents.`);
  return { ...flags, awsvpcCidr: halves[half] };
};

/** With `--task-endpoint-port`, the second embedded agent's endpoint takes the two ports after the first's. */
const taskEndpointShare = (flags: ServerFlags, second: boolean): ServerFlags =>
  flags.taskEndpointPort === undefined || !second
    ? flags
    : { ...flags, taskEndpointPort: flags.taskEndpointPort + 2 };

const scratchDir = (scratch: string[], name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `berth-${name}-`));
  scratch.push(dir);
  return dir;
};

const nonNegativeSeconds = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('Not a whole number of seconds.');
  return n;
};

/** CloudWatch alarm periods: 10, 20, 30 or a multiple of 60 seconds. */
const alarmPeriod = (value: string): number => {
  const n = Number(value);
  if (![10, 20, 30].includes(n) && !(Number.isInteger(n) && n > 0 && n % 60 === 0)) {
    throw new InvalidArgumentError('An alarm period is 10, 20, 30 or a multiple of 60 seconds.');
  }
  return n;
};

const accountId = (value: string): string => {
  if (!/^\d{12}$/.test(value)) throw new InvalidArgumentError('An account id is 12 digits.');
  return value;
};

export const serverCommand = (): Command =>
  addRegistryOptions(
    addFargatePriceOptions(
      addAgentOptions(
        new Command('server')
          .description(
            'Run the Berth control plane with embedded agents for this host (a container instance, and managed FARGATE capacity)',
          )
          .option('--host <address>', 'address to listen on', DEFAULT_HOST)
          .option('--port <port>', 'port to listen on (0 picks a free one)', portNumber, DEFAULT_PORT)
          .option('--data-dir <dir>', 'where state (SQLite) and credentials are kept', DEFAULT_DATA_DIR)
          .option('--in-memory', 'keep state in memory; a clean shutdown stops the containers it started')
          .option(
            '--rotate-secrets-key',
            'start with a new key for Secrets Manager and SSM values and re-encrypt every stored value with it',
          )
          .option('--access-key-id <id>', 'access key id clients sign with (env BERTH_ACCESS_KEY_ID)')
          .option('--secret-access-key <secret>', 'secret access key (env BERTH_SECRET_ACCESS_KEY)')
          .option('--account-id <id>', 'the account resources belong to', accountId, DEFAULT_ACCOUNT_ID)
          .option(
            '--region <region>',
            'region of the embedded agent',
            process.env.AWS_DEFAULT_REGION ?? DEFAULT_REGION,
          )
          .option('--no-agent', 'run the control plane only')
          .option('--no-managed', 'do not offer this host as managed (FARGATE) capacity')
          .option('--cluster <name>', 'cluster the embedded agent joins', 'default')
          .option(
            '--stopped-task-retention <seconds>',
            'how long STOPPED tasks stay describable',
            (v) => Number(v),
            3600,
          )
          .option(
            '--spot-warning-seconds <seconds>',
            'SIGTERM → SIGKILL warning a reclaimed FARGATE_SPOT task gets',
            (v) => Number(v),
            DEFAULT_SPOT_WARNING_SECONDS,
          )
          .option(
            '--lb-cidr <cidr>',
            "loopback block load balancers' listener addresses come from (default: a free /24 of 127.2.0.0/16)",
          )
          .option(
            '--lifecycle-hook-dir <dir>',
            'directory whose executables deployment lifecycle hooks may run as file:// targets (default: none)',
          )
          .option(
            '--scaling-cooldown-cap <seconds>',
            'Application Auto Scaling: cap every scaling cooldown at this many seconds (for tests; default: cooldowns as configured, 300 s unless set)',
            nonNegativeSeconds,
          )
          .option(
            '--target-tracking-alarm-period <seconds>',
            'Application Auto Scaling: the period of the alarms target tracking creates (AWS: 60; 10 lets tests scale within minutes)',
            alarmPeriod,
            60,
          )
          .option(
            '--alb-metrics-interval <seconds>',
            "how often the load balancers' AWS/ApplicationELB metrics are read from HAProxy and published",
            positiveInteger,
            60,
          )
          .option(
            '--alarm-webhook <topicArn=url>',
            'POST the alarm notifications CloudWatch sends to this SNS topic to an HTTP URL (repeatable)',
            collectAlarmWebhook,
            [],
          )
          .option('--quiet', 'no log lines on stderr'),
      ),
    ),
  ).action(async (flags: ServerFlags) => {
    const log = stderrLog('berth', flags.quiet);
    const keyPair = resolveKeyPair(
      {
        accessKeyId: flags.accessKeyId ?? process.env.BERTH_ACCESS_KEY_ID,
        secretAccessKey: flags.secretAccessKey ?? process.env.BERTH_SECRET_ACCESS_KEY,
      },
      flags.inMemory ? undefined : flags.dataDir,
    );
    /** --in-memory: the embedded agents' state dies with the server, in directories removed at exit. */
    const scratch: string[] = [];
    const lbBlock = claimLoadBalancerBlock(
      new HostRegistry(),
      `berth-server:${flags.inMemory ? `pid-${process.pid}` : resolve(flags.dataDir)}`,
      flags.lbCidr,
    );
    const removeScratch = (): void => {
      for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
    };
    const controlPlane = await startControlPlane({
      host: flags.host,
      port: flags.port,
      store: flags.inMemory ? { kind: 'memory' } : { kind: 'sqlite', path: join(flags.dataDir, 'state.db') },
      telemetry: flags.inMemory
        ? { kind: 'memory' }
        : { kind: 'sqlite', path: join(flags.dataDir, 'telemetry.db') },
      credentials: [{ ...keyPair, accountId: flags.accountId }],
      stoppedTaskRetentionMs: flags.stoppedTaskRetention * 1000,
      fargatePrices: fargatePricesFrom(flags),
      spotWarningSeconds: flags.spotWarningSeconds,
      ...(flags.lifecycleHookDir ? { lifecycleHookDir: resolve(flags.lifecycleHookDir) } : {}),
      alarmWebhooks: flags.alarmWebhook,
      // Agents sampling at least every 10 s (`--stats-interval 10` or less; the default is 20): AWS/ECS
      // utilization at 10-s high resolution, so every 10-s period a test alarm reads holds a sample.
      metricsHighResolution: flags.statsInterval <= 10,
      autoScaling: {
        targetTrackingAlarmPeriodSeconds: flags.targetTrackingAlarmPeriod,
        ...(flags.scalingCooldownCap !== undefined ? { cooldownCapSeconds: flags.scalingCooldownCap } : {}),
      },
      // With a data directory, HAProxy outlives a shutdown (as the tasks do) and the next start
      // adopts it; in memory, it stops with the server.
      dataPlane: {
        directory: flags.inMemory ? scratchDir(scratch, 'haproxy') : join(flags.dataDir, 'haproxy'),
        addressCidr: lbBlock.cidr,
        stopOnClose: flags.inMemory === true,
        albMetricsIntervalMs: flags.albMetricsInterval * 1000,
      },
      registry: registryConfigFrom(
        flags,
        flags.inMemory ? scratchDir(scratch, 'registry') : join(flags.dataDir, 'registry'),
      ),
      ...(flags.inMemory ? {} : { secretsKeyring: join(flags.dataDir, 'secrets.keyring') }),
      ...(flags.rotateSecretsKey ? { rotateSecretsKey: true } : {}),
      log,
    }).catch((error: unknown) => {
      // A server that cannot start (a port in use…) leaves no scratch directory or address claim.
      lbBlock.release();
      removeScratch();
      throw error;
    });
    const endpoint = `http://${flags.host}:${controlPlane.port}`;
    const agents: Agent[] = [];
    const both = flags.agent && flags.managed;
    const embedded = (name: string, managed: boolean): Agent =>
      new Agent(
        agentConfigFrom(
          taskEndpointShare(awsvpcShare(flags, both ? (managed ? 1 : 0) : undefined), both && managed),
          {
            endpoint,
            credentials: keyPair,
            region: flags.region,
            cluster: flags.cluster,
            ...(managed ? { managed: true } : {}),
            stateDir: flags.inMemory ? scratchDir(scratch, name) : join(flags.dataDir, name),
            log: stderrLog(name, flags.quiet),
          },
        ),
      );
    if (flags.agent) agents.push(embedded('agent', false));
    if (flags.agent && flags.managed) agents.push(embedded('managed-agent', true));
    for (const agent of agents) await agent.start();
    process.stdout.write(
      [
        `Berth is running at ${endpoint}`,
        `  ECR registry: ${controlPlane.registryHost}  (aws ecr get-login-password | docker login --username AWS --password-stdin ${controlPlane.registryHost})`,
        `  export AWS_ACCESS_KEY_ID=${keyPair.accessKeyId}`,
        `  export AWS_SECRET_ACCESS_KEY=${keyPair.secretAccessKey}`,
        `  export AWS_DEFAULT_REGION=${flags.region}`,
        `  aws ecs list-clusters --endpoint-url ${endpoint}`,
        '',
      ].join('\n'),
    );
    onShutdown(async () => {
      const started = Date.now();
      const stopTasks = flags.inMemory === true;
      const stopped = await Promise.all(agents.map((agent) => agent.stop({ stopTasks })));
      await controlPlane.close();
      lbBlock.release();
      removeScratch();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const tasks = stopped.reduce((a, b) => a + b, 0);
      log(
        stopTasks
          ? `shut down in ${seconds} s: stopped ${tasks} tasks and removed every container this server started`
          : `shut down in ${seconds} s; tasks keep running (restart with the same --data-dir to carry on)`,
      );
    });
  });
