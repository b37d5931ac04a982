/**
 * The same CloudWatch Logs and CloudWatch calls against one endpoint (Berth or moto): PutLogEvents
 * batches, FilterLogEvents with a term, PutMetricData batches and GetMetricData queries, each for a
 * fixed time at a fixed concurrency. Answers are checked, so a wrong answer counts as an error.
 */
import { GetMetricDataCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';

import type { BenchConfig } from '../config.js';

import { cloudWatchClient, logsClient } from './telemetry-clients.js';
import { timedLoop, type LoopResult } from './timed-loop.js';

export interface TelemetryApiSettings {
  readonly concurrency: number;
  readonly seconds: number;
  /** Log events per PutLogEvents call (one in each batch carries the filter term). */
  readonly logBatch: number;
  /** Datums per PutMetricData call. */
  readonly metricBatch: number;
}

export interface TelemetryApiResult {
  readonly putLogEvents: LoopResult & { readonly eventsPerSecond: number };
  readonly filterLogEvents: LoopResult;
  readonly putMetricData: LoopResult & { readonly datumsPerSecond: number };
  readonly getMetricData: LoopResult;
}

const PADDING = 'x'.repeat(64);
const NAMESPACE = 'Bench/Telemetry';

const check = (condition: boolean, what: string): void => {
  if (!condition) throw new Error(`wrong result: ${what}`);
};

export const benchTelemetryApi = async (
  config: BenchConfig,
  endpoint: string,
  settings: TelemetryApiSettings,
  signal: AbortSignal,
): Promise<TelemetryApiResult> => {
  const workers = Array.from({ length: settings.concurrency }, (_, i) => i);
  const logs = workers.map(() => logsClient(config, endpoint));
  const metrics = workers.map(() => cloudWatchClient(config, endpoint));
  const group = '/bench/telemetry';
  try {
    await logs[0]!.send(new CreateLogGroupCommand({ logGroupName: group }));
    for (const w of workers)
      await logs[w]!.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: `w${w}` }));

    const put = await timedLoop(settings.concurrency, settings.seconds, signal, async (w, i) => {
      const now = Date.now();
      const logEvents = Array.from({ length: settings.logBatch }, (_, j) => ({
        timestamp: now,
        message: `${j === 0 ? 'needle' : 'hay'} ${i} ${j} ${PADDING}`,
      }));
      const answer = await logs[w]!.send(
        new PutLogEventsCommand({ logGroupName: group, logStreamName: `w${w}`, logEvents }),
      );
      check(answer.rejectedLogEventsInfo === undefined, 'events rejected');
    });
    const filter = await timedLoop(settings.concurrency, settings.seconds, signal, async (w) => {
      const answer = await logs[w]!.send(
        new FilterLogEventsCommand({ logGroupName: group, filterPattern: 'needle', limit: 100 }),
      );
      check((answer.events ?? []).length === 100, `${answer.events?.length ?? 0} events, wanted 100`);
      check(
        (answer.events ?? []).every((e) => e.message?.startsWith('needle ')),
        'a non-matching event',
      );
    });

    const putMetrics = await timedLoop(settings.concurrency, settings.seconds, signal, async (w, i) => {
      const now = new Date();
      await metrics[w]!.send(
        new PutMetricDataCommand({
          Namespace: NAMESPACE,
          MetricData: Array.from({ length: settings.metricBatch }, (_, k) => ({
            MetricName: `m${k}`,
            Dimensions: [{ Name: 'Worker', Value: `w${w}` }],
            Timestamp: now,
            Value: (i * 7 + k) % 100,
            Unit: 'Count',
          })),
        }),
      );
    });
    const getMetrics = await timedLoop(settings.concurrency, settings.seconds, signal, async (w) => {
      const end = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
      const answer = await metrics[w]!.send(
        new GetMetricDataCommand({
          StartTime: new Date(end.getTime() - 15 * 60_000),
          EndTime: end,
          MetricDataQueries: Array.from({ length: 5 }, (_, k) => ({
            Id: `q${k}`,
            MetricStat: {
              Metric: {
                Namespace: NAMESPACE,
                MetricName: `m${k}`,
                Dimensions: [{ Name: 'Worker', Value: `w${w}` }],
              },
              Period: 60,
              Stat: 'Average',
            },
          })),
        }),
      );
      const results = answer.MetricDataResults ?? [];
      check(results.length === 5, `${results.length} results, wanted 5`);
      check(
        results.every((r) => (r.Values ?? []).length > 0),
        'a query without datapoints',
      );
    });
    return {
      putLogEvents: { ...put, eventsPerSecond: put.callsPerSecond * settings.logBatch },
      filterLogEvents: filter,
      putMetricData: { ...putMetrics, datumsPerSecond: putMetrics.callsPerSecond * settings.metricBatch },
      getMetricData: getMetrics,
    };
  } finally {
    for (const client of [...logs, ...metrics]) client.destroy();
  }
};
