/** What every Application Auto Scaling use case gets: store, clock, ids, its ports and settings. */
import { randomBytes, randomUUID } from 'node:crypto';

import type { StateStore } from '@berth/store';

import type { ScalableServices, ScalingAlarms, ScalingMetrics } from '../scaling-ports.js';

export interface AutoScalingIds {
  uuid(): string;
  /** The id at the end of a scalable target's ARN. */
  targetId(): string;
}

export const randomAutoScalingIds: AutoScalingIds = {
  uuid: () => randomUUID(),
  targetId: () => randomBytes(18).toString('hex'),
};

export interface AutoScalingSettings {
  /** Caps every cooldown at this many seconds (a test setting; absent: cooldowns as configured). */
  readonly cooldownCapSeconds?: number;
  /** The period of the alarms target tracking creates, seconds (AWS: 60). */
  readonly targetTrackingAlarmPeriodSeconds: number;
}

export interface ServiceDeps {
  readonly store: StateStore;
  /** Epoch ms. */
  readonly now: () => number;
  readonly ids: AutoScalingIds;
  readonly services: ScalableServices;
  readonly alarms: ScalingAlarms;
  readonly metrics: ScalingMetrics;
  readonly settings: AutoScalingSettings;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

export const epochSeconds = (ms: number): number => ms / 1000;
