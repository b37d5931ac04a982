/**
 * Every interval: a `show stat` sample from HAProxy's runtime API, its counter deltas since the
 * previous sample (reload-safe, see @berth/lb statDeltas), mapped with the ELBv2 records and the
 * health checker's view to AWS/ApplicationELB metrics (albMetricData) and handed to the sink.
 * A reload ends the old worker and its counters, so the data plane calls `beforeReload` first: the
 * counts up to then are carried into the next interval (only requests the old worker serves after
 * that sample are lost). It samples only while load balancers exist (HAProxy runs only then); a
 * failed sample or publish is logged and the next interval carries on. Samples never overlap;
 * stop waits for the one under way.
 */
import {
  mergeStatDeltas,
  statDeltas,
  type HaproxyRuntimeApi,
  type StatRowDelta,
  type StatSample,
} from '@berth/lb';

import type { Elbv2Module } from '../elbv2-module.js';
import type { TargetHealthBoard } from '../data-plane/target-health-board.js';

import { albMetricData } from './alb-metric-data.js';
import { ALB_METRIC_NAMESPACE, type AlbMetricSink } from './alb-metric-sink.js';

export interface AlbMetricsCollectorOptions {
  readonly runtimeApi: Pick<HaproxyRuntimeApi, 'statSample'>;
  readonly elbv2: Pick<Elbv2Module, 'snapshot'>;
  readonly board: Pick<TargetHealthBoard, 'observed'>;
  readonly sink: AlbMetricSink;
  readonly intervalMs: number;
  readonly now: () => number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class AlbMetricsCollector {
  readonly #options: AlbMetricsCollectorOptions;
  #previous: StatSample | undefined;
  /** Counts sampled before a reload, not yet published. */
  #carried: readonly StatRowDelta[] | undefined;
  #timer: NodeJS.Timeout | undefined;
  #queue: Promise<void> = Promise.resolve();
  #collecting = false;

  constructor(options: AlbMetricsCollectorOptions) {
    this.#options = options;
  }

  start(): void {
    this.#timer = setInterval(() => {
      if (this.#collecting) return;
      this.#collecting = true;
      void this.collect().finally(() => (this.#collecting = false));
    }, this.#options.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#queue;
  }

  /** One collection and publish; never throws. */
  collect(): Promise<void> {
    return this.#serial(async () => {
      try {
        const snapshot = this.#options.elbv2.snapshot();
        if (snapshot.loadBalancers.length === 0) return;
        const deltas = await this.#sample();
        const carried = this.#carried;
        this.#carried = undefined;
        const partitions = albMetricData({
          snapshot,
          deltas: carried && deltas ? mergeStatDeltas(carried, deltas) : (deltas ?? carried),
          health: (arn, target) => this.#options.board.observed(arn, target),
          timestamp: Math.floor(this.#options.now() / 1000),
        });
        for (const { partition, data } of partitions)
          await this.#options.sink.putMetricData(partition, ALB_METRIC_NAMESPACE, data);
      } catch (error) {
        this.#options.log('ALB metrics collection failed', { error: messageOf(error) });
      }
    });
  }

  /** Samples the worker about to be replaced, carrying its counts into the next interval; never throws. */
  beforeReload(): Promise<void> {
    return this.#serial(async () => {
      try {
        if (this.#previous === undefined) return;
        const deltas = await this.#sample();
        if (deltas) this.#carried = this.#carried ? mergeStatDeltas(this.#carried, deltas) : deltas;
      } catch (error) {
        this.#options.log('ALB metrics sample before a reload failed', { error: messageOf(error) });
      }
    });
  }

  async #sample(): Promise<readonly StatRowDelta[] | undefined> {
    const sample = await this.#options.runtimeApi.statSample();
    const deltas = statDeltas(this.#previous, sample);
    this.#previous = sample;
    return deltas;
  }

  #serial(work: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(work);
    this.#queue = run;
    return run;
  }
}
