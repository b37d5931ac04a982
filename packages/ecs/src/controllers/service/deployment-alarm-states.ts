/**
 * The alarm states the service controller's reconciles read. A reconcile runs in one synchronous
 * store transaction, so the states are fetched beforehand: every `refreshEveryMs`, for each service
 * with enabled deployment alarms and a deployment IN_PROGRESS, through the DeploymentAlarms port.
 * A reconcile sees states at most one refresh old; a service not fetched yet has none, and its
 * alarms decide nothing until they are known.
 */
import { partitionOfArn } from '@berth/core';
import type { AlarmStateValue } from '@berth/scheduler';
import type { StateStore } from '@berth/store';

import type { DeploymentAlarms } from '../../services/ecs-services/deployment-alarms.js';
import { SERVICE_KIND, type ServiceRecord } from '../../services/ecs-services/service-record.js';

export class DeploymentAlarmStates {
  private readonly states = new Map<string, Readonly<Record<string, AlarmStateValue>>>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing = false;

  constructor(
    private readonly store: StateStore,
    private readonly port: DeploymentAlarms,
    private readonly log: (message: string, fields?: Record<string, unknown>) => void,
    private readonly refreshEveryMs = 1000,
  ) {}

  /** The states of the service's deployment alarms, once fetched. */
  of(serviceArn: string): Readonly<Record<string, AlarmStateValue>> | undefined {
    return this.states.get(serviceArn);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.refresh(), this.refreshEveryMs);
    this.timer.unref();
    void this.refresh();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      const watched = new Set<string>();
      for (const record of this.store.list<ServiceRecord>(SERVICE_KIND)) {
        const alarms = record.service.deploymentConfiguration?.alarms;
        const arn = record.service.serviceArn ?? '';
        if (!alarms?.enable || record.service.status !== 'ACTIVE') continue;
        if (!record.deployments.some((d) => d.rolloutState === 'IN_PROGRESS')) continue;
        watched.add(arn);
        try {
          const found = await this.port.statesOf(partitionOfArn(arn), alarms.alarmNames);
          this.states.set(arn, Object.fromEntries(found));
        } catch (error) {
          this.log('reading deployment alarm states failed', { service: arn, error: String(error) });
        }
      }
      for (const arn of [...this.states.keys()]) if (!watched.has(arn)) this.states.delete(arn);
    } finally {
      this.refreshing = false;
    }
  }
}
