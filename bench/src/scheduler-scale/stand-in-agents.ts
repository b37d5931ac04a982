/**
 * In-process stand-ins for the container-instance agents, for this benchmark only. They do what
 * the control plane can observe of a real agent, and nothing more: report each placed task RUNNING
 * (one report per instance per tick, as an agent batches its reports), and keep every instance
 * "seen" so that none is presumed lost while a large cluster is set up and measured.
 */
import type { Partition } from '@berth/core';

import type { PlacementWatch } from './placement-watch.js';
import type { ControlPlaneServices } from './simulated-cluster.js';

/** A real agent polls within 20 s; the control plane presumes it lost after 60 s of silence. */
const HEARTBEAT_MS = 10_000;
const TICK_MS = 5;

export class StandInAgents {
  private tickTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  /** Reports sent: those that started tasks, and the empty ones that only keep instances seen. */
  reports = 0;
  heartbeats = 0;

  constructor(
    private readonly services: ControlPlaneServices,
    private readonly partition: Partition,
    private readonly clusterArn: string,
    private readonly instanceArns: readonly string[],
    private readonly watch: PlacementWatch,
  ) {}

  start(): void {
    this.heartbeat();
    this.heartbeatTimer = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
    const tick = (): void => {
      this.startPlacedTasks();
      this.tickTimer = setTimeout(tick, TICK_MS);
    };
    this.tickTimer = setTimeout(tick, TICK_MS);
  }

  stop(): void {
    clearTimeout(this.tickTimer);
    clearInterval(this.heartbeatTimer);
  }

  /** An empty report: marks the instance seen and writes nothing. */
  heartbeat(): void {
    for (const containerInstanceArn of this.instanceArns) {
      this.services.agentLink.report(this.partition, { containerInstanceArn, tasks: [] });
      this.heartbeats += 1;
    }
  }

  private startPlacedTasks(): void {
    const startedAt = Date.now() / 1000;
    for (const [containerInstanceArn, tasks] of this.watch.takeToStart()) {
      this.services.agentLink.report(this.partition, {
        containerInstanceArn,
        tasks: [...tasks].map((task) => ({
          cluster: this.clusterArn,
          task,
          status: 'RUNNING',
          containers: [{ containerName: 'app', status: 'RUNNING' }],
          startedAt,
        })),
      });
      this.reports += 1;
    }
  }
}
