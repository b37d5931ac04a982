/**
 * Instance usage of every cluster, kept up to date from the store's committed changes, so the
 * service controller does not rescan a cluster's tasks on every reconcile. It reflects committed
 * state only: callers inside a transaction add their own not-yet-committed placements
 * (`withTasks`), and stops never free resources before their task is STOPPED anyway.
 */
import type { StateStore, StoreChange } from '@berth/store';

import type { InstanceUsage } from './instance-usage.js';
import { KIND, type TaskRecord } from './records.js';

interface Contribution {
  readonly clusterArn: string;
  readonly instanceArn: string;
  readonly record: TaskRecord;
}

interface MutableUsage {
  tasks: number;
  cpu: number;
  memory: number;
  ports: number[];
  portsUdp: number[];
  running: number;
  pending: number;
  groups: Map<string, number>;
  /** The read-only view handed out, rebuilt only after a change. */
  view?: InstanceUsage | undefined;
}

const contributes = (record: TaskRecord | undefined): record is TaskRecord =>
  record !== undefined &&
  record.task.containerInstanceArn !== undefined &&
  record.task.lastStatus !== 'STOPPED';

export class InstanceUsageIndex {
  private readonly clusters = new Map<string, Map<string, MutableUsage>>();
  private readonly contributions = new Map<string, Contribution>();
  private readonly unsubscribe: () => void;

  constructor(store: StateStore) {
    for (const record of store.list<TaskRecord>(KIND.task)) this.add(record.task.taskArn ?? '', record);
    this.unsubscribe = store.subscribe((changes) => this.apply(changes));
  }

  /** Committed usage of the cluster's instances. */
  usage(clusterArn: string): Map<string, InstanceUsage> {
    const result = new Map<string, InstanceUsage>();
    for (const [arn, u] of this.clusters.get(clusterArn) ?? []) {
      u.view ??= {
        reserved: { cpu: u.cpu, memory: u.memory, ports: [...u.ports], portsUdp: [...u.portsUdp] },
        runningTasksCount: u.running,
        pendingTasksCount: u.pending,
        taskGroups: Object.fromEntries(u.groups),
      };
      result.set(arn, u.view);
    }
    return result;
  }

  close(): void {
    this.unsubscribe();
  }

  private apply(changes: readonly StoreChange[]): void {
    for (const change of changes) {
      if (change.kind !== KIND.task) continue;
      this.remove(change.key);
      this.add(change.key, change.value as TaskRecord | undefined);
    }
  }

  private add(taskArn: string, record: TaskRecord | undefined): void {
    if (!contributes(record)) return;
    const instanceArn = record.task.containerInstanceArn ?? '';
    this.contributions.set(taskArn, { clusterArn: record.clusterArn, instanceArn, record });
    this.update(record.clusterArn, instanceArn, record, 1);
  }

  private remove(taskArn: string): void {
    const old = this.contributions.get(taskArn);
    if (!old) return;
    this.contributions.delete(taskArn);
    this.update(old.clusterArn, old.instanceArn, old.record, -1);
  }

  private update(clusterArn: string, instanceArn: string, record: TaskRecord, sign: 1 | -1): void {
    let instances = this.clusters.get(clusterArn);
    if (!instances) this.clusters.set(clusterArn, (instances = new Map<string, MutableUsage>()));
    let u = instances.get(instanceArn);
    if (!u)
      instances.set(
        instanceArn,
        (u = {
          tasks: 0,
          cpu: 0,
          memory: 0,
          ports: [],
          portsUdp: [],
          running: 0,
          pending: 0,
          groups: new Map(),
        }),
      );
    const r = record.reservation;
    u.view = undefined;
    u.tasks += sign;
    u.cpu += sign * r.cpu;
    u.memory += sign * r.memory;
    if (sign > 0) {
      u.ports.push(...r.ports);
      u.portsUdp.push(...r.portsUdp);
    } else {
      for (const port of r.ports) u.ports.splice(u.ports.indexOf(port), 1);
      for (const port of r.portsUdp) u.portsUdp.splice(u.portsUdp.indexOf(port), 1);
    }
    if (record.task.desiredStatus === 'RUNNING') u.running += sign;
    if (record.task.lastStatus === 'PENDING') u.pending += sign;
    const group = record.task.group ?? '';
    const count = (u.groups.get(group) ?? 0) + sign;
    if (count > 0) u.groups.set(group, count);
    else u.groups.delete(group);
    if (u.tasks === 0) instances.delete(instanceArn);
  }
}
