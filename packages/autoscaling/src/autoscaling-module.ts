/**
 * Wires Application Auto Scaling over the state store and its ports: the API service the gateway
 * routes to, the use cases CloudWatch calls (onAlarmAction), the scheduled-action controller and
 * the sweeper that deregisters the targets of deleted services (start/stop).
 */
import type { ApiService } from '@berth/gateway';
import type { StateStore } from '@berth/store';

import { autoScalingService } from './api/autoscaling-service.js';
import type { AutoScalingServices } from './api/autoscaling-services.js';
import { autoScalingUseCases, type AutoScalingUseCases } from './autoscaling-use-cases.js';
import { OrphanedTargetSweeper } from './controllers/orphaned-target-sweeper.js';
import { ScheduledActionController } from './controllers/scheduled-action-controller.js';
import type { ScalableServices, ScalingAlarms, ScalingMetrics } from './scaling-ports.js';
import { AlarmActionsService } from './services/alarm-actions-service.js';
import { CapacityChanges } from './services/capacity-changes.js';
import { ScalableTargetsService } from './services/scalable-targets-service.js';
import { ScalingActivitiesService } from './services/scaling-activities-service.js';
import { ScalingPoliciesService } from './services/scaling-policies-service.js';
import { ScheduledActionRunner } from './services/scheduled-action-runner.js';
import { ScheduledActionsService } from './services/scheduled-actions-service.js';
import { randomAutoScalingIds, type AutoScalingIds, type ServiceDeps } from './services/service-deps.js';
import { TagsService } from './services/tags-service.js';

/** AWS's period for the alarms target tracking creates. */
export const DEFAULT_TARGET_TRACKING_ALARM_PERIOD_SECONDS = 60;

export interface AutoScalingModuleConfig {
  readonly store: StateStore;
  /** ECS's serviceDesiredCount/setServiceDesiredCount use cases. */
  readonly services: ScalableServices;
  /** CloudWatch's putMetricAlarm/deleteAlarms use cases. */
  readonly alarms: ScalingAlarms;
  /** A metric's recent average (CloudWatch's GetMetricStatistics). */
  readonly metrics: ScalingMetrics;
  readonly now?: () => number;
  readonly ids?: AutoScalingIds;
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
  /** Caps every cooldown at this many seconds (`--scaling-cooldown-cap`, for tests). */
  readonly cooldownCapSeconds?: number;
  /** The period of the alarms target tracking creates (`--target-tracking-alarm-period`; default 60). */
  readonly targetTrackingAlarmPeriodSeconds?: number;
  /** How often the scheduled-action controller looks for due actions; default 1 s. */
  readonly scheduleIntervalMs?: number;
}

export interface AutoScalingModule {
  readonly services: AutoScalingServices;
  readonly api: ApiService;
  readonly useCases: AutoScalingUseCases;
  readonly scheduledActions: ScheduledActionController;
  readonly orphanedTargets: OrphanedTargetSweeper;
  start(): void;
  stop(): void;
}

export const createAutoScalingModule = (config: AutoScalingModuleConfig): AutoScalingModule => {
  const deps: ServiceDeps = {
    store: config.store,
    now: config.now ?? Date.now,
    ids: config.ids ?? randomAutoScalingIds,
    services: config.services,
    alarms: config.alarms,
    metrics: config.metrics,
    log: config.log ?? (() => undefined),
    settings: {
      ...(config.cooldownCapSeconds !== undefined ? { cooldownCapSeconds: config.cooldownCapSeconds } : {}),
      targetTrackingAlarmPeriodSeconds:
        config.targetTrackingAlarmPeriodSeconds ?? DEFAULT_TARGET_TRACKING_ALARM_PERIOD_SECONDS,
    },
  };
  const changes = new CapacityChanges(deps);
  const services: AutoScalingServices = {
    targets: new ScalableTargetsService(deps, changes),
    policies: new ScalingPoliciesService(deps),
    scheduledActions: new ScheduledActionsService(deps),
    activities: new ScalingActivitiesService(deps),
    tags: new TagsService(deps),
    alarmActions: new AlarmActionsService(deps, changes),
  };
  const scheduledActions = new ScheduledActionController({
    store: config.store,
    runner: new ScheduledActionRunner(deps, changes),
    now: deps.now,
    log: deps.log,
    ...(config.scheduleIntervalMs !== undefined ? { intervalMs: config.scheduleIntervalMs } : {}),
  });
  const orphanedTargets = new OrphanedTargetSweeper({
    store: config.store,
    services: config.services,
    targets: services.targets,
    policies: services.policies,
    log: deps.log,
  });
  return {
    services,
    api: autoScalingService(services),
    useCases: autoScalingUseCases(services.alarmActions),
    scheduledActions,
    orphanedTargets,
    start: () => {
      scheduledActions.start();
      orphanedTargets.start();
    },
    stop: () => {
      scheduledActions.stop();
      orphanedTargets.stop();
    },
  };
};
