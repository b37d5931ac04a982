/**
 * One measured size: a simulated cluster of `instances`, then `services` CreateService calls of
 * `tasksPerService` each, timed from the first call until every task is placed, RUNNING, and every
 * service shows runningCount = desiredCount in DescribeServices. Stops at `deadlineMs`
 * (performance.now() time) and reports how far it got.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { StateStore, StoreTransaction } from '@berth/store';

import { startCpuProfiler, type RunningProfiler } from './cpu-profiler.js';
import { checkPlacement } from './placement-checks.js';
import { PlacementWatch, TASK_KIND, type TaskRecordView } from './placement-watch.js';
import { summarizeProfile, type ProfileSummary } from './profile-summary.js';
import type { ScaleSizeResult } from './scale-results.js';
import {
  CLUSTER_NAME,
  PARTITION,
  startSimulatedCluster,
  type ControlPlaneServices,
} from './simulated-cluster.js';
import { StandInAgents } from './stand-in-agents.js';
import { measureStoreFloor } from './store-floor.js';

export interface ScaleRunOptions {
  readonly instances: number;
  readonly services: number;
  readonly tasksPerService: number;
  readonly deadlineMs: number;
  readonly profileDir: string | undefined;
  readonly progress: (text: string) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** DescribeServices (10 per call, as the API allows): does every service run its desired count? */
const allRunning = (services: ControlPlaneServices, names: readonly string[], desired: number): boolean => {
  for (let first = 0; first < names.length; first += 10) {
    const page = services.ecsServices.describe(PARTITION, CLUSTER_NAME, names.slice(first, first + 10), []);
    if (page.failures.length > 0) return false;
    if (page.services.some((s) => s.runningCount !== desired)) return false;
  }
  return true;
};

/** Peak heap, sampled; peak RSS comes from the kernel at the end. */
class MemorySampler {
  peakHeapUsed = 0;
  private readonly timer = setInterval(() => this.sample(), 50);

  sample(): void {
    this.peakHeapUsed = Math.max(this.peakHeapUsed, process.memoryUsage().heapUsed);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

/**
 * Counts the store's transactions (a wrapper on this store object only, for the run). Every
 * service reconcile is one transaction; so is every CreateService and every agent report.
 */
const countTransactions = (store: StateStore): { readonly count: () => number; restore(): void } => {
  const original = store.transact.bind(store);
  let count = 0;
  store.transact = <R>(work: (tx: StoreTransaction) => R): R => {
    count += 1;
    return original(work);
  };
  return { count: () => count, restore: () => void (store.transact = original) };
};

const STALL_TICK_MS = 10;

/**
 * The longest the event loop was blocked, from the gaps between the ticks of a 10 ms timer: all
 * that while, the process answers no API call and no agent.
 */
class StallMeter {
  longestMs = 0;
  private last = performance.now();
  private readonly timer = setInterval(() => {
    const now = performance.now();
    this.longestMs = Math.max(this.longestMs, now - this.last - STALL_TICK_MS);
    this.last = now;
  }, STALL_TICK_MS);

  stop(): void {
    clearInterval(this.timer);
  }
}

const seconds = (start: number, at: number): number => (at - start) / 1000;

export const runScale = async (options: ScaleRunOptions): Promise<ScaleSizeResult> => {
  const { instances, services: serviceCount, tasksPerService, deadlineMs, progress } = options;
  const tasks = serviceCount * tasksPerService;
  const memory = new MemorySampler();
  const setupBegan = performance.now();
  progress(`registering ${instances} container instances`);
  const cluster = await startSimulatedCluster(instances);
  const { services, clusterArn } = cluster;
  const store = cluster.controlPlane.store;
  const setupSeconds = (performance.now() - setupBegan) / 1000;
  const rssAfterSetupBytes = process.memoryUsage().rss;
  const watch = new PlacementWatch(store, tasks, () => performance.now());
  const agents = new StandInAgents(services, PARTITION, clusterArn, cluster.instanceArns, watch);
  let profiler: RunningProfiler | undefined;
  let transactions: ReturnType<typeof countTransactions> | undefined;
  let stalls: StallMeter | undefined;
  try {
    agents.start();
    profiler = options.profileDir ? await startCpuProfiler() : undefined;
    progress(
      `set up in ${setupSeconds.toFixed(1)} s; creating ${serviceCount} services × ${tasksPerService}`,
    );
    const revisionBefore = store.revision;
    const agentReportsBefore = agents.reports + agents.heartbeats;
    transactions = countTransactions(store);
    stalls = new StallMeter();
    const began = performance.now();
    const names = Array.from({ length: serviceCount }, (_, i) => `svc-${String(i).padStart(3, '0')}`);
    for (const serviceName of names) {
      services.ecsServices.create(PARTITION, {
        cluster: CLUSTER_NAME,
        serviceName,
        taskDefinition: cluster.taskDefinitionArn,
        desiredCount: tasksPerService,
      });
    }
    const createSeconds = (performance.now() - began) / 1000;
    let convergedAt: number | undefined;
    let nextProgress = began + 5_000;
    while (performance.now() < deadlineMs) {
      if (watch.running >= tasks && allRunning(services, names, tasksPerService)) {
        convergedAt = performance.now();
        break;
      }
      if (performance.now() >= nextProgress) {
        const elapsed = ((performance.now() - began) / 1000).toFixed(0);
        progress(`${elapsed} s: ${watch.placed} placed, ${watch.running} running`);
        nextProgress += 5_000;
      }
      await sleep(10);
    }
    stalls.stop();
    transactions.restore();
    const storeCommits = store.revision - revisionBefore;
    // What is neither a CreateService nor an agent report is a reconcile (or, rarely, the retention sweep).
    const agentReports = agents.reports + agents.heartbeats - agentReportsBefore;
    const reconciles = transactions.count() - serviceCount - agentReports;
    agents.stop();
    let profile: ProfileSummary | undefined;
    if (profiler && options.profileDir) {
      const raw = await profiler.stop();
      profiler = undefined;
      const file = join(options.profileDir, `scheduler-scale-${instances}.cpuprofile`);
      writeFileSync(file, JSON.stringify(raw));
      profile = { ...summarizeProfile(raw), file };
    }
    const records = store.list<TaskRecordView>(TASK_KIND, clusterArn);
    const { placedAt, runningAt } = watch;
    memory.stop();
    return {
      instances,
      services: serviceCount,
      tasks,
      outcome: convergedAt === undefined ? 'timed out' : 'converged',
      setupSeconds,
      createSeconds,
      ...(placedAt !== undefined
        ? { placedSeconds: seconds(began, placedAt), placementsPerSecond: tasks / seconds(began, placedAt) }
        : {}),
      ...(runningAt !== undefined ? { runningSeconds: seconds(began, runningAt) } : {}),
      ...(convergedAt !== undefined ? { convergedSeconds: seconds(began, convergedAt) } : {}),
      placed: watch.placed,
      running: watch.running,
      storeCommits,
      reconciles,
      maxEventLoopStallMs: stalls.longestMs,
      ...(records.length > 0 ? { floor: measureStoreFloor(records, tasksPerService) } : {}),
      checks: checkPlacement(records),
      rssAfterSetupBytes,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      peakHeapUsedBytes: memory.peakHeapUsed,
      ...(profile ? { profile } : {}),
    };
  } finally {
    stalls?.stop();
    transactions?.restore();
    await profiler?.stop();
    agents.stop();
    watch.close();
    memory.stop();
    await cluster.controlPlane.close();
  }
};
