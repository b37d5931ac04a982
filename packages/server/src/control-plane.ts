/**
 * The composition root of `berth server`: config → store → API modules → gateway → data plane.
 * It opens the store and, beside it, the telemetry store (CloudWatch's metrics and CloudWatch
 * Logs' events, never in the state store; alarms are state-store records), wires ECS, ELBv2,
 * CloudWatch, CloudWatch Logs and Application Auto Scaling over them (ECS meets the others only
 * through its LoadBalancing, MetricSink and DeploymentAlarms ports, Logs meets CloudWatch through
 * its LogMetricSink, ELBv2 through its AlbMetricSink, Application Auto Scaling meets ECS and
 * CloudWatch through its ScalableServices, ScalingAlarms and ScalingMetrics ports; alarm actions
 * leave through alarm-action-sink, Auto Scaling's to its onAlarmAction), wires ECR with its
 * registry over one blob store (ecr-registry), serves every API behind one gateway and the
 * registry on a port of its own, starts (or adopts) the HAProxy that serves the load balancers, and starts the
 * controllers once the gateway listens. While the data plane runs, the ALB metrics collector
 * publishes HAProxy's counters as AWS/ApplicationELB metrics.
 */
import { dirname, join } from 'node:path';

import { createAutoScalingModule } from '@berth/autoscaling';
import {
  createEcsModule,
  ECS_TASKS_PRINCIPAL,
  type ControlPlaneServices,
  type EcsModuleConfig,
} from '@berth/ecs';
import { createCloudWatchModule } from '@berth/cloudwatch';
import { AlbMetricsCollector, createElbv2Module, DataPlaneController, TargetHealthBoard } from '@berth/elbv2';
import { DEFAULT_CODECS, GatewayServer, type CredentialPair } from '@berth/gateway';
import { createIamModule } from '@berth/iam';
import { createSecretsManagerModule } from '@berth/secretsmanager';
import { createSsmModule } from '@berth/ssm';
import { createStsModule } from '@berth/sts';
import { HaproxySupervisor, locateHaproxy } from '@berth/lb';
import { createLogsModule, type LogsUseCases } from '@berth/logs';
import { openStateStore, type StateStore, type StoreLocation } from '@berth/store';
import { openLogStore, openMetricStore, type TelemetryLocation } from '@berth/telemetry';

import { createAlarmActionSink, type AlarmWebhook } from './alarm-action-sink.js';
import { cloudWatchMetricSink } from './cloudwatch-metric-sink.js';
import { createEcrRegistry, type RegistryConfig } from './ecr-registry.js';
import { ecsDeploymentAlarms } from './ecs-deployment-alarms.js';
import { ecsLoadBalancing } from './ecs-load-balancing.js';
import { cloudWatchScalingMetrics } from './scaling-metrics.js';
import { openSecretKeyring } from './secret-keyring.js';

export interface DataPlaneConfig {
  /** Where HAProxy's configuration, sockets, pidfile and log live (kept across restarts). */
  readonly directory: string;
  /** The loopback block load balancers take their addresses from, e.g. 127.2.0.0/24. */
  readonly addressCidr: string;
  /**
   * HAProxy stops with the server (`--in-memory`): on close, and by its parent-death signal when the
   * server is killed outright. Otherwise it outlives the server, which adopts it at its next start.
   */
  readonly stopOnClose: boolean;
  /** How often AWS/ApplicationELB metrics are read from HAProxy and published (default 60 000 ms). */
  readonly albMetricsIntervalMs?: number;
}

export interface ControlPlaneConfig extends Omit<
  EcsModuleConfig,
  'store' | 'loadBalancing' | 'metricSink' | 'deploymentAlarms'
> {
  readonly host: string;
  readonly port: number;
  readonly store: StoreLocation;
  /**
   * Where CloudWatch metrics and CloudWatch Logs events live (never in the state store). Default:
   * `telemetry.db` beside an SQLite state store, or memory when the state store is in memory.
   */
  readonly telemetry?: TelemetryLocation;
  readonly credentials: readonly CredentialPair[];
  /** SNS topics whose alarm notifications are POSTed to a URL (`--alarm-webhook`). */
  readonly alarmWebhooks?: readonly AlarmWebhook[];
  /** How often the alarm evaluator looks for passed period boundaries (default 2 s). */
  readonly alarmEvaluationEveryMs?: number;
  /** The load balancers' data plane; without it ELBv2 answers, but no listener serves. */
  readonly dataPlane?: DataPlaneConfig;
  /** Application Auto Scaling's test settings (`--scaling-cooldown-cap`, `--target-tracking-alarm-period`). */
  readonly autoScaling?: AutoScalingSettings;
  /** ECR's registry: where its blobs live and the port it serves; without it ECR answers no push or pull. */
  readonly registry: RegistryConfig;
  /**
   * The file of the keys Secrets Manager and SSM values are encrypted with (created on first use,
   * mode 0600); absent: one key held in memory, for a store in memory.
   */
  readonly secretsKeyring?: string;
  /** Start with a new active key and re-encrypt every stored value under it (`--rotate-secrets-key`). */
  readonly rotateSecretsKey?: boolean;
}

export interface AutoScalingSettings {
  /** Caps every scaling cooldown at this many seconds. */
  readonly cooldownCapSeconds?: number;
  /** The period of the alarms target tracking creates, seconds (default 60). */
  readonly targetTrackingAlarmPeriodSeconds?: number;
}

export interface RunningControlPlane {
  readonly port: number;
  readonly endpoint: string;
  /** The host repository URIs name (`localhost:<registry port>` unless configured). */
  readonly registryHost: string;
  readonly services: ControlPlaneServices;
  /** The open store, for benchmarks and tests that seed or watch records directly. */
  readonly store: StateStore;
  /** The CloudWatch Logs use cases (the agent's log shipping path calls these). */
  readonly logs: LogsUseCases;
  close(): Promise<void>;
}

/** `telemetry.db` in the state store's directory, or memory beside a memory store. */
export const telemetryLocationFor = (store: StoreLocation): TelemetryLocation =>
  store.kind === 'memory'
    ? { kind: 'memory' }
    : { kind: 'sqlite', path: join(dirname(store.path), 'telemetry.db') };

export const startControlPlane = async (config: ControlPlaneConfig): Promise<RunningControlPlane> => {
  // A missing HAProxy is a start-up error naming the package, before anything is opened.
  const haproxy = config.dataPlane ? await locateHaproxy() : undefined;
  const store = openStateStore(config.store);
  const now = config.now ?? Date.now;
  const telemetryLocation = config.telemetry ?? telemetryLocationFor(config.store);
  const metricStore = openMetricStore(telemetryLocation);
  const cloudWatch = createCloudWatchModule({
    metrics: metricStore,
    store,
    now,
    log: config.log,
    alarmActions: createAlarmActionSink({
      webhooks: config.alarmWebhooks ?? [],
      log: config.log,
      now,
      // Created below, over ECS; an action only runs once the controllers have started.
      autoScaling: {
        onAlarmAction: async (invocation) => {
          const outcome = await autoScaling.useCases.onAlarmAction(invocation);
          if (outcome.outcome === 'not-scaled')
            config.log('auto scaling: an alarm action did not scale', {
              alarm: invocation.alarmName,
              why: outcome.why,
            });
        },
      },
    }),
    ...(config.alarmEvaluationEveryMs !== undefined
      ? { alarmEvaluationEveryMs: config.alarmEvaluationEveryMs }
      : {}),
  });
  const metricSink = cloudWatchMetricSink(cloudWatch.useCases);
  const logStore = openLogStore(telemetryLocation);
  const logs = createLogsModule({
    store: logStore,
    now,
    log: config.log,
    metricSink,
  });
  const board = new TargetHealthBoard();
  let ecsInstanceAddress: (id: string) => string | undefined = () => undefined;
  const elbv2 = createElbv2Module({
    store,
    now,
    health: board,
    instances: (id) => ecsInstanceAddress(id),
    ...(config.dataPlane ? { addressCidr: config.dataPlane.addressCidr } : {}),
  });
  const keyring = openSecretKeyring(config.secretsKeyring);
  const secretsManager = createSecretsManagerModule({ store, cipher: keyring, now });
  const ssm = createSsmModule({ store, cipher: keyring, now });
  if (config.rotateSecretsKey) {
    const keyId = keyring.rotate();
    const resealed = [secretsManager.resealAll(), ssm.resealAll()];
    config.log('secrets key rotated: every stored value is encrypted under the new key', {
      keyId,
      values: resealed.reduce((sum, r) => sum + r.values, 0),
    });
  }
  const iam = createIamModule({ store, now });
  const sts = createStsModule({ store, iam, rootKeys: config.credentials, now });
  const ecs = createEcsModule({
    ...config,
    store,
    taskRoleSessions: {
      assumeRoleForTask: (request) =>
        sts.assumeRoleForService({ ...request, servicePrincipal: ECS_TASKS_PRINCIPAL, nowMs: now() }),
    },
    loadBalancing: ecsLoadBalancing(elbv2.useCases),
    metricSink,
    deploymentAlarms: ecsDeploymentAlarms(cloudWatch.useCases),
  });
  ecsInstanceAddress = (id) => ecs.instanceHostAddress(id);
  const autoScaling = createAutoScalingModule({
    store,
    now,
    log: config.log,
    services: ecs.useCases,
    alarms: cloudWatch.useCases,
    metrics: cloudWatchScalingMetrics(cloudWatch.useCases),
    ...config.autoScaling,
  });
  const registry = createEcrRegistry(config.registry, { store, now, log: config.log });
  const supervisor =
    config.dataPlane && haproxy
      ? new HaproxySupervisor({
          binary: haproxy,
          directory: config.dataPlane.directory,
          diesWithServer: config.dataPlane.stopOnClose,
        })
      : undefined;
  const albMetrics = supervisor
    ? new AlbMetricsCollector({
        runtimeApi: supervisor.runtimeApi,
        elbv2,
        board,
        sink: metricSink,
        intervalMs: config.dataPlane?.albMetricsIntervalMs ?? 60_000,
        now,
        log: config.log,
      })
    : undefined;
  const dataPlane = supervisor
    ? new DataPlaneController({
        store,
        elbv2,
        board,
        supervisor,
        now,
        log: config.log,
        ...(albMetrics ? { beforeReload: () => albMetrics.beforeReload() } : {}),
      })
    : undefined;
  const gateway = new GatewayServer({
    services: [
      ...ecs.apis,
      elbv2.api,
      cloudWatch.api,
      logs.api,
      autoScaling.api,
      registry.ecr.api,
      iam.api,
      sts.api,
      secretsManager.api,
      ssm.api,
    ],
    codecs: DEFAULT_CODECS,
    authenticator: sts.authenticator,
    authorizer: iam.authorizer,
    log: config.log,
    now,
  });
  const closeStores = async (): Promise<void> => {
    store.close();
    metricStore.close();
    await logStore.close();
  };
  let registryHost: string;
  let port: number;
  try {
    await dataPlane?.start();
    try {
      registryHost = await registry.listen(config.host);
      port = await gateway.listen(config.port, config.host);
    } catch (error) {
      // A port in use: nothing this start opened is left behind (listeners, HAProxy, stores).
      await registry.close().catch(() => undefined);
      await gateway.close().catch(() => undefined);
      await dataPlane?.stop(config.dataPlane?.stopOnClose ?? true);
      throw error;
    }
  } catch (error) {
    await closeStores();
    throw error;
  }
  ecs.start();
  registry.start();
  autoScaling.start();
  cloudWatch.start();
  logs.start();
  albMetrics?.start();
  return {
    port,
    endpoint: `http://${config.host}:${port}`,
    registryHost,
    services: ecs.services,
    store,
    logs: logs.useCases,
    close: async () => {
      autoScaling.stop();
      await albMetrics?.stop();
      ecs.stop();
      cloudWatch.stop();
      await logs.stop();
      await gateway.close();
      await registry.close();
      await dataPlane?.stop(config.dataPlane?.stopOnClose ?? true);
      await closeStores();
    },
  };
};
