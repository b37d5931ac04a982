/**
 * The telemetry benchmark: CloudWatch Logs and CloudWatch API throughput on Berth and on moto's
 * server (the same calls, same run), then Berth's log pipeline from a container's stdout to
 * FilterLogEvents against Docker's own receive rate and json-file CPU. `node bench/dist/main.js
 * telemetry` runs it alone; settings come from BENCH_TELEMETRY_* variables.
 */
import { positiveInteger, type BenchConfig } from '../config.js';
import { startBerth, startMoto, withServer } from '../servers.js';

import { benchLogPipeline } from './log-pipeline.js';
import { benchTelemetryApi } from './telemetry-api.js';
import type { TelemetryResults } from './telemetry-report.js';

export { renderTelemetry, type TelemetryResults } from './telemetry-report.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const measureTelemetry = async (
  config: BenchConfig,
  signal: AbortSignal,
  progress: (text: string) => void,
): Promise<TelemetryResults> => {
  const settings = {
    concurrency: positiveInteger('BENCH_TELEMETRY_CONCURRENCY', 4),
    seconds: positiveInteger('BENCH_TELEMETRY_SECONDS', 5),
    logBatch: positiveInteger('BENCH_TELEMETRY_LOG_BATCH', 100),
    metricBatch: positiveInteger('BENCH_TELEMETRY_METRIC_BATCH', 20),
    pipelineLines: positiveInteger('BENCH_TELEMETRY_PIPELINE_LINES', 20_000),
  };
  const results: TelemetryResults = { settings, api: {}, errors: {} };
  const attempt = async (name: string, body: () => Promise<void>): Promise<void> => {
    if (signal.aborted) return;
    try {
      await body();
    } catch (error) {
      results.errors[name] = message(error);
      progress(`telemetry: ${name} failed: ${message(error)}`);
    }
  };
  await attempt('api berth', async () => {
    progress('telemetry: Logs and CloudWatch calls against berth server --no-agent');
    results.api.berth = await withServer(
      () => startBerth(config, { agent: false }),
      (s) => benchTelemetryApi(config, s.endpoint, settings, signal),
    );
  });
  await attempt('api moto', async () => {
    progress('telemetry: the same calls against moto server');
    results.api.moto = await withServer(startMoto, (s) =>
      benchTelemetryApi(config, s.endpoint, settings, signal),
    );
  });
  await attempt('pipeline', async () => {
    progress(`telemetry: ${settings.pipelineLines} lines from a container to FilterLogEvents`);
    results.pipeline = await withServer(
      () => startBerth(config, { agent: true }),
      (s) => {
        if (s.pid === undefined) throw new Error('no server pid');
        return benchLogPipeline(config, s.endpoint, s.pid, settings.pipelineLines);
      },
    );
  });
  return results;
};
