/** What one scheduler-scale run measured, as printed and written to JSON. */
import type { ProfileSummary } from './profile-summary.js';

export interface StoreFloor {
  /** Committing the same task records to a fresh store, one transaction per service. */
  readonly seconds: number;
  readonly placementsPerSecond: number;
}

/** Checks on the final state: a scheduler must not win by placing badly. */
export interface PlacementChecks {
  /** Task records whose desired status is RUNNING (should equal the tasks asked for). */
  readonly liveTasks: number;
  readonly maxTasksPerInstance: number;
  readonly instancesUsed: number;
  /** Instances whose tasks reserve more CPU or memory than they registered (must be 0). */
  readonly overcommitted: number;
  /** Worst per-service gap between its most and least used availability zone (spread: ≤ 1). */
  readonly maxZoneSkew: number;
}

export interface ScaleSizeResult {
  readonly instances: number;
  readonly services: number;
  readonly tasks: number;
  readonly outcome: 'converged' | 'timed out' | 'failed';
  /** Registering the instances and the task definition (not part of the measured phase). */
  readonly setupSeconds?: number;
  /** The CreateService calls themselves (the controller places in the background). */
  readonly createSeconds?: number;
  /** First CreateService → every task placed (committed with a container instance). */
  readonly placedSeconds?: number;
  /** First CreateService → every task RUNNING in the store (stand-in agents reported). */
  readonly runningSeconds?: number;
  /** First CreateService → DescribeServices shows runningCount = desiredCount for every service. */
  readonly convergedSeconds?: number;
  readonly placementsPerSecond?: number;
  /** Progress when the run ended (all of them unless timed out). */
  readonly placed: number;
  readonly running: number;
  /** Transactions that wrote something, during the measured phase. */
  readonly storeCommits?: number;
  /** Service reconciles during the measured phase (transactions that were not the bench's own). */
  readonly reconciles?: number;
  /** The longest the event loop was blocked during the measured phase (no API call answered). */
  readonly maxEventLoopStallMs?: number;
  readonly floor?: StoreFloor;
  readonly checks?: PlacementChecks;
  readonly rssAfterSetupBytes?: number;
  readonly peakRssBytes?: number;
  readonly peakHeapUsedBytes?: number;
  readonly profile?: ProfileSummary;
  readonly error?: string;
}

export interface SchedulerScaleResults {
  readonly settings: {
    readonly sizes: readonly number[];
    readonly services: number;
    readonly tasksPerService: number;
    readonly timeoutSeconds: number;
    readonly instanceResources: Readonly<Record<string, number>>;
    readonly taskReservation: Readonly<Record<string, number>>;
  };
  readonly nomadC1mPlacementsPerSecond: number;
  readonly sizes: ScaleSizeResult[];
}
