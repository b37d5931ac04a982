/**
 * Every interval: a `show stat` sample from HAProxy's runtime API, its counter deltas since the
 * previous sample (reload-safe, see @berth/lb statDeltas), mapped with the ELBv2 records and the
 * health checker's view to AWS/ApplicationELB metrics (albMetricData) and handed to the sink. It
 * samples only while load balancers exist (HAProxy runs only then); a failed sample or publish is
 * logged and the next interval carries on. Collections never overlap; stop waits for the one
 * under way.
 */
import { statDeltas, type HaproxyRuntimeApi, type StatSample } from '@berth/lb';

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

export class AlbMetricsCollector {
  readonly #options: AlbMetricsCollectorOptions;
  #previous: StatSample | undefined;
  #timer: NodeJS.Timeout | undefined;
  #collecting: Promise<void> | undefined;

  constructor(options: AlbMetricsCollectorOptions) {
    this.#options = options;
  }

  start(): void {
    this.#timer = setInterval(() => {
      if (this.#collecting === undefined)
        this.#collecting = this.collect().finally(() => (this.#collecting = undefined));
    }, this.#options.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#collecting;
  }

  /** One collection; never throws. */
  async collect(): Promise<void> {
    const { elbv2, board, runtimeApi, sink, log } = this.#options;
    try {
      const snapshot = elbv2.snapshot();
      if (snapshot.loadBalancers.length === 0) return;
      const sample = await runtimeApi.statSample();
      const deltas = statDeltas(this.#previous, sample);
      this.#previous = sample;
      const timestamp = Math.floor(this.#options.now() / 1000);
      const partitions = albMetricData({
        snapshot,
        deltas,
        health: (arn, target) => board.observed(arn, target),
        timestamp,
      });
      for (const { partition, data } of partitions)
        await sink.putMetricData(partition, ALB_METRIC_NAMESPACE, data);
    } catch (error) {
      log('ALB metrics collection failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
